/**
 * The indexer's tables. Every row is keyed by chain id plus the governor (or the voting token)
 * that emitted it, so several DAOs, on one chain or many, share the same tables. Token-derived
 * rows (balances, delegation, voting power) are keyed by token, because DAOs may share a token
 * (a Governor and its successor); what a voter did on one governor is keyed by that governor.
 */
import { index, onchainTable, primaryKey } from "ponder";

/** What the events tell of a proposal; the live state (Active, Defeated…) comes from the chain. */
export const proposal = onchainTable(
  "proposal",
  (t) => ({
    chainId: t.integer().notNull(),
    governor: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    proposer: t.hex().notNull(),
    targets: t.hex().array().notNull(),
    callValues: t.bigint().array().notNull(),
    signatures: t.text().array().notNull(),
    calldatas: t.hex().array().notNull(),
    description: t.text().notNull(),
    title: t.text().notNull(),
    voteStart: t.bigint().notNull(),
    voteEnd: t.bigint().notNull(),
    /** Set by ProposalExtended (late-quorum protection); the effective deadline when present. */
    extendedVoteEnd: t.bigint(),
    createdBlock: t.bigint().notNull(),
    createdLogIndex: t.integer().notNull(),
    createdTimestamp: t.int8({ mode: "number" }).notNull(),
    createdTx: t.hex().notNull(),
    forVotes: t.bigint().notNull(),
    againstVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    voteCount: t.integer().notNull(),
    status: t.text({ enum: ["created", "queued", "executed", "canceled"] }).notNull(),
    eta: t.bigint(),
    queuedBlock: t.bigint(),
    queuedTx: t.hex(),
    executedBlock: t.bigint(),
    executedTx: t.hex(),
    canceledBlock: t.bigint(),
    canceledTx: t.hex(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.governor, table.proposalId] }),
    newestIdx: index().on(table.chainId, table.governor, table.createdBlock, table.createdLogIndex),
    proposerIdx: index().on(table.chainId, table.governor, table.proposer),
    /** The list filtered by indexed status, newest first. */
    statusIdx: index().on(table.chainId, table.governor, table.status, table.createdBlock, table.createdLogIndex),
    /** Participation counts proposals by snapshot (api/participationCounts.ts). */
    voteStartIdx: index().on(table.chainId, table.governor, table.voteStart),
    /** The proposals still open, by deadline. */
    voteEndIdx: index().on(table.chainId, table.governor, table.voteEnd),
    extendedVoteEndIdx: index().on(table.chainId, table.governor, table.extendedVoteEnd),
  }),
);

/**
 * One row per voter per proposal. A fractional voter (GovernorCountingFractional) may vote several
 * times with parts of their weight: each vote adds to the row, whose `support` is 255 once any part
 * was a split, and whose against/for/abstain weights are the voter's running totals.
 */
export const vote = onchainTable(
  "vote",
  (t) => ({
    chainId: t.integer().notNull(),
    governor: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    /** 0 / 1 / 2 (against / for / abstain), 255 once the voter split their weight, or another module's type. */
    support: t.integer().notNull(),
    /** The sum of the weights of the voter's votes (their VoteCast* events). */
    weight: t.bigint().notNull(),
    /** How much of `weight` went to each tally (zero for a vote type tallied nowhere). */
    againstWeight: t.bigint().notNull(),
    forWeight: t.bigint().notNull(),
    abstainWeight: t.bigint().notNull(),
    reason: t.text().notNull(),
    params: t.hex().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.int8({ mode: "number" }).notNull(),
    tx: t.hex().notNull(),
    /**
     * The proposal's deadline (extended, if it was), copied here so a voter's votes on open or on
     * closed proposals are a range of one index (api/participationCounts.ts); 0 when the proposal
     * is not indexed.
     */
    deadline: t.bigint().notNull(),
    /** Weight on a proposal not canceled: counts for participation (the voter's `countedVotes`). */
    counted: t.boolean().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.governor, table.proposalId, table.voter] }),
    countedIdx: index().on(table.chainId, table.governor, table.voter, table.counted, table.deadline),
    weightIdx: index().on(table.chainId, table.governor, table.proposalId, table.weight),
    recentIdx: index().on(table.chainId, table.governor, table.proposalId, table.block, table.logIndex),
    /** A voter's votes, newest first (the delegate page). */
    voterIdx: index().on(table.chainId, table.governor, table.voter, table.block, table.logIndex),
  }),
);

/** A holder or delegate of a voting token. */
export const account = onchainTable(
  "account",
  (t) => ({
    chainId: t.integer().notNull(),
    token: t.hex().notNull(),
    address: t.hex().notNull(),
    balance: t.bigint().notNull(),
    /** Null until the account delegates (an undelegated ERC20Votes balance carries no votes). */
    delegate: t.hex(),
    votingPower: t.bigint().notNull(),
    /** Accounts whose current delegate is this one (self-delegation included). */
    delegatorsCount: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.token, table.address] }),
    votingPowerIdx: index().on(table.chainId, table.token, table.votingPower),
    /** A delegate's delegators (the delegate page). */
    delegateIdx: index().on(table.chainId, table.token, table.delegate, table.balance),
  }),
);

