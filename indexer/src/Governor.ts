/**
 * Governor event handlers: proposals, their life (queued, executed, canceled, extended) and votes
 * with running tallies. Rows are keyed by chain id + the emitting governor, so every DAO's
 * governor shares these handlers.
 */
import { type Context, type Event, ponder } from "ponder:registry";
import { proposal, vote, voter } from "ponder:schema";
import { proposalTitle } from "../../lib/proposals/proposalTitle";

type VoteEvent = Event<"Governor:VoteCast"> | Event<"Governor:VoteCastWithParams">;

function proposalKey(context: Context, event: { log: { address: `0x${string}` } }, proposalId: bigint) {
  return { chainId: context.chain.id, governor: event.log.address, proposalId };
}

/** The tally columns a vote adds its weight to (GovernorBravo / OZ simple counting). */
function tally(support: number, weight: bigint) {
  if (support === 0) return { againstVotes: weight, forVotes: 0n, abstainVotes: 0n };
  if (support === 1) return { againstVotes: 0n, forVotes: weight, abstainVotes: 0n };
  if (support === 2) return { againstVotes: 0n, forVotes: 0n, abstainVotes: weight };
  // Another counting module's vote type: counted as a vote, tallied nowhere.
  return { againstVotes: 0n, forVotes: 0n, abstainVotes: 0n };
}

async function recordVote(event: VoteEvent, context: Context, params: `0x${string}`) {
  const { voter: address, proposalId, support, weight, reason } = event.args;
  const proposalRowKey = proposalKey(context, event, proposalId);
  const key = { ...proposalRowKey, voter: address };
  // TODO(issue 6): fractional voting (GovernorCountingFractional) emits VoteCastWithParams with
  // support 255 and params packing against/for/abstain weights, possibly several times per voter.
  // Until then non-empty params are read as a single-support vote; repeated votes add up.
  const previous = await context.db.find(vote, key);
  const cast = {
    support,
    reason,
    params,
    block: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: Number(event.block.timestamp),
    tx: event.transaction.hash,
  };
  if (previous === null) await context.db.insert(vote).values({ ...key, ...cast, weight });
  else await context.db.update(vote, key).set((row) => ({ ...cast, weight: row.weight + weight }));

  const isNewVoter = previous === null ? 1 : 0;
  if ((await context.db.find(proposal, proposalRowKey)) !== null) {
    const added = tally(support, weight);
    await context.db.update(proposal, proposalRowKey).set((row) => ({
      againstVotes: row.againstVotes + added.againstVotes,
      forVotes: row.forVotes + added.forVotes,
      abstainVotes: row.abstainVotes + added.abstainVotes,
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
      lastVoteBlock: event.block.number,
    })
    .onConflictDoUpdate((row) => ({ votesCount: row.votesCount + isNewVoter, lastVoteBlock: event.block.number }));
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

ponder.on("Governor:VoteCast", async ({ event, context }) => {
  await recordVote(event, context, "0x");
});

ponder.on("Governor:VoteCastWithParams", async ({ event, context }) => {
  await recordVote(event, context, event.args.params);
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
  await updateProposal(context, event, event.args.proposalId, {
    status: "canceled",
    canceledBlock: event.block.number,
    canceledTx: event.transaction.hash,
  });
});

ponder.on("Governor:ProposalExtended", async ({ event, context }) => {
  await updateProposal(context, event, event.args.proposalId, { extendedVoteEnd: event.args.extendedDeadline });
});
