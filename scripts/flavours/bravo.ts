/**
 * Flavour "bravo": OZ 4.9 Governor with GovernorCompatibilityBravo, an ERC20VotesComp token and a
 * Compound Timelock (2-day minimum delay, 14-day grace period after which a queued proposal is
 * Expired). Block clock; short voting windows so a browser test runs a proposal in ~15 blocks.
 */
import { getContractAddress, parseEther, parseUnits } from "viem";
import { bravoGovernorAbi, bravoGovernorBytecode } from "../../contracts-abi/flavours/bravoGovernor";
import { bravoTimelockAbi, bravoTimelockBytecode } from "../../contracts-abi/flavours/bravoTimelock";
import { bravoTokenAbi, bravoTokenBytecode } from "../../contracts-abi/flavours/bravoToken";
import { dev, type FlavourDeployment, type FlavourHolder, type FlavourSender, flavourSender } from "./common";

/** Blocks for votingDelay/votingPeriod; the timelock delay is Compound's minimum, 2 days. */
const settings = {
  votingDelay: 1,
  votingPeriod: 12,
  proposalThreshold: parseUnits("1000", 18),
  quorumNumerator: 4n,
  timelockDelay: 2 * 24 * 3600,
};

/** Compound Timelock's GRACE_PERIOD (seconds after the ETA during which execution is possible). */
export const bravoGracePeriod = 14 * 24 * 3600;

/** 1M CBRV: quorum (4 %) is 40,000, so dev #1 alone meets it. #0 keeps what is not handed out. */
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
 * Deploys token, Compound timelock and governor from dev #0 (the timelock's admin is the governor
 * from the start: its address is predicted from the deployer's nonce), hands out tokens,
 * self-delegates holders #0..#3 and funds the treasury. `target` is an RPC URL (automine on) or a
 * {@link FlavourSender}.
 *
 * @example
 * const deployment = await deployBravo("http://127.0.0.1:8545");
 */
export async function deployBravo(target: string | FlavourSender): Promise<FlavourDeployment> {
  const sender = flavourSender(target);
  const from = dev[0];
  const token = await sender.deploy("BravoToken", from, bravoTokenAbi, bravoTokenBytecode, [from, supply]);
  const nonce = await sender.nonce(from);
  const predictedGovernor = getContractAddress({ from, nonce: BigInt(nonce + 1) });
  const timelock = await sender.deploy("BravoTimelock", from, bravoTimelockAbi, bravoTimelockBytecode, [
    predictedGovernor,
    BigInt(settings.timelockDelay),
  ]);
  const governor = await sender.deploy("BravoGovernor", from, bravoGovernorAbi, bravoGovernorBytecode, [
    token.address,
    timelock.address,
    BigInt(settings.votingDelay),
    BigInt(settings.votingPeriod),
    settings.proposalThreshold,
    settings.quorumNumerator,
  ]);
  if (governor.address !== predictedGovernor) {
    throw new Error(`governor deployed at ${governor.address}, not the predicted ${predictedGovernor}`);
  }

  const tokenCall = { address: token.address, abi: bravoTokenAbi } as const;
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
    slug: "bravo",
    name: "Bravo Compatible DAO",
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