/** What an address did on one governor (votesCount of the delegates list). */
export const voter = onchainTable(
  "voter",
  (t) => ({
    chainId: t.integer().notNull(),
    governor: t.hex().notNull(),
    address: t.hex().notNull(),
    votesCount: t.integer().notNull(),
    /**
     * Votes with weight on proposals not canceled: participation's "voted" once the open ones are
     * taken off (api/participationCounts.ts).
     */
    countedVotes: t.integer().notNull(),
    lastVoteBlock: t.bigint().notNull(),
    /** The block time of the voter's latest vote (seconds): "last voted" on the delegates pages. */
    lastVoteTimestamp: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.governor, table.address] }),
  }),
);

/** Every DelegateVotesChanged: a delegate's voting power over time. */
export const votingPowerChange = onchainTable(
  "voting_power_change",
  (t) => ({
    chainId: t.integer().notNull(),
    token: t.hex().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    delegate: t.hex().notNull(),
    previousVotes: t.bigint().notNull(),
    newVotes: t.bigint().notNull(),
    timestamp: t.int8({ mode: "number" }).notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.token, table.block, table.logIndex] }),
    delegateIdx: index().on(table.chainId, table.token, table.delegate, table.block),
  }),
);

/**
 * The DelegateVotesChanged that moved a delegate's power from zero to above zero or back: all
 * participation needs to know whether a delegate could vote on a proposal (a few per delegate,
 * where voting_power_change has every change).
 */
export const powerCrossing = onchainTable(
  "power_crossing",
  (t) => ({
    chainId: t.integer().notNull(),
    token: t.hex().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    delegate: t.hex().notNull(),
    previousVotes: t.bigint().notNull(),
    newVotes: t.bigint().notNull(),
    timestamp: t.int8({ mode: "number" }).notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.token, table.block, table.logIndex] }),
    delegateIdx: index().on(table.chainId, table.token, table.delegate, table.block),
  }),
);

/** Every DelegateChanged: who delegated to whom, and when. */
export const delegationChange = onchainTable(
  "delegation_change",
  (t) => ({
    chainId: t.integer().notNull(),
    token: t.hex().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    delegator: t.hex().notNull(),
    fromDelegate: t.hex().notNull(),
    toDelegate: t.hex().notNull(),
    timestamp: t.int8({ mode: "number" }).notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.token, table.block, table.logIndex] }),
    delegatorIdx: index().on(table.chainId, table.token, table.delegator, table.block),
    toDelegateIdx: index().on(table.chainId, table.token, table.toDelegate, table.block),
  }),
);

/**
 * Every mint and burn of a voting token: its total supply from that point on (what
 * getPastTotalSupply would answer), so turnout can be measured against the supply at a snapshot.
 */
export const supplyChange = onchainTable(
  "supply_change",
  (t) => ({
    chainId: t.integer().notNull(),
    token: t.hex().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    totalSupply: t.bigint().notNull(),
    timestamp: t.int8({ mode: "number" }).notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.token, table.block, table.logIndex] }),
  }),
);

/** A voting token's current total supply (the running sum of its supply changes). */
export const tokenSupply = onchainTable(
  "token_supply",
  (t) => ({
    chainId: t.integer().notNull(),
    token: t.hex().notNull(),
    totalSupply: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.token] }),
  }),
);

/**
 * How many accounts of a voting token are delegates (voting power or delegators above zero), kept
 * by the token handlers so the delegates list's total is one row, not a count of them all.
 */
export const delegateTally = onchainTable(
  "delegate_tally",
  (t) => ({
    chainId: t.integer().notNull(),
    token: t.hex().notNull(),
    delegates: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.token] }),
  }),
);

/**
 * An ERC20 a DAO's treasury (its timelock, or the governor when there is none) has received, found
 * from Transfer logs of any contract whose `to` is the treasury (a wildcard log filter, see
 * ponder.config.ts). Zero-value transfers are ignored (address poisoning). Only discovery: the
 * balances are read live from the chain. An ERC721 Transfer to the treasury matches the filter (same
 * topic0 and `to` topic) but has its tokenId in a fourth topic and no data: Ponder fails to decode it
 * against the ERC20 event, logs that at debug level and skips it, so it never reaches the handler.
 */
export const treasuryToken = onchainTable(
  "treasury_token",
  (t) => ({
    chainId: t.integer().notNull(),
    treasury: t.hex().notNull(),
    token: t.hex().notNull(),
    firstBlock: t.bigint().notNull(),
    firstTx: t.hex().notNull(),
    lastBlock: t.bigint().notNull(),
    transfersIn: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.treasury, table.token] }),
  }),
);
