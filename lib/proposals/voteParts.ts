/**
 * The one shape of an amount of votes split between Against, For and Abstain: a proposal's
 * tallies (the Governor's `proposalVotes`, Bravo's `proposals(id)` fields), a split vote's parts
 * (GovernorCountingFractional), what one vote adds to a proposal. Named as the contracts, the
 * indexer's tables and its JSON name them; amounts stay `bigint` until they are formatted.
 */

/**
 * @example const tallies: VoteParts = { againstVotes: 300n, forVotes: 600n, abstainVotes: 100n };
 */
export type VoteParts = { againstVotes: bigint; forVotes: bigint; abstainVotes: bigint };

/** Nothing on any side. */
export const noVotes: VoteParts = { againstVotes: 0n, forVotes: 0n, abstainVotes: 0n };

/**
 * The sum of two sets of parts, side by side.
 *
 * @example addVoteParts({ againstVotes: 1n, forVotes: 2n, abstainVotes: 0n }, { …noVotes, forVotes: 3n }) // { againstVotes: 1n, forVotes: 5n, abstainVotes: 0n }
 */
export function addVoteParts(a: VoteParts, b: VoteParts): VoteParts {
  return {
    againstVotes: a.againstVotes + b.againstVotes,
    forVotes: a.forVotes + b.forVotes,
    abstainVotes: a.abstainVotes + b.abstainVotes,
  };
}
