/**
 * Reads what participation (./participation.ts) needs for a batch of delegates in three queries:
 * the governor's proposals, the delegates' zero-crossing voting power changes, and their votes.
 */
import { db } from "ponder:api";
import { proposal, vote, votingPowerChange } from "ponder:schema";
import { and, asc, eq, inArray, sql } from "ponder";
import type { Address } from "viem";
import type { IndexedDao } from "../../daos";
import { computeParticipation, type Participation, type PowerCrossing } from "./participation";

/** Participation, and when the delegate last voted on the governor (seconds; null if never). */
export type DelegateParticipation = Participation & { lastVoteTimestamp: number | null };

/**
 * Participation of each delegate (lowercase address → figures) on the DAO's governor, as of the
 * governor clock value `now` (the latest indexed block, or its timestamp for a timestamp clock).
 *
 * @example
 * const byDelegate = await participationOf(dao, [{ address, votingPower }], head.block);
 */
export async function participationOf(
  dao: IndexedDao,
  delegates: readonly { address: Address; votingPower: bigint }[],
  now: bigint,
): Promise<Map<Address, DelegateParticipation>> {
  const result = new Map<Address, DelegateParticipation>();
  if (delegates.length === 0) return result;
  const addresses = delegates.map((delegate) => delegate.address.toLowerCase() as Address);

  const [proposals, crossings, votes] = await Promise.all([
    db
      .select({
        id: proposal.proposalId,
        voteStart: proposal.voteStart,
        voteEnd: proposal.voteEnd,
        extendedVoteEnd: proposal.extendedVoteEnd,
        status: proposal.status,
      })
      .from(proposal)
      .where(and(eq(proposal.chainId, dao.chainId), eq(proposal.governor, dao.governor))),
    db
      .select({
        delegate: votingPowerChange.delegate,
        block: votingPowerChange.block,
        timestamp: votingPowerChange.timestamp,
        previousVotes: votingPowerChange.previousVotes,
        newVotes: votingPowerChange.newVotes,
      })
      .from(votingPowerChange)
      .where(
        and(
          eq(votingPowerChange.chainId, dao.chainId),
          eq(votingPowerChange.token, dao.token),
          inArray(votingPowerChange.delegate, addresses),
          // Only changes between zero and non-zero decide whether a delegate could vote.
          sql`(${votingPowerChange.previousVotes} = 0) <> (${votingPowerChange.newVotes} = 0)`,
        ),
      )
      .orderBy(asc(votingPowerChange.block), asc(votingPowerChange.logIndex)),
    db
      .select({ voter: vote.voter, proposalId: vote.proposalId, timestamp: vote.timestamp })
      .from(vote)
      .where(and(eq(vote.chainId, dao.chainId), eq(vote.governor, dao.governor), inArray(vote.voter, addresses))),
  ]);

  const participationProposals = proposals.map((row) => ({
    id: row.id,
    voteStart: row.voteStart,
    voteEnd: row.extendedVoteEnd ?? row.voteEnd,
    canceled: row.status === "canceled",
  }));
  const crossingsOf = new Map<Address, PowerCrossing[]>();
  for (const row of crossings) {
    const list = crossingsOf.get(row.delegate) ?? [];
    list.push({
      at: dao.timestampClock ? BigInt(row.timestamp) : row.block,
      previousVotes: row.previousVotes,
      newVotes: row.newVotes,
    });
    crossingsOf.set(row.delegate, list);
  }
  const votedBy = new Map<Address, Set<bigint>>();
  const lastVoteOf = new Map<Address, number>();
  for (const row of votes) {
    const set = votedBy.get(row.voter) ?? new Set<bigint>();
    set.add(row.proposalId);
    votedBy.set(row.voter, set);
    lastVoteOf.set(row.voter, Math.max(lastVoteOf.get(row.voter) ?? 0, row.timestamp));
  }

  for (const delegate of delegates) {
    const address = delegate.address.toLowerCase() as Address;
    result.set(address, {
      ...computeParticipation({
        proposals: participationProposals,
        crossings: crossingsOf.get(address) ?? [],
        currentVotes: delegate.votingPower,
        votedIds: votedBy.get(address) ?? new Set(),
        now,
      }),
      lastVoteTimestamp: lastVoteOf.get(address) ?? null,
    });
  }
  return result;
}
