/**
 * How far a proposal's votes are towards quorum. Which votes count is the governor's ERC-6372
 * counting mode: OpenZeppelin's simple counting says `quorum=for,abstain`; Bravo (and governors
 * without COUNTING_MODE) count For votes only (`quorum=bravo`).
 */
import type { VoteParts } from "./voteParts";

export type QuorumProgress = {
  /** The votes that count towards quorum. */
  counted: bigint;
  quorum: bigint;
  /** counted / quorum in percent, capped at 100 (for a bar). */
  percent: number;
  reached: boolean;
};

/** Which supports count towards quorum, from a COUNTING_MODE string such as `support=bravo&quorum=for,abstain`. */
function countedSupports(countingMode: string | null | undefined): Set<string> {
  const quorum = new URLSearchParams(countingMode ?? "").get("quorum") ?? "bravo";
  const parts = new Set(quorum.split(",").map((part) => part.trim()));
  if (parts.has("bravo")) parts.add("for");
  return parts;
}

/**
 * @example
 * quorumProgress({ forVotes: 30n, againstVotes: 50n, abstainVotes: 10n }, 100n, "support=bravo&quorum=for,abstain")
 * // { counted: 40n, quorum: 100n, percent: 40, reached: false }
 */
export function quorumProgress(
  votes: VoteParts,
  quorum: bigint,
  countingMode: string | null | undefined,
): QuorumProgress {
  const supports = countedSupports(countingMode);
  const counted =
    (supports.has("for") ? votes.forVotes : 0n) +
    (supports.has("abstain") ? votes.abstainVotes : 0n) +
    (supports.has("against") ? votes.againstVotes : 0n);
  // A zero quorum is reached by anything (OZ: quorum <= counted).
  const percent = quorum <= 0n ? 100 : Math.min(100, Number((counted * 10_000n) / quorum) / 100);
  return { counted, quorum, percent, reached: quorum <= counted };
}
