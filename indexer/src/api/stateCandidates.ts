/**
 * The proposals that can be in a state filter's states at governor clock `now` (the chain's, as
 * the app read it), from what the index knows: terminal events (canceled, executed), the deadline
 * arithmetic (Pending until the snapshot, Active until the deadline) and the tallies (no more For
 * than Against: Defeated, whatever the quorum). The app reads the
 * states of the undecided rest live (lib/chain/proposalStates.ts `decidedState`).
 * The filter names and states are the app's (lib/chain/proposalStates.ts `proposalStateFilters`).
 */
import { proposal } from "ponder:schema";
import { and, eq, gt, gte, lt, or, sql } from "ponder";
import type { StateFilter } from "./params";

/** The deadline in force: late-quorum protection's extension when there was one. */
const deadline = sql`coalesce(${proposal.extendedVoteEnd}, ${proposal.voteEnd})`;

/**
 * The where clause of the candidates (the caller adds the DAO's chain and governor).
 *
 * @example
 * db.select().from(proposal).where(and(ofGovernor, stateCandidates("active", head)))
 */
export function stateCandidates(filter: StateFilter, now: bigint): ReturnType<typeof and> {
  const created = eq(proposal.status, "created");
  const ended = sql`${deadline} < ${now}`;
  switch (filter) {
    case "pending":
      return and(created, gte(proposal.voteStart, now));
    case "active":
      return and(created, lt(proposal.voteStart, now), sql`${deadline} >= ${now}`);
    case "passed":
      return or(eq(proposal.status, "queued"), and(created, ended, gt(proposal.forVotes, proposal.againstVotes)));
    case "executed":
      return eq(proposal.status, "executed");
    case "closed":
      // A queued proposal can turn Canceled (its timelock operation cancelled, no governor event)
      // or Expired (Bravo's grace period): candidates too, read live.
      return or(eq(proposal.status, "canceled"), eq(proposal.status, "queued"), and(created, ended));
  }
}
