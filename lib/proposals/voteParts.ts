/**
 * The one shape of an amount of votes split between Against, For and Abstain: a proposal's
 * tallies (the Governor's `proposalVotes`, Bravo's `proposals(id)` fields), a split vote's parts
 * (GovernorCountingFractional), what one vote adds to a proposal. Named as the contracts, the
 * indexer's tables and its JSON name them; amounts stay `bigint` until they are formatted. With
 * the ways in and out of it: a split vote's packed params, the JSON strings, a cast vote.
 */
import type { IndexedVoteSplit } from "../indexer/types";
import type { CastVote } from "./voteFromReceipt";

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

/** Three packed uint128s, 16 bytes each. */
const splitParamsLength = 2 + 48 * 2;

/**
 * The parts of a split vote from its params (`abi.encodePacked(uint128 against, uint128 for,
 * uint128 abstain)`), or null when they are not exactly that.
 *
 * @example
 * decodeSplitParams(fractionalParams({ againstVotes: 1n, forVotes: 2n, abstainVotes: 3n })) // { againstVotes: 1n, forVotes: 2n, abstainVotes: 3n }
 * decodeSplitParams("0x01") // null
 */
export function decodeSplitParams(params: string): VoteParts | null {
  if (params.length !== splitParamsLength || !/^0x[0-9a-fA-F]*$/.test(params)) return null;
  const part = (index: number) => BigInt(`0x${params.slice(2 + index * 32, 2 + (index + 1) * 32)}`);
  return { againstVotes: part(0), forVotes: part(1), abstainVotes: part(2) };
}

/** A split as the JSON strings of indexed votes and `CastVote`. */
export function splitStrings(split: VoteParts): IndexedVoteSplit {
  return {
    againstVotes: split.againstVotes.toString(),
    forVotes: split.forVotes.toString(),
    abstainVotes: split.abstainVotes.toString(),
  };
}

/**
 * What a cast vote put on each side: a nominal vote its whole weight on one; a split its parts; a
 * split whose parts could not be read, nothing.
 */
export function votePartsOf(vote: Pick<CastVote, "support" | "weight" | "split">): VoteParts {
  const weight = BigInt(vote.weight);
  if (vote.split) {
    return {
      againstVotes: BigInt(vote.split.againstVotes),
      forVotes: BigInt(vote.split.forVotes),
      abstainVotes: BigInt(vote.split.abstainVotes),
    };
  }
  return {
    againstVotes: vote.support === 0 ? weight : 0n,
    forVotes: vote.support === 1 ? weight : 0n,
    abstainVotes: vote.support === 2 ? weight : 0n,
  };
}
