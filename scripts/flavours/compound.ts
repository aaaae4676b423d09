/**
 * Flavour "compound": a GovernorBravo as Compound deployed it — a GovernorBravoDelegator (proxy) in
 * front of a GovernorBravoDelegate (contracts/flavours/) — on Compound's Timelock and a Comp-style
 * token (`@uniswap/governance`'s Timelock and Uni), taking over from a GovernorAlpha the way Compound
 * did in 2021: an Alpha proposal makes the Bravo proxy the timelock's pending admin and calls
 * `_initiate(alpha)`, after which Bravo's proposal ids continue after the Alpha's and the timelock
 * answers to Bravo alone. Bravo's voting period is Compound's minimum, 5,760 blocks; its threshold
 * (50,000 UNI) and quorum (400,000 UNI) are Compound's bounds and constant.
 *
 * The migration mines the Alpha's 40,320-block voting period: run it on an anvil started with
 * `--prune-history` (harness/anvil.ts), where that takes about a second.
 */
import { type Address, encodeAbiParameters, type Hex, parseAbiParameters, parseUnits } from "viem";
import {
  governorBravoDelegateAbi,
  governorBravoDelegateBytecode,
} from "../../contracts-abi/flavours/governorBravoDelegate";
import {
  governorBravoDelegatorAbi,
  governorBravoDelegatorBytecode,
} from "../../contracts-abi/flavours/governorBravoDelegator";
import { uniGovernorAlphaAbi } from "../../contracts-abi/flavours/uniGovernorAlpha";
import { alphaSettings, deployUniGovernance, type UniGovernance, uniHolders, uniTreasury } from "./alpha";
import { dev, type FlavourDeployment, type FlavourSender, flavourSender } from "./common";

const units = (whole: string) => parseUnits(whole, 18);

/** Bravo's settings (blocks, UNI): Compound's minimum voting period and threshold; its constant quorumVotes. */
export const compoundSettings = {
  votingDelay: 1,
  votingPeriod: 5760,
  proposalThreshold: units("50000"),
  quorumNumerator: 0n,
  quorumVotes: units("400000"),
  timelockDelay: alphaSettings.timelockDelay,
};

/** May whitelist proposers and cancel a whitelisted proposer's proposal (set by the migration). */
export const compoundWhitelistGuardian = dev[6];

/** The contracts of the "compound" DAO: Uni + Timelock + GovernorAlpha, and the Bravo proxy and implementation. */
export type CompoundContracts = UniGovernance & { alpha: Address; bravo: Address; implementation: Address };

/** Proposal actions in GovernorAlpha/Bravo's form: a function signature beside argument-only calldata. */
export type SignatureActions = {
  targets: Address[];
  values: bigint[];
  signatures: string[];
  calldatas: Hex[];
};

/**
 * Deploys the DAO's contracts from dev #0: {@link deployUniGovernance} (whose GovernorAlpha governs
 * at first), then a GovernorBravoDelegate and the GovernorBravoDelegator in front of it, with the
 * timelock as its admin and not yet initiated (it refuses proposals until `_initiate`).
 *
 * @example
 * const contracts = await deployCompoundContracts(automineSender(rpcUrl));
 */
export async function deployCompoundContracts(sender: FlavourSender): Promise<CompoundContracts> {
  const uni = await deployUniGovernance(sender);
  const from = dev[0];
  const implementation = await sender.deploy(
    "GovernorBravoDelegate",
    from,
    governorBravoDelegateAbi,
    governorBravoDelegateBytecode,
    [],
  );
  const bravo = await sender.deploy(
    "GovernorBravoDelegator",
    from,
    governorBravoDelegatorAbi,
    governorBravoDelegatorBytecode,
    [
      uni.timelock,
      uni.token,
      uni.timelock,
      implementation.address,
      BigInt(compoundSettings.votingPeriod),
      BigInt(compoundSettings.votingDelay),
      compoundSettings.proposalThreshold,
    ],
  );
  return {
    ...uni,
    alpha: uni.governor,
    governor: bravo.address,
    bravo: bravo.address,
    implementation: implementation.address,
  };
}

