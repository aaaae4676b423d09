/**
 * Flavour "alpha": Compound's GovernorAlpha with Compound's Timelock and a Comp-style token, taken
 * compiled from `@uniswap/governance` (its GovernorAlpha, Timelock and Uni; contracts-abi/flavours/uni*),
 * the governor Gitcoin and Uniswap started with. Its settings are constants of the contract: voting
 * opens one block after a proposal and lasts 40,320 blocks (~a week of 15 s blocks), a proposer needs
 * more than 10M UNI of votes, a proposal more than 40M For votes; votes are For or Against only, with
 * no reason. The Timelock's minimum delay is 2 days and its grace period 14 days.
 *
 * A 40,320-block voting window is cheap only on an anvil that keeps no per-block state
 * (`--prune-history`, see harness/anvil.ts): a test or seed that runs a proposal through needs one.
 */
import { type Address, getContractAddress, parseEther, parseUnits } from "viem";
import { uniGovernorAlphaAbi, uniGovernorAlphaBytecode } from "../../contracts-abi/flavours/uniGovernorAlpha";
import { uniTimelockAbi, uniTimelockBytecode } from "../../contracts-abi/flavours/uniTimelock";
import { uniTokenAbi, uniTokenBytecode } from "../../contracts-abi/flavours/uniToken";
import { dev, type FlavourDeployment, type FlavourHolder, type FlavourSender, flavourSender } from "./common";

const units = (whole: string) => parseUnits(whole, 18);

/** GovernorAlpha's constants (blocks, UNI) and the Timelock delay the fixtures use (its minimum, 2 days). */
export const alphaSettings = {
  votingDelay: 1,
  votingPeriod: 40_320,
  proposalThreshold: units("10000000"),
  quorumNumerator: 4n,
  quorumVotes: units("40000000"),
  timelockDelay: 2 * 24 * 3600,
};

/** Compound Timelock's GRACE_PERIOD (seconds after the ETA during which execution is possible). */
export const alphaGracePeriod = 14 * 24 * 3600;

/**
 * Uni mints 1B to its first holder (dev #0, who keeps what is not handed out). Dev #1 alone is over
 * the threshold (10M) and quorum (40M); #4 holds 10M and never delegated.
 */
export const uniHolders: FlavourHolder[] = [
  { address: dev[0], amount: units("390000000"), delegated: true },
  { address: dev[1], amount: units("300000000"), delegated: true },
  { address: dev[2], amount: units("100000000"), delegated: true },
  { address: dev[3], amount: units("50000000"), delegated: true },
  { address: dev[4], amount: units("10000000"), delegated: false },
];
export const uniTreasury = { tokens: units("150000000"), eth: parseEther("10") };

/** Uni may be minted only after this time; the fixtures never mint (a fixed date keeps deployments identical). */
const mintingAllowedAfter = 4_102_444_800n; // 2100-01-01

/** A Uni token, a Timelock whose admin is the GovernorAlpha from the start, and that GovernorAlpha. */
export type UniGovernance = { token: Address; timelock: Address; governor: Address; startBlock: number };

/**
 * Deploys Uni, Timelock and GovernorAlpha from dev #0 (the timelock's admin is the governor from the
 * start: its address is predicted from the deployer's nonce), hands out {@link uniHolders}, self-delegates
 * #0..#3 and funds the timelock (the treasury) with {@link uniTreasury}.
 *
 * @example
 * const { governor, timelock } = await deployUniGovernance(automineSender(rpcUrl));
 */
export async function deployUniGovernance(sender: FlavourSender): Promise<UniGovernance> {
  const from = dev[0];
  const token = await sender.deploy("Uni", from, uniTokenAbi, uniTokenBytecode, [from, from, mintingAllowedAfter]);
  const nonce = await sender.nonce(from);
  const predictedGovernor = getContractAddress({ from, nonce: BigInt(nonce + 1) });
  const timelock = await sender.deploy("Timelock", from, uniTimelockAbi, uniTimelockBytecode, [
    predictedGovernor,
    BigInt(alphaSettings.timelockDelay),
  ]);
  const governor = await sender.deploy("GovernorAlpha", from, uniGovernorAlphaAbi, uniGovernorAlphaBytecode, [
    timelock.address,
    token.address,
  ]);
  if (governor.address !== predictedGovernor) {
    throw new Error(`GovernorAlpha deployed at ${governor.address}, not the predicted ${predictedGovernor}`);
  }

  const tokenCall = { address: token.address, abi: uniTokenAbi } as const;
  for (const holder of uniHolders) {
    if (holder.address !== from) {
      await sender.write(from, { ...tokenCall, functionName: "transfer", args: [holder.address, holder.amount] });
    }
    if (holder.delegated) {
      await sender.write(holder.address, { ...tokenCall, functionName: "delegate", args: [holder.address] });
    }
  }
  await sender.write(from, { ...tokenCall, functionName: "transfer", args: [timelock.address, uniTreasury.tokens] });
  await sender.sendEth(from, timelock.address, uniTreasury.eth);
  return {
    token: token.address,
    timelock: timelock.address,
    governor: governor.address,
    startBlock: Number(token.blockNumber),
  };
}

/**
 * Deploys the "alpha" DAO: {@link deployUniGovernance}, with no proposal. `target` is an RPC URL
 * (automine on) or a {@link FlavourSender}.
 *
 * @example
 * const deployment = await deployAlpha("http://127.0.0.1:8545");
 */
export async function deployAlpha(target: string | FlavourSender): Promise<FlavourDeployment> {
  const sender = flavourSender(target);
  const dao = await deployUniGovernance(sender);
  return {
    slug: "alpha",
    name: "Alpha DAO",
    chainId: await sender.chainId(),
    startBlock: dao.startBlock,
    governor: dao.governor,
    token: dao.token,
    timelock: dao.timelock,
    settings: alphaSettings,
    holders: uniHolders,
    treasury: uniTreasury,
  };
}
