/**
 * Participation of a page of delegates (definition in ./participation.ts) from what the handlers
 * keep counted, so a delegates page costs the same on a DAO of 10 proposals or 10,000:
 *
 * - voted: the voter's `countedVotes` (votes with weight on proposals not canceled), less those on
 *   proposals still open (few: only the newest can be);
 * - eligible: per stretch of time in which the delegate's power was above zero (from its
 *   zero-crossings, the `power_crossing` rows), the proposals not canceled whose snapshot falls in
 *   it, counted by the database on the (chain, governor, voteStart) index, less those still open.
 *
 * - missedStreak: the newest closed proposals (by deadline) are walked a window at a time, with
 *   the page's votes on them; a delegate who voted on none of the window but has voted before is
 *   counted from their newest closed vote (their votes, not the DAO's);
 * - lastVoteTimestamp: kept on the voter's row.
 *
 * A vote with weight means the voter had power at the snapshot, so every counted vote is on an
 * eligible proposal, as participation.ts requires.
 */
import { db } from "ponder:api";
import { powerCrossing, proposal, vote, voter } from "ponder:schema";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, ne, or } from "ponder";
import type { Address } from "viem";
import type { IndexedDao } from "../../daos";
import { inStretch, type Participation, type PowerCrossing, type PowerStretch, powerStretches } from "./participation";

/** Participation, and when the delegate last voted on the governor (seconds; null if never). */
export type DelegateParticipation = Participation & { lastVoteTimestamp: number | null };

/**
 * How many of the newest closed proposals one query reads for the missed streaks of a page
 * (COMMONS_STREAK_WINDOW: tests set it small to take the path beyond the window on a small DAO).
 */
const streakWindow = Number(process.env.COMMONS_STREAK_WINDOW) || 50;

/**
 * Participation of each delegate (lowercase address → figures) as of the governor clock `now`.
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
  const ofGovernor = and(eq(proposal.chainId, dao.chainId), eq(proposal.governor, dao.governor));

  const [open, crossings, voters] = await Promise.all([
    // Proposals still open (Active while clock <= deadline): the newest few.
    db
      .select({ id: proposal.proposalId, voteStart: proposal.voteStart })
      .from(proposal)
      .where(
        and(
          ofGovernor,
          ne(proposal.status, "canceled"),
          or(gte(proposal.voteEnd, now), gte(proposal.extendedVoteEnd, now)),
        ),
      ),
    db
      .select()
      .from(powerCrossing)
      .where(
        and(
          eq(powerCrossing.chainId, dao.chainId),
          eq(powerCrossing.token, dao.token),
          inArray(powerCrossing.delegate, addresses),
        ),
      )
      .orderBy(asc(powerCrossing.block), asc(powerCrossing.logIndex)),
    db
      .select({ address: voter.address, countedVotes: voter.countedVotes, lastVoteTimestamp: voter.lastVoteTimestamp })
      .from(voter)
      .where(and(eq(voter.chainId, dao.chainId), eq(voter.governor, dao.governor), inArray(voter.address, addresses))),
  ]);
  const openIds = open.map((row) => row.id);
  const openVotes =
    openIds.length === 0
      ? []
      : await db
          .select({ voter: vote.voter })
          .from(vote)
          .where(
            and(
              eq(vote.chainId, dao.chainId),
              eq(vote.governor, dao.governor),
              inArray(vote.proposalId, openIds),
              inArray(vote.voter, addresses),
              gt(vote.weight, 0n),
            ),
          );

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
  const stretchesOf = new Map(
    delegates.map((delegate) => {
      const address = delegate.address.toLowerCase() as Address;
      return [address, powerStretches(crossingsOf.get(address) ?? [], delegate.votingPower)] as const;
    }),
  );

  // One count per distinct stretch (delegates who always had power share the unbounded one).
  const stretchKey = (stretch: PowerStretch) => `${stretch.from ?? ""}:${stretch.to ?? ""}`;
  const distinct = new Map<string, PowerStretch>();
  for (const stretches of stretchesOf.values())
    for (const stretch of stretches) distinct.set(stretchKey(stretch), stretch);
  const counted = new Map<string, number>();
  await Promise.all(
    [...distinct].map(async ([key, stretch]) => {
      const [row] = await db
        .select({ value: count() })
        .from(proposal)
        .where(
          and(
            ofGovernor,
            ne(proposal.status, "canceled"),
            stretch.from === undefined ? undefined : gte(proposal.voteStart, stretch.from),
            stretch.to === undefined ? undefined : lt(proposal.voteStart, stretch.to),
          ),
        );
      counted.set(key, row?.value ?? 0);
    }),
  );

  const voterRows = new Map(voters.map((row) => [row.address, row]));
  const openVotesOf = new Map<Address, number>();
  for (const row of openVotes) openVotesOf.set(row.voter, (openVotesOf.get(row.voter) ?? 0) + 1);
  const figures = new Map<Address, Participation>();
  for (const address of addresses) {
    let eligible = 0;
    for (const stretch of stretchesOf.get(address) ?? []) {
      eligible += counted.get(stretchKey(stretch)) ?? 0;
      eligible -= open.filter((row) => inStretch(row.voteStart, stretch)).length;
    }
    const voted = (voterRows.get(address)?.countedVotes ?? 0) - (openVotesOf.get(address) ?? 0);
    figures.set(address, { voted: Math.max(0, voted), eligible: Math.max(0, eligible), missedStreak: 0 });
  }
  const streaks = await missedStreaks(dao, now, figures, stretchesOf);
  for (const [address, figure] of figures) {
    result.set(address, {
      ...figure,
      missedStreak: streaks.get(address) ?? 0,
      lastVoteTimestamp: voterRows.get(address)?.lastVoteTimestamp ?? null,
    });
  }
  return result;
}

/**
 * For each delegate, how many of the latest proposals they could vote on (closed, not canceled,
 * power at the snapshot), newest deadline first, they missed before the newest one they voted on.
 */
