/**
 * Where a vote stands, from the tallies and the quorum: each side's share of the votes cast and
 * whether quorum is reached. What counts toward quorum depends on the governor's counting mode
 * (ERC-6372 COUNTING_MODE), as `quorumProgress` reads it: OpenZeppelin's simple counting says
 * `quorum=for,abstain`; Bravo (and a governor without COUNTING_MODE) counts For votes only.
 */
import { quorumProgress } from "./quorumProgress";
import type { VoteParts } from "./voteParts";

export type VoteResults = VoteParts & {
  total: bigint;
  /** Shares of the votes cast in hundredths of a percent (10000 = 100%), truncated: for bar widths. */
  shares: { for: number; against: number; abstain: number };
  /** The votes that count toward quorum under the counting mode. */
  quorumVotes: bigint;
  /** Which sides count toward quorum, for the explanation shown to voters. */
  quorumCounts: "for" | "for,abstain";
  /** The quorum at the snapshot; null when unknown (not yet determined, or unreadable). */
  quorum: bigint | null;
  reached: boolean | null;
  /** quorumVotes / quorum in hundredths of a percent, capped at 10000; null when quorum is unknown or zero. */
  quorumProgress: number | null;
};

/**
 * Which votes count toward quorum under a counting mode string, to explain the figure to voters
 * (Bravo's when the governor does not say).
 *
 * @example quorumCountsFor("support=bravo&quorum=for,abstain") // "for,abstain"
 */
export function quorumCountsFor(countingMode: string | null): "for" | "for,abstain" {
  const quorum = new URLSearchParams(countingMode ?? "").get("quorum") ?? "bravo";
  return quorum.split(",").some((side) => side.trim() === "abstain") ? "for,abstain" : "for";
}

const share = (part: bigint, total: bigint) => (total === 0n ? 0 : Number((part * 10_000n) / total));

/**
 * @example
 * voteResults({ forVotes: 3n, againstVotes: 1n, abstainVotes: 0n }, 2n, "support=bravo&quorum=for,abstain").reached // true
 */
export function voteResults(tallies: VoteParts, quorum: bigint | null, countingMode: string | null): VoteResults {
  const total = tallies.forVotes + tallies.againstVotes + tallies.abstainVotes;
  const progress = quorumProgress(tallies, quorum ?? 0n, countingMode);
  return {
    ...tallies,
    total,
    shares: {
      for: share(tallies.forVotes, total),
      against: share(tallies.againstVotes, total),
      abstain: share(tallies.abstainVotes, total),
    },
    quorumVotes: progress.counted,
    quorumCounts: quorumCountsFor(countingMode),
    quorum,
    reached: quorum === null ? null : progress.reached,
    quorumProgress: quorum === null || quorum === 0n ? null : Math.round(progress.percent * 100),
  };
}
