/**
 * What deploying and seeding the demo DAO produces. It is saved as JSON beside the cached chain
 * state (.commons/), so everything here is plain JSON: addresses, numbers, decimal strings.
 */
import type { Address } from "viem";
import { proposalStateNames } from "../../lib/chain/proposalStates";
import type { FlavourDeployment } from "../flavours/common";

/** IGovernor.ProposalState names, in enum order (index = the uint8 `state()` returns). */
export const governorStates = proposalStateNames;

export type DemoProposalState = (typeof governorStates)[number];

/** One seeded proposal and the state it was left in. */
export type DemoProposal = {
  /** Proposal id (uint256) as a decimal string. */
  id: string;
  /** Stable key, e.g. "grants-q1" (the description file under scripts/demo/descriptions/). */
  key: string;
  /** Plain-text title as Commons derives it (lib/proposals/proposalTitle). */
  title: string;
  proposer: Address;
  expectedState: DemoProposalState;
  /** Why a Defeated proposal lost. */
  defeatedBy?: "quorum" | "majority";
};

/** A COMM holder of the seeded history (balances as of the end of seeding, in whole COMM). */
export type DemoHolderInfo = {
  name: string;
  address: Address;
  /** "self", "never", or the delegate's address. */
  delegation: "self" | "never" | Address;
};

/** The anvil dev accounts' roles in the demo (see scripts/demo/README.md). */
export type DemoActors = {
  /** #0: deployed everything; 50,000 COMM self-delegated; proposed the Pending proposal. */
  deployer: Address;
  /** #1: 400,000 COMM self-delegated + delegations (over quorum alone); no votes on Active proposals. */
  delegate: Address;
  /** #2: 5,000 COMM self-delegated; already voted For on the Active code-of-conduct proposal. */
  votedDelegate: Address;
  /** #3: 20,000 COMM, never delegated: zero voting power. */
  undelegatedHolder: Address;
  /** #4: 12,000 COMM delegated to #1. */
  delegator: Address;
  /** #5: no COMM. */
  noTokens: Address;
  /** #6: 500 COMM self-delegated, below the proposal threshold. */
  belowThreshold: Address;
  /** Every COMM holder by name (dev accounts included), for tests that need more voters. */
  holders: DemoHolderInfo[];
};

/** Governor and timelock settings in force at the end of seeding. */
export type DemoSettings = {
  votingDelay: number;
  votingPeriod: number;
  /** Wei of COMM, decimal string. */
  proposalThreshold: string;
  quorumNumerator: number;
  timelockMinDelay: number;
};

/** `T` as it survives JSON: bigints become decimal strings. */
export type Jsonified<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** One proposal seeded into a flavour DAO and the state it shows at the end of seeding. */
export type SeededFlavourProposal = {
  /** Proposal id (uint256) as a decimal string. */
  id: string;
  /** Stable key, e.g. "ts-split-vote" (the description file under scripts/flavours/descriptions/). */
  key: string;
  /** Plain-text title as Commons derives it (lib/proposals/proposalTitle). */
  title: string;
  expectedState: DemoProposalState;
};

/**
 * A flavour DAO (scripts/flavours) seeded into the demo chain: its FlavourDeployment with bigints
 * as decimal strings (settings.proposalThreshold, settings.quorumNumerator, holders[].amount,
 * treasury), plus its seeded proposals. The NFT flavour also has `lateQuorumVoteExtension` (blocks).
 */
export type SeededFlavour = Jsonified<FlavourDeployment> & {
  lateQuorumVoteExtension?: number;
  proposals: SeededFlavourProposal[];
};

/** The seeded demo DAO on a local anvil. */
export type DemoDeployment = {
  chainId: number;
  governor: Address;
  token: Address;
  timelock: Address;
  /** Other ERC20s the treasury holds. */
  tokens: { musdc: Address; mweth: Address };
  multicall3: Address;
  /** Block of the first deployment (the indexer's startBlock). */
  startBlock: number;
  /** Head block when seeding ended. */
  headBlock: number;
  settings: DemoSettings;
  proposals: DemoProposal[];
  actors: DemoActors;
  /** The flavour DAOs on the same chain, in config order: ts-fractional, nft, bravo, alpha, compound. */
  flavours: SeededFlavour[];
};
