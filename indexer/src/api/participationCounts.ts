/**
 * Participation of a page of delegates (definition in ./participation.ts) from what the handlers
 * keep counted, so a delegates page costs the same on a DAO of 10 proposals or 10,000:
 *
 * - voted: the voter's `countedVotes` (votes with weight on proposals not canceled), less those on
 *   proposals still open: a range of the (chain, governor, voter, counted, deadline) index, read
 *   per delegate in a subquery of the voter rows' query (a grouped count over a page of delegates
 *   walked every vote of each: 80 ms for the top 20 of the large DAO);
 * - eligible: per stretch of time in which the delegate's power was above zero (from its
 *   zero-crossings, the `power_crossing` rows), the proposals not canceled whose snapshot falls in
 *   it, less those still open;
 * - missedStreak: the eligible proposals whose deadline is later than the latest deadline the
 *   delegate voted on among closed proposals (the same index, its last entry before `now`: a max()
 *   per delegate, which PostgreSQL answers from the index's end);
 *
 * The page's counts of proposals are one pass over the governor's proposals with a FILTER clause
 * each (a small table; a query per count costs more on PGlite than the pass).
 * - lastVoteTimestamp: kept on the voter's row.
 *
 * A vote with weight means the voter had power at the snapshot, so every counted vote is on an
 * eligible proposal, as participation.ts requires.
 */
import { db } from "ponder:api";
import { powerCrossing, proposal, vote, voter } from "ponder:schema";
import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, or, sql } from "ponder";
import type { Address } from "viem";
import type { IndexedDao } from "../../daos";
import { inStretch, type Participation, type PowerCrossing, type PowerStretch, powerStretches } from "./participation";

/**
 * Participation, when the delegate last voted on the governor (seconds; null if never), and how many
 * votes it has cast there.
 */
export type DelegateParticipation = Participation & { lastVoteTimestamp: number | null; votesCount: number };

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
  // The votes with weight of the voter row of the outer query (correlated subqueries below).
  const countedOfVoter = and(
    eq(vote.chainId, dao.chainId),
    eq(vote.governor, dao.governor),
    eq(vote.voter, voter.address),
    eq(vote.counted, true),
  );

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
    // Per delegate: its voter row, and on the (chain, governor, voter, counted, deadline) index its
    // counted votes on open proposals and the latest deadline it voted on among the closed ones.
    db
      .select({
        address: voter.address,
        votesCount: voter.votesCount,
        countedVotes: voter.countedVotes,
        lastVoteTimestamp: voter.lastVoteTimestamp,
        onOpen:
          sql<number>`(select count(*) from ${vote} where ${countedOfVoter} and ${vote.deadline} >= ${now})`.mapWith(
            Number,
          ),
        latestClosed: sql<
          bigint | null
        >`(select max(${vote.deadline}) from ${vote} where ${countedOfVoter} and ${vote.deadline} < ${now})`.mapWith(
          (value: string | number | bigint | null) => (value === null ? null : BigInt(value)),
        ),
      })
      .from(voter)
      .where(and(eq(voter.chainId, dao.chainId), eq(voter.governor, dao.governor), inArray(voter.address, addresses))),
  ]);

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

  // Proposals not canceled with the snapshot in a stretch (and, for a streak, closed with a later
  // deadline than the delegate's latest vote): one count per distinct question.
  const questions = new Map<string, ReturnType<typeof and>>();
  const ask = (stretch: PowerStretch, after: bigint | undefined) => {
    const key = `${stretch.from ?? ""}:${stretch.to ?? ""}:${after ?? ""}`;
    if (!questions.has(key)) {
      questions.set(
        key,
        and(
          stretch.from === undefined ? undefined : gte(proposal.voteStart, stretch.from),
          stretch.to === undefined ? undefined : lt(proposal.voteStart, stretch.to),
          after === undefined
            ? undefined
            : and(
                or(gt(proposal.voteEnd, after), gt(proposal.extendedVoteEnd, after)),
                lt(proposal.voteEnd, now),
                or(isNull(proposal.extendedVoteEnd), lt(proposal.extendedVoteEnd, now)),
              ),
        ),
      );
    }
    return key;
  };
  const eligibleKeys = new Map<Address, string[]>();
  const streakKeys = new Map<Address, string[]>();
  const voterRows = new Map(voters.map((row) => [row.address, row]));
  for (const address of addresses) {
    const stretches = stretchesOf.get(address) ?? [];
    eligibleKeys.set(
      address,
      stretches.map((stretch) => ask(stretch, undefined)),
    );
    const latest = voterRows.get(address)?.latestClosed;
    if (latest !== undefined && latest !== null) {
      streakKeys.set(
        address,
        stretches.map((stretch) => ask(stretch, latest)),
      );
    }
  }
  // One pass over the governor's proposals answers every question (a count per FILTER clause).
  const keys = [...questions.keys()];
  const [answers] =
    keys.length === 0
      ? [{}]
      : await db
          .select(
            Object.fromEntries(
              keys.map((key, index) => [
                `q${index}`,
                sql<number>`count(*) filter (where ${questions.get(key) ?? sql`true`})`.mapWith(Number),
              ]),
            ),
          )
          .from(proposal)
          .where(and(ofGovernor, ne(proposal.status, "canceled")));
  const counted = new Map(
    keys.map((key, index) => [key, Number((answers as Record<string, number>)?.[`q${index}`] ?? 0)]),
  );
  const sum = (keys: readonly string[] | undefined) =>
    (keys ?? []).reduce((total, key) => total + (counted.get(key) ?? 0), 0);

  for (const address of addresses) {
    const stretches = stretchesOf.get(address) ?? [];
    let eligible = sum(eligibleKeys.get(address));
    for (const stretch of stretches) eligible -= open.filter((row) => inStretch(row.voteStart, stretch)).length;
    eligible = Math.max(0, eligible);
    const row = voterRows.get(address);
    const voted = Math.max(0, (row?.countedVotes ?? 0) - (row?.onOpen ?? 0));
    const missedStreak = streakKeys.has(address) ? sum(streakKeys.get(address)) : eligible;
    result.set(address, {
      voted,
      eligible,
      missedStreak: Math.min(missedStreak, eligible),
      lastVoteTimestamp: row?.lastVoteTimestamp ?? null,
      votesCount: row?.votesCount ?? 0,
    });
  }
  return result;
}