async function missedStreaks(
  dao: IndexedDao,
  now: bigint,
  figures: ReadonlyMap<Address, Participation>,
  stretchesOf: ReadonlyMap<Address, PowerStretch[]>,
): Promise<Map<Address, number>> {
  const streaks = new Map<Address, number>();
  const eligibleFor = (address: Address, voteStart: bigint) =>
    (stretchesOf.get(address) ?? []).some((stretch) => inStretch(voteStart, stretch));
  // Never voted on a closed proposal: every eligible one is missed.
  const walking: Address[] = [];
  for (const [address, figure] of figures) {
    if (figure.voted === 0) streaks.set(address, figure.eligible);
    else walking.push(address);
  }
  if (walking.length === 0) return streaks;

  const closedOfGovernor = and(
    eq(proposal.chainId, dao.chainId),
    eq(proposal.governor, dao.governor),
    ne(proposal.status, "canceled"),
    lt(proposal.voteEnd, now),
    or(isNull(proposal.extendedVoteEnd), lt(proposal.extendedVoteEnd, now)),
  );
  const window = (
    await db
      .select({
        id: proposal.proposalId,
        voteStart: proposal.voteStart,
        voteEnd: proposal.voteEnd,
        extendedVoteEnd: proposal.extendedVoteEnd,
      })
      .from(proposal)
      .where(closedOfGovernor)
      .orderBy(desc(proposal.voteEnd), desc(proposal.voteStart))
      .limit(streakWindow)
  ).map((row) => ({ id: row.id, voteStart: row.voteStart, deadline: row.extendedVoteEnd ?? row.voteEnd }));
  window.sort((a, b) => compare(b.deadline, a.deadline) || compare(b.voteStart, a.voteStart));
  const votesInWindow =
    window.length === 0
      ? []
      : await db
          .select({ voter: vote.voter, proposalId: vote.proposalId })
          .from(vote)
          .where(
            and(
              eq(vote.chainId, dao.chainId),
              eq(vote.governor, dao.governor),
              inArray(
                vote.proposalId,
                window.map((row) => row.id),
              ),
              inArray(vote.voter, walking),
              gt(vote.weight, 0n),
            ),
          );
  const votedInWindow = new Set(votesInWindow.map((row) => `${row.voter}:${row.proposalId}`));

  const beyondWindow: Address[] = [];
  for (const address of walking) {
    let missed = 0;
    let found = false;
    for (const row of window) {
      if (!eligibleFor(address, row.voteStart)) continue;
      if (votedInWindow.has(`${address}:${row.id}`)) {
        found = true;
        break;
      }
      missed += 1;
    }
    if (found || window.length < streakWindow) streaks.set(address, missed);
    else beyondWindow.push(address);
  }

  // Voted before the window: from their newest closed vote, the eligible proposals after it.
  await Promise.all(
    beyondWindow.map(async (address) => {
      const [newest] = await db
        .select({ voteEnd: proposal.voteEnd })
        .from(vote)
        .innerJoin(
          proposal,
          and(
            eq(proposal.chainId, vote.chainId),
            eq(proposal.governor, vote.governor),
            eq(proposal.proposalId, vote.proposalId),
          ),
        )
        .where(
          and(
            eq(vote.chainId, dao.chainId),
            eq(vote.governor, dao.governor),
            eq(vote.voter, address),
            gt(vote.weight, 0n),
            closedOfGovernor,
          ),
        )
        .orderBy(desc(proposal.voteEnd))
        .limit(1);
      let missed = 0;
      for (const stretch of stretchesOf.get(address) ?? []) {
        const [row] = await db
          .select({ value: count() })
          .from(proposal)
          .where(
            and(
              closedOfGovernor,
              newest === undefined ? undefined : gt(proposal.voteEnd, newest.voteEnd),
              stretch.from === undefined ? undefined : gte(proposal.voteStart, stretch.from),
              stretch.to === undefined ? undefined : lt(proposal.voteStart, stretch.to),
            ),
          );
        missed += row?.value ?? 0;
      }
      streaks.set(address, missed);
    }),
  );
  return streaks;
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
