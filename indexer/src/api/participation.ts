/**
 * A delegate's participation on one governor, computed from the indexer's rows.
 *
 * Definition (shown on the delegates pages too): of the proposals whose voting has closed (not
 * canceled) and at whose snapshot the delegate had voting power above zero, the share the delegate
 * voted on. "Had voting power at the snapshot" is what the token's getPastVotes(delegate, snapshot)
 * returns, so a proposal counts only if the delegate could have voted on it. Proposals still open
 * count once they close; a vote cast with zero weight counts nowhere.
 */

/** A proposal as participation needs it; `voteStart` is the snapshot, `voteEnd` the (extended) deadline. */
export type ParticipationProposal = { id: bigint; voteStart: bigint; voteEnd: bigint; canceled: boolean };

/**
 * A DelegateVotesChanged that moved the delegate's power from zero to non-zero or back, in
 * chain order. `at` is the block number, or the block timestamp for a timestamp clock.
 */
export type PowerCrossing = { at: bigint; previousVotes: bigint; newVotes: bigint };

export type Participation = {
  voted: number;
  eligible: number;
  /**
   * How many eligible proposals the delegate missed since their last vote: those whose deadline is
   * later than the latest deadline they voted on (all of them if they never voted); 0 when they
   * voted on the latest one they could.
   */
  missedStreak: number;
};

/**
 * Whether the delegate's voting power was above zero at `timepoint` (the end of that block, as
 * getPastVotes sees it). Only crossings matter: between two of them power stays zero or non-zero.
 * Before the first crossing the indexer saw, power is what that crossing moved it from; with no
 * crossing at all it has been what it is now.
 */
export function hadVotingPowerAt(
  crossings: readonly PowerCrossing[],
  currentVotes: bigint,
  timepoint: bigint,
): boolean {
  let last: PowerCrossing | undefined;
  for (const crossing of crossings) {
    if (crossing.at > timepoint) break;
    last = crossing;
  }
  if (last !== undefined) return last.newVotes > 0n;
  const first = crossings[0];
  if (first !== undefined) return first.previousVotes > 0n;
  return currentVotes > 0n;
}

/**
 * @example
 * computeParticipation({ proposals, crossings, currentVotes: 10n, votedIds: new Set([1n]), now: 500n })
 * // { voted: 1, eligible: 3, missedStreak: 2 }
 */
export function computeParticipation(input: {
  proposals: readonly ParticipationProposal[];
  crossings: readonly PowerCrossing[];
  currentVotes: bigint;
  votedIds: ReadonlySet<bigint>;
  /** The governor's clock now (latest indexed block, or its timestamp). */
  now: bigint;
}): Participation {
  const eligible: ParticipationProposal[] = [];
  for (const proposal of input.proposals) {
    // Active while clock <= deadline (OZ Governor and Bravo alike).
    if (proposal.canceled || proposal.voteEnd >= input.now) continue;
    if (!hadVotingPowerAt(input.crossings, input.currentVotes, proposal.voteStart)) continue;
    eligible.push(proposal);
  }
  const voted = eligible.filter((proposal) => input.votedIds.has(proposal.id)).length;
  let latestVoted: bigint | undefined;
  for (const proposal of eligible) {
    if (input.votedIds.has(proposal.id) && (latestVoted === undefined || proposal.voteEnd > latestVoted)) {
      latestVoted = proposal.voteEnd;
    }
  }
  const missedStreak =
    latestVoted === undefined
      ? eligible.length
      : eligible.filter((proposal) => proposal.voteEnd > (latestVoted as bigint)).length;
  return { voted, eligible: eligible.length, missedStreak };
}

/** A stretch of governor clock [from, to) (undefined: unbounded) in which a delegate had power. */
export type PowerStretch = { from: bigint | undefined; to: bigint | undefined };

/**
 * The stretches in which power was above zero, from the delegate's zero-crossings in chain order
 * (the same reading as participation.ts's hadVotingPowerAt: a crossing at `at` counts from `at`).
 *
 * @example
 * powerStretches([{ at: 10n, previousVotes: 0n, newVotes: 5n }], 5n) // [{ from: 10n, to: undefined }]
 */
export function powerStretches(crossings: readonly PowerCrossing[], currentVotes: bigint): PowerStretch[] {
  const first = crossings[0];
  if (first === undefined) return currentVotes > 0n ? [{ from: undefined, to: undefined }] : [];
  const stretches: PowerStretch[] = [];
  if (first.previousVotes > 0n) stretches.push({ from: undefined, to: first.at });
  crossings.forEach((crossing, index) => {
    if (crossing.newVotes > 0n) stretches.push({ from: crossing.at, to: crossings[index + 1]?.at });
  });
  return stretches;
}

/** Whether clock value `at` falls in `stretch`. */
export const inStretch = (at: bigint, stretch: PowerStretch) =>
  (stretch.from === undefined || at >= stretch.from) && (stretch.to === undefined || at < stretch.to);
