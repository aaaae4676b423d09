/**
 * The JSON the indexer's API routes serve (indexer/src/api). Big numbers travel as decimal
 * strings and stay strings (or become bigint) until they are formatted for a person. The app
 * parses every response with these schemas: the indexer is ours, but what it relays (descriptions,
 * reasons) came from the chain and is untrusted.
 */
import { z } from "zod";

const uint = z.string().regex(/^\d{1,78}$/, { message: "must be a decimal integer string" });
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const hash = z.string().regex(/^0x[0-9a-fA-F]{64}$/);

/** What the indexer knows of a proposal's life from events (the live state comes from the chain). */
export const indexedStatus = z.enum(["created", "queued", "executed", "canceled"]);

export const indexedProposalSchema = z.object({
  /** Proposal id as a decimal string (uint256). */
  id: uint,
  chainId: z.number().int(),
  governor: address,
  proposer: address,
  targets: z.array(address),
  values: z.array(uint),
  signatures: z.array(z.string()),
  calldatas: z.array(hex),
  description: z.string(),
  /** First heading or line of the description, plain text, at most 200 characters. */
  title: z.string(),
  voteStart: uint,
  /** The effective deadline: `extendedVoteEnd` when late-quorum protection moved it, else `originalVoteEnd`. */
  voteEnd: uint,
  /** The deadline the proposal was created with (ProposalCreated). */
  originalVoteEnd: uint,
  /** The deadline after ProposalExtended (OZ GovernorPreventLateQuorum); null when never extended. */
  extendedVoteEnd: uint.nullable(),
  createdBlock: uint,
  createdTimestamp: z.number().int(),
  createdTx: hash,
  forVotes: uint,
  againstVotes: uint,
  abstainVotes: uint,
  voteCount: z.number().int(),
  status: indexedStatus,
  /** Timelock ETA (seconds) once queued. */
  eta: uint.nullable(),
  queuedBlock: uint.nullable(),
  queuedTx: hash.nullable(),
  executedBlock: uint.nullable(),
  executedTx: hash.nullable(),
  canceledBlock: uint.nullable(),
  canceledTx: hash.nullable(),
});

/** How a voter's weight was split between the tallies (fractional voting), as running totals. */
export const voteSplitSchema = z.object({
  againstVotes: uint,
  forVotes: uint,
  abstainVotes: uint,
});

/**
 * One voter's vote on a proposal. A fractional voter (OZ GovernorCountingFractional) may vote
 * several times with parts of their weight; the row then sums them.
 */
export const indexedVoteSchema = z.object({
  proposalId: uint,
  voter: address,
  /**
   * 0 = Against, 1 = For, 2 = Abstain (GovernorBravo/OZ simple counting); 255 when any part of the
   * vote was a split (fractional voting, see `split`).
   */
  support: z.number().int().min(0).max(255),
  /** The voter's total weight over all their votes on the proposal. */
  weight: uint,
  /**
   * For a split vote (support 255): how much of the voter's weight went Against / For / Abstain so
   * far (a nominal vote after a split adds to its column). Null for a purely nominal vote. Parts of
   * a split whose params could not be read are counted nowhere, so they may sum to less than `weight`.
   */
  split: voteSplitSchema.nullable(),
  reason: z.string(),
  /** Raw params of the voter's latest vote (VoteCastWithParams, e.g. a split); "0x" when it was a VoteCast. */
  params: hex,
  block: uint,
  timestamp: z.number().int(),
  tx: hash,
});

/**
 * Participation on the DAO's governor: of the proposals whose voting has closed (not canceled)
 * and at whose snapshot the delegate had voting power above zero, how many they voted on.
 */
export const participationSchema = z.object({
  voted: z.number().int().nonnegative(),
  eligible: z.number().int().nonnegative(),
  /** Eligible proposals missed in a row, counting back from the latest one (absent from older indexers). */
  missedStreak: z.number().int().nonnegative().optional(),
  /** When the delegate last voted on the governor (seconds); null if never (absent from older indexers). */
  lastVoteTimestamp: z.number().int().nullable().optional(),
});

export const indexedDelegateSchema = z.object({
  address,
  votingPower: uint,
  /** Accounts whose current delegate is this address (self-delegation included). */
  delegatorsCount: z.number().int(),
  votesCount: z.number().int(),
  /** Absent from indexers older than the delegates pages. */
  participation: participationSchema.optional(),
});

/** An account whose current delegate is a given address, with its token balance. */
export const indexedDelegatorSchema = z.object({
  address,
  balance: uint,
  /** When it last delegated to this address (null if that was before the indexer's start block). */
  delegatedBlock: uint.nullable(),
  delegatedTimestamp: z.number().int().nullable(),
});

