/**
 * How one VoteCast / VoteCastWithParams adds to a proposal's tallies. Pure (no Ponder import), so
 * the rules are unit-tested on their own (voteParts.test.ts). Kept out of src/: Ponder runs every
 * file there as indexing code.
 *
 * - Support 0 / 1 / 2 (GovernorBravo, OZ simple counting, a fractional governor's nominal vote):
 *   the whole weight goes to Against / For / Abstain.
 * - Support 255 (OZ 5 GovernorCountingFractional): params are
 *   `abi.encodePacked(uint128 against, uint128 for, uint128 abstain)`, 48 bytes; each part goes to
 *   its column (the event's weight is their sum). A voter may vote this way several times, each
 *   with part of their weight, and may end with a nominal vote for the rest.
 * - Anything else (another counting module's vote type, or malformed fractional params): counted
 *   as a vote, tallied nowhere.
 */
import type { Hex } from "viem";
import type { ProposalVotes } from "../lib/governor/adapter";
import { decodeSplitParams, splitSupport } from "../lib/proposals/splitVote";

/** The name indexer/src/api still imports; remove once that module is split (branch `scale`). */
export { splitSupport as fractionalSupport };

export const noVotes: ProposalVotes = { againstVotes: 0n, forVotes: 0n, abstainVotes: 0n };

/**
 * The against/for/abstain parts packed in fractional params, or null when `params` is not 48 bytes
 * of hex. The app's decoder (lib/proposals/splitVote) reads them; this names them as tallies.
 *
 * @example
 * decodeFractionalParams(encodePacked(["uint128", "uint128", "uint128"], [1n, 2n, 3n]))
 * // { againstVotes: 1n, forVotes: 2n, abstainVotes: 3n }
 */
export function decodeFractionalParams(params: Hex): ProposalVotes | null {
  const split = decodeSplitParams(params);
  return split && { againstVotes: split.against, forVotes: split.for, abstainVotes: split.abstain };
}

export type CountedVote = {
  /** What the vote adds to the proposal's Against / For / Abstain tallies. */
  parts: ProposalVotes;
  /** A split vote (support 255): the voter's row keeps support 255 from then on. */
  fractional: boolean;
  /** Support 255 with params that are not three packed uint128s: recorded, tallied nowhere. */
  malformed: boolean;
};

/**
 * @example
 * countVote(1, 10n, "0x") // { parts: { againstVotes: 0n, forVotes: 10n, abstainVotes: 0n }, fractional: false, malformed: false }
 */
export function countVote(support: number, weight: bigint, params: Hex): CountedVote {
  if (support === 0) return { parts: { ...noVotes, againstVotes: weight }, fractional: false, malformed: false };
  if (support === 1) return { parts: { ...noVotes, forVotes: weight }, fractional: false, malformed: false };
  if (support === 2) return { parts: { ...noVotes, abstainVotes: weight }, fractional: false, malformed: false };
  if (support === splitSupport) {
    const parts = decodeFractionalParams(params);
    return parts === null
      ? { parts: noVotes, fractional: true, malformed: true }
      : { parts, fractional: true, malformed: false };
  }
  return { parts: noVotes, fractional: false, malformed: false };
}

/** The sum of two sets of parts. */
export function addParts(a: ProposalVotes, b: ProposalVotes): ProposalVotes {
  return {
    againstVotes: a.againstVotes + b.againstVotes,
    forVotes: a.forVotes + b.forVotes,
    abstainVotes: a.abstainVotes + b.abstainVotes,
  };
}
