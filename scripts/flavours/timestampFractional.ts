/**
 * Flavour "ts-fractional": OZ 5 Governor on a timestamp clock (ERC-6372 `mode=timestamp`) with
 * fractional counting (GovernorCountingFractional), executing through a TimelockController.
 * Voting delay and period are seconds.
 */
import { type Address, parseEther, parseUnits, zeroAddress } from "viem";
import { demoTimelockAbi, demoTimelockBytecode } from "../../contracts-abi/demoTimelock";
import {
  timestampFractionalGovernorAbi,
  timestampFractionalGovernorBytecode,
} from "../../contracts-abi/flavours/timestampFractionalGovernor";
import {
  timestampFractionalTokenAbi,
  timestampFractionalTokenBytecode,
} from "../../contracts-abi/flavours/timestampFractionalToken";
import { deploy, dev, type FlavourDeployment, flavourClient, handTimelockToGovernor, sendEth, write } from "./common";

const settings = {
  votingDelay: 60, // seconds
  votingPeriod: 600, // seconds
  proposalThreshold: parseUnits("1000", 18),
  quorumNumerator: 4n,
  timelockDelay: 120,
};

const supply = parseUnits("1000000", 18);
const holders: { address: Address; amount: bigint }[] = [
  { address: dev[0], amount: parseUnits("400000", 18) },
  { address: dev[1], amount: parseUnits("300000", 18) },
  { address: dev[2], amount: parseUnits("100000", 18) },
  { address: dev[3], amount: parseUnits("50000", 18) },
];
const treasury = { tokens: parseUnits("150000", 18), eth: parseEther("10") };

/**
 * Deploys token, timelock and governor from dev #0, hands out tokens, self-delegates every holder
 * and funds the treasury. Expects a fresh-ish anvil with automine on.
 *
 * @example
 * const deployment = await deployTimestampFractional("http://127.0.0.1:8545");
 */
export async function deployTimestampFractional(rpcUrl: string): Promise<FlavourDeployment> {
  const client = flavourClient(rpcUrl);
  const from = dev[0];
  const token = await deploy(
    client,
    "TimestampFractionalToken",
    from,
    timestampFractionalTokenAbi,
    timestampFractionalTokenBytecode,
    [from, supply],
  );
  const timelock = await deploy(client, "TimelockController", from, demoTimelockAbi, demoTimelockBytecode, [
    BigInt(settings.timelockDelay),
    [],
    [zeroAddress],
    from,
  ]);
  const governor = await deploy(
    client,
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
  await handTimelockToGovernor(client, from, timelock.address, governor.address);

  const tokenCall = { address: token.address, abi: timestampFractionalTokenAbi } as const;
  for (const holder of holders) {
    if (holder.address !== from) {
      await write(client, from, { ...tokenCall, functionName: "transfer", args: [holder.address, holder.amount] });
    }
    await write(client, holder.address, { ...tokenCall, functionName: "delegate", args: [holder.address] });
  }
  await write(client, from, { ...tokenCall, functionName: "transfer", args: [timelock.address, treasury.tokens] });
  await sendEth(client, from, timelock.address, treasury.eth);

  return {
    slug: "ts-fractional",
    name: "Timestamp Fractional DAO",
    chainId: await client.getChainId(),
    startBlock: Number(token.blockNumber),
    governor: governor.address,
    token: token.address,
    timelock: timelock.address,
    settings,
    holders,
    treasury,
  };
}