/** One DelegateVotesChanged of a delegate: their voting power from that block on. */
export const indexedVotingPowerChangeSchema = z.object({
  block: uint,
  timestamp: z.number().int(),
  previousVotes: uint,
  newVotes: uint,
  tx: hash,
});

/** A vote by a given voter, with the title of the proposal it was cast on. */
export const indexedVoterVoteSchema = indexedVoteSchema.extend({
  /** Null when the proposal was created before the indexer's start block. */
  proposalTitle: z.string().nullable(),
});

/** ERC20 tokens the DAO's treasury has received (non-zero Transfer events to it). */
export const indexedTreasuryTokensSchema = z.object({
  /** The timelock, or the governor when the DAO has none. */
  treasury: address,
  items: z.array(
    z.object({
      token: address,
      firstBlock: uint,
      lastBlock: uint,
      transfersIn: z.number().int(),
    }),
  ),
});

export const indexedAccountSchema = z.object({
  address,
  balance: uint,
  delegate: address.nullable(),
  votingPower: uint,
  delegatorsCount: z.number().int(),
});

/** One distribution of delegates' voting power (now, or at a proposal's snapshot) and its figures. */
export const indexedConcentrationSchema = z.object({
  /** Delegates with voting power above zero. */
  delegates: z.number().int().nonnegative(),
  totalVotingPower: uint,
  /** The token's total supply then (from its mints and burns); null when the index has no supply history. */
  totalSupply: uint.nullable(),
  gini: z.number().min(0).max(1),
  top10Power: uint,
  /** Fewest delegates holding more than half of all voting power; null without voting power. */
  majorityNakamoto: z.number().int().positive().nullable(),
  /** The largest powers, largest first (at most 100). */
  topPowers: z.array(uint).max(100),
});

export const indexedAnalyticsProposalSchema = z.object({
  id: uint,
  title: z.string(),
  status: indexedStatus,
  /** The snapshot (block or timestamp, per the governor's clock). */
  voteStart: uint,
  voteEnd: uint,
  createdBlock: uint,
  createdTimestamp: z.number().int(),
  forVotes: uint,
  againstVotes: uint,
  abstainVotes: uint,
  /** Unique voters. */
  voteCount: z.number().int().nonnegative(),
  /** The distribution at the snapshot; null while the index has not passed it. */
  snapshot: indexedConcentrationSchema.nullable(),
});

export const indexedAnalyticsSchema = z.object({
  /** The governor's clock as far as the index has seen. */
  clock: uint,
  now: indexedConcentrationSchema.extend({
    /** The indexed clock these figures are as of: the current one, or one at most a minute old. */
    clock: uint,
    /** Voting power of delegates who never voted on the governor. */
    neverVotedPower: uint,
    neverVotedDelegates: z.number().int().nonnegative(),
  }),
  proposals: z.object({
    items: z.array(indexedAnalyticsProposalSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  }),
});

/** How an account's current delegate voted on each proposal since the account delegated to them. */
export const indexedDelegateRecordSchema = z.object({
  /** The account's current delegate; null when it has not delegated. */
  delegate: address.nullable(),
  /** When it delegated to them; null when that was before the index's start (or never). */
  since: z.object({ block: uint, timestamp: z.number().int() }).nullable(),
  clock: uint,
  items: z.array(z.object({ proposal: indexedProposalSchema, vote: indexedVoteSchema.nullable() })),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const indexerStatusSchema = z.object({
  daos: z.array(
    z.object({ slug: z.string(), chainId: z.number().int(), governor: address, indexedBlock: uint.nullable() }),
  ),
});

export type IndexedProposal = z.infer<typeof indexedProposalSchema>;
export type IndexedVote = z.infer<typeof indexedVoteSchema>;
/** A split vote's parts as the indexer and the vote-by route send them (decimal strings). */
export type IndexedVoteSplit = z.infer<typeof voteSplitSchema>;
export type IndexedDelegate = z.infer<typeof indexedDelegateSchema>;
export type IndexedAccount = z.infer<typeof indexedAccountSchema>;
export type Participation = z.infer<typeof participationSchema>;
export type IndexedDelegator = z.infer<typeof indexedDelegatorSchema>;
export type IndexedVotingPowerChange = z.infer<typeof indexedVotingPowerChangeSchema>;
export type IndexedVoterVote = z.infer<typeof indexedVoterVoteSchema>;
export type IndexedTreasuryTokens = z.infer<typeof indexedTreasuryTokensSchema>;
export type IndexedConcentration = z.infer<typeof indexedConcentrationSchema>;
export type IndexedAnalytics = z.infer<typeof indexedAnalyticsSchema>;
export type IndexedAnalyticsProposal = z.infer<typeof indexedAnalyticsProposalSchema>;
export type IndexedDelegateRecord = z.infer<typeof indexedDelegateRecordSchema>;
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
