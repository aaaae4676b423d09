/**
 * Governor event handlers: proposals, their life (queued, executed, canceled, extended) and votes
 * with running tallies. Rows are keyed by chain id + the emitting governor, so every DAO's
 * governor shares these handlers.
 */
import { type Context, type Event, ponder } from "ponder:registry";
import { proposal, vote, voter } from "ponder:schema";
import { and, eq, gt } from "ponder";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { splitSupport } from "../../lib/proposals/splitVote";
import { addVoteParts } from "../../lib/proposals/voteParts";
import { countVote } from "../voteParts";

/** GovernorBravo's and OpenZeppelin's VoteCast; GovernorAlpha's has the same name and another signature. */
const voteCast =
  "Governor:VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)";
/** GovernorAlpha's VoteCast: `support` is a bool (For / Against) and there is no reason. */
const alphaVoteCast = "Governor:VoteCast(address voter, uint256 proposalId, bool support, uint256 weight)";

type VoteEvent = Event<typeof voteCast> | Event<typeof alphaVoteCast> | Event<"Governor:VoteCastWithParams">;

/** One vote as every governor family reports it: support 0 Against, 1 For, 2 Abstain (255 a split). */
type CastVote = {
  voter: `0x${string}`;
  proposalId: bigint;
  support: number;
  weight: bigint;
  reason: string;
  params: `0x${string}`;
};

function proposalKey(context: Context, event: { log: { address: `0x${string}` } }, proposalId: bigint) {
  return { chainId: context.chain.id, governor: event.log.address, proposalId };
}

/**
 * Records one VoteCast / VoteCastWithParams (GovernorAlpha's VoteCast as support 1 or 0): the voter's
 * row (created, or added to by a fractional voter's later votes), the proposal's tallies (see
 * ../voteParts.ts) and the voter's vote count.
 */
async function recordVote(event: VoteEvent, context: Context, cast: CastVote) {
  const { voter: address, proposalId, support, weight, reason, params } = cast;
  const proposalRowKey = proposalKey(context, event, proposalId);
  const key = { ...proposalRowKey, voter: address };
  const counted = countVote(support, weight, params);
  if (counted.malformed) {
    console.warn(
      `governor ${event.log.address} (chain ${context.chain.id}): vote by ${address} on proposal ${proposalId} ` +
        `(tx ${event.transaction.hash}) has support ${support} but params of ${(params.length - 2) / 2} bytes, ` +
        "not 48 (three packed uint128): recorded, its weight tallied nowhere",
    );
  }
  const { parts } = counted;
  const previous = await context.db.find(vote, key);
  // Read before the update below: Ponder's cache updates the row `find` returned in place.
  const isNewVoter = previous === null ? 1 : 0;
  // The first weight this voter puts on this proposal makes it a counted vote (participation).
  const newlyCounted = weight > 0n && (previous === null || previous.weight === 0n) ? 1 : 0;
  const proposalRow = await context.db.find(proposal, proposalRowKey);
  const castAt = {
    reason,
    params,
    block: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: Number(event.block.timestamp),
    tx: event.transaction.hash,
  };
  if (previous === null) {
    await context.db.insert(vote).values({
      ...key,
      ...castAt,
      support: counted.fractional ? splitSupport : support,
      weight,
      againstWeight: parts.againstVotes,
      forWeight: parts.forVotes,
      abstainWeight: parts.abstainVotes,
      deadline: proposalRow?.extendedVoteEnd ?? proposalRow?.voteEnd ?? 0n,
      counted: weight > 0n,
    });
  } else {
    await context.db.update(vote, key).set((row) => ({
      ...castAt,
      // Once split, the row stays a split (a fractional voter's last nominal vote fills the rest).
      support: counted.fractional || row.support === splitSupport ? splitSupport : support,
      weight: row.weight + weight,
      againstWeight: row.againstWeight + parts.againstVotes,
      forWeight: row.forWeight + parts.forVotes,
      abstainWeight: row.abstainWeight + parts.abstainVotes,
      counted: row.counted || weight > 0n,
    }));
  }

  if (proposalRow !== null) {
    await context.db.update(proposal, proposalRowKey).set((row) => ({
      ...addVoteParts(row, parts),
      voteCount: row.voteCount + isNewVoter,
    }));
  }

  await context.db
    .insert(voter)
    .values({
      chainId: context.chain.id,
      governor: event.log.address,
      address,
      votesCount: 1,
      countedVotes: newlyCounted,
      lastVoteBlock: event.block.number,
      lastVoteTimestamp: Number(event.block.timestamp),
    })
    .onConflictDoUpdate((row) => ({
      votesCount: row.votesCount + isNewVoter,
      countedVotes: row.countedVotes + newlyCounted,
      lastVoteBlock: event.block.number,
      lastVoteTimestamp: Number(event.block.timestamp),
    }));
}

