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
 * A vote with weight means the voter had power at the snapshot, so every counted vote is on an
 * eligible proposal, as participation.ts requires.
 */
import { db } from "ponder:api";
import { powerCrossing, proposal, vote, voter } from "ponder:schema";
import { and, asc, count, eq, gt, gte, inArray, lt, ne, or } from "ponder";
import type { Address } from "viem";
import type { IndexedDao } from "../../daos";
import { inStretch, type Participation, type PowerCrossing, type PowerStretch, powerStretches } from "./participation";

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
): Promise<Map<Address, Participation>> {
  const result = new Map<Address, Participation>();
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
      .select({ address: voter.address, countedVotes: voter.countedVotes })
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

  const countedVotes = new Map(voters.map((row) => [row.address, row.countedVotes]));
  const openVotesOf = new Map<Address, number>();
  for (const row of openVotes) openVotesOf.set(row.voter, (openVotesOf.get(row.voter) ?? 0) + 1);
  for (const address of addresses) {
    let eligible = 0;
    for (const stretch of stretchesOf.get(address) ?? []) {
      eligible += counted.get(stretchKey(stretch)) ?? 0;
      eligible -= open.filter((row) => inStretch(row.voteStart, stretch)).length;
    }
    const voted = (countedVotes.get(address) ?? 0) - (openVotesOf.get(address) ?? 0);
    result.set(address, { voted: Math.max(0, voted), eligible: Math.max(0, eligible) });
  }
  return result;
}