/**
 * The GovernorAlpha proposal that hands the DAO to Bravo, as Compound's proposal 42 did: the
 * timelock makes Bravo its pending admin, Bravo gets its whitelist guardian, and `_initiate(alpha)`
 * (last: Bravo then accepts the timelock's admin role, after which the Alpha can execute nothing).
 */
export function migrationActions(contracts: CompoundContracts): SignatureActions {
  const address = (value: Address) => encodeAbiParameters(parseAbiParameters("address"), [value]);
  return {
    targets: [contracts.timelock, contracts.bravo, contracts.bravo],
    values: [0n, 0n, 0n],
    signatures: ["setPendingAdmin(address)", "_setWhitelistGuardian(address)", "_initiate(address)"],
    calldatas: [address(contracts.bravo), address(compoundWhitelistGuardian), address(contracts.alpha)],
  };
}

/** The migration's description, as it goes on chain. */
export const migrationDescription =
  "# Upgrade to Governor Bravo\n\nHand the timelock to the new GovernorBravo (a proxy in front of GovernorBravoDelegate) and initiate it: proposals then continue there, with Abstain votes and reasons.";

/**
 * Runs the migration on its own (tests and `scripts/flavours/deploy.ts`): dev #0 proposes it on the
 * GovernorAlpha, #0 and #1 vote For, the 40,320-block vote is mined through, then it is queued and
 * executed after the timelock's delay. The demo seed runs the same proposal beside others instead.
 */
export async function migrateToBravo(sender: FlavourSender, contracts: CompoundContracts): Promise<void> {
  const alpha = { address: contracts.alpha, abi: uniGovernorAlphaAbi } as const;
  const actions = migrationActions(contracts);
  await sender.write(dev[0], {
    ...alpha,
    functionName: "propose",
    args: [actions.targets, actions.values, actions.signatures, actions.calldatas, migrationDescription],
  });
  const id = await sender.read<bigint>({ ...alpha, functionName: "latestProposalIds", args: [dev[0]] });
  // Votes count from the block after startBlock (the proposal block + votingDelay).
  await sender.mineBlocks(alphaSettings.votingDelay + 1);
  for (const voter of [dev[0], dev[1]]) {
    await sender.write(voter, { ...alpha, functionName: "castVote", args: [id, true] });
  }
  await sender.mineBlocks(alphaSettings.votingPeriod);
  await sender.write(dev[0], { ...alpha, functionName: "queue", args: [id] });
  const [, , eta] = await sender.read<readonly [bigint, Address, bigint]>({
    ...alpha,
    functionName: "proposals",
    args: [id],
  });
  await sender.mineAt(Number(eta) + 60);
  await sender.write(dev[0], { ...alpha, functionName: "execute", args: [id] });
  const initial = await sender.read<bigint>({
    address: contracts.bravo,
    abi: governorBravoDelegateAbi,
    functionName: "initialProposalId",
  });
  if (initial !== id) throw new Error(`GovernorBravo initiated at proposal ${initial}, expected ${id}`);
}

/** The "compound" DAO entry once migrated: its governor is the Bravo proxy. */
export function compoundDeployment(contracts: CompoundContracts, chainId: number): FlavourDeployment {
  return {
    slug: "compound",
    name: "Compound-style DAO",
    chainId,
    startBlock: contracts.startBlock,
    governor: contracts.bravo,
    token: contracts.token,
    timelock: contracts.timelock,
    settings: compoundSettings,
    holders: uniHolders,
    treasury: uniTreasury,
    predecessor: contracts.alpha,
    implementation: contracts.implementation,
  };
}

/**
 * Deploys the "compound" DAO and migrates it from its GovernorAlpha to GovernorBravo
 * ({@link migrateToBravo}). `target` is an RPC URL (automine on, `--prune-history`) or a {@link FlavourSender}.
 *
 * @example
 * const deployment = await deployCompound(anvil.rpcUrl);
 */
export async function deployCompound(target: string | FlavourSender): Promise<FlavourDeployment> {
  const sender = flavourSender(target);
  const contracts = await deployCompoundContracts(sender);
  await migrateToBravo(sender, contracts);
  return compoundDeployment(contracts, await sender.chainId());
}
