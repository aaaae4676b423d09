/**
 * Flavour "ts-fractional": OZ 5 Governor on a timestamp clock (ERC-6372 `mode=timestamp`) with
 * fractional counting (GovernorCountingFractional), executing through a TimelockController.
 * Voting delay and period are seconds.
 */
import { parseEther, parseUnits, zeroAddress } from "viem";
import { demoTimelockAbi, demoTimelockBytecode } from "../../contracts-abi/demoTimelock";
import {
  timestampFractionalGovernorAbi,
  timestampFractionalGovernorBytecode,
} from "../../contracts-abi/flavours/timestampFractionalGovernor";
import {
  timestampFractionalTokenAbi,
  timestampFractionalTokenBytecode,
} from "../../contracts-abi/flavours/timestampFractionalToken";
import {
  dev,
  type FlavourDeployment,
  type FlavourHolder,
  type FlavourSender,
  flavourSender,
  handTimelockToGovernor,
} from "./common";

const settings = {
  votingDelay: 60, // seconds
  votingPeriod: 600, // seconds
  proposalThreshold: parseUnits("1000", 18),
  quorumNumerator: 4n,
  timelockDelay: 120,
};

/** 1M CTS: quorum (4 %) is 40,000, so dev #1 alone meets it. #0 keeps what is not handed out. */
const supply = parseUnits("1000000", 18);
const holders: FlavourHolder[] = [
  { address: dev[0], amount: parseUnits("390000", 18), delegated: true },
  { address: dev[1], amount: parseUnits("300000", 18), delegated: true },
  { address: dev[2], amount: parseUnits("100000", 18), delegated: true },
  { address: dev[3], amount: parseUnits("50000", 18), delegated: true },
  { address: dev[4], amount: parseUnits("10000", 18), delegated: false },
];
const treasury = { tokens: parseUnits("150000", 18), eth: parseEther("10") };

/**
 * Deploys token, timelock and governor from dev #0, hands out tokens, self-delegates holders
 * #0..#3 and funds the treasury. `target` is an RPC URL (automine on) or a {@link FlavourSender}.
 *
 * @example
 * const deployment = await deployTimestampFractional("http://127.0.0.1:8545");
 */
export async function deployTimestampFractional(target: string | FlavourSender): Promise<FlavourDeployment> {
  const sender = flavourSender(target);
  const from = dev[0];
  const token = await sender.deploy(
    "TimestampFractionalToken",
    from,
    timestampFractionalTokenAbi,
    timestampFractionalTokenBytecode,
    [from, supply],
  );
  const timelock = await sender.deploy("TimelockController", from, demoTimelockAbi, demoTimelockBytecode, [
    BigInt(settings.timelockDelay),
    [],
    [zeroAddress],
    from,
  ]);
  const governor = await sender.deploy(
    "TimestampFractionalGovernor",
    from,
    timestampFractionalGovernorAbi,
    timestampFractionalGovernorBytecode,
    [
      token.address,
      timelock.address,
      settings.votingDelay,
      settings.votingPeriod,
      settings.proposalThreshold,
      settings.quorumNumerator,
    ],
  );
  await handTimelockToGovernor(sender, from, timelock.address, governor.address);

  const tokenCall = { address: token.address, abi: timestampFractionalTokenAbi } as const;
  for (const holder of holders) {
    if (holder.address !== from) {
      await sender.write(from, { ...tokenCall, functionName: "transfer", args: [holder.address, holder.amount] });
    }
    if (holder.delegated) {
      await sender.write(holder.address, { ...tokenCall, functionName: "delegate", args: [holder.address] });
    }
  }
  await sender.write(from, { ...tokenCall, functionName: "transfer", args: [timelock.address, treasury.tokens] });
  await sender.sendEth(from, timelock.address, treasury.eth);

  return {
    slug: "ts-fractional",
    name: "Timestamp Fractional DAO",
    chainId: await sender.chainId(),
    startBlock: Number(token.blockNumber),
    governor: governor.address,
    token: token.address,
    timelock: timelock.address,
    settings,
    holders,
    treasury,
  };
}