ponder.on("Governor:ProposalCreated", async ({ event, context }) => {
  const { args } = event;
  await context.db
    .insert(proposal)
    .values({
      ...proposalKey(context, event, args.proposalId),
      proposer: args.proposer,
      targets: [...args.targets],
      callValues: [...args.values],
      signatures: [...args.signatures],
      calldatas: [...args.calldatas],
      description: args.description,
      title: proposalTitle(args.description),
      voteStart: args.voteStart,
      voteEnd: args.voteEnd,
      createdBlock: event.block.number,
      createdLogIndex: event.log.logIndex,
      createdTimestamp: Number(event.block.timestamp),
      createdTx: event.transaction.hash,
      forVotes: 0n,
      againstVotes: 0n,
      abstainVotes: 0n,
      voteCount: 0,
      status: "created",
    })
    // A governor cannot create the same id twice; a replayed block must not stop the indexer.
    .onConflictDoNothing();
});

ponder.on(voteCast, async ({ event, context }) => {
  await recordVote(event, context, { ...event.args, params: "0x" });
});

ponder.on(alphaVoteCast, async ({ event, context }) => {
  const { voter, proposalId, support, weight } = event.args;
  await recordVote(event, context, { voter, proposalId, support: support ? 1 : 0, weight, reason: "", params: "0x" });
});

ponder.on("Governor:VoteCastWithParams", async ({ event, context }) => {
  await recordVote(event, context, event.args);
});

/** Applies a lifecycle change to a proposal the indexer knows (one created before startBlock is skipped). */
async function updateProposal(
  context: Context,
  event: { log: { address: `0x${string}` } },
  proposalId: bigint,
  change: Partial<Omit<typeof proposal.$inferInsert, "chainId" | "governor" | "proposalId">>,
) {
  const key = proposalKey(context, event, proposalId);
  if ((await context.db.find(proposal, key)) === null) return;
  await context.db.update(proposal, key).set(change);
}

ponder.on("Governor:ProposalQueued", async ({ event, context }) => {
  await updateProposal(context, event, event.args.proposalId, {
    status: "queued",
    eta: event.args.etaSeconds,
    queuedBlock: event.block.number,
    queuedTx: event.transaction.hash,
  });
});

ponder.on("Governor:ProposalExecuted", async ({ event, context }) => {
  await updateProposal(context, event, event.args.proposalId, {
    status: "executed",
    executedBlock: event.block.number,
    executedTx: event.transaction.hash,
  });
});

ponder.on("Governor:ProposalCanceled", async ({ event, context }) => {
  // Votes on a canceled proposal count for no one's participation (Bravo cancels during voting too).
  const key = proposalKey(context, event, event.args.proposalId);
  // Raw SQL flushes Ponder's write cache: only when there are votes (OpenZeppelin 5 cancels Pending only).
  const canceled = await context.db.find(proposal, key);
  const counted =
    (canceled?.voteCount ?? 0) === 0
      ? []
      : await context.db.sql
          .select({ voter: vote.voter })
          .from(vote)
          .where(
            and(
              eq(vote.chainId, key.chainId),
              eq(vote.governor, key.governor),
              eq(vote.proposalId, key.proposalId),
              gt(vote.weight, 0n),
            ),
          );
  for (const { voter: address } of counted) {
    await context.db
      .update(voter, { chainId: key.chainId, governor: key.governor, address })
      .set((row) => ({ countedVotes: row.countedVotes - 1 }));
    await context.db.update(vote, { ...key, voter: address }).set({ counted: false });
  }
  await updateProposal(context, event, event.args.proposalId, {
    status: "canceled",
    canceledBlock: event.block.number,
    canceledTx: event.transaction.hash,
  });
});

ponder.on("Governor:ProposalExtended", async ({ event, context }) => {
  const key = proposalKey(context, event, event.args.proposalId);
  await updateProposal(context, event, event.args.proposalId, { extendedVoteEnd: event.args.extendedDeadline });
  // Its votes carry its deadline (late quorum extends rarely, and only proposals with votes).
  const voters = await context.db.sql
    .select({ voter: vote.voter })
    .from(vote)
    .where(and(eq(vote.chainId, key.chainId), eq(vote.governor, key.governor), eq(vote.proposalId, key.proposalId)));
  for (const { voter: address } of voters) {
    await context.db.update(vote, { ...key, voter: address }).set({ deadline: event.args.extendedDeadline });
  }
});
