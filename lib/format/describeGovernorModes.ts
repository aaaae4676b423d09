/**
 * Plain-language readings of a governor's self-descriptions: the ERC-6372 `CLOCK_MODE()` string
 * and OpenZeppelin's `COUNTING_MODE()` string (a URL query such as
 * `support=bravo&quorum=for,abstain`; GovernorAlpha, which has none, is described as
 * `support=alpha&quorum=bravo`). Unknown values are described as such, never guessed.
 */

/**
 * @example describeClockMode("mode=blocknumber&from=default") // "Block numbers (this chain’s blocks)"
 * @example describeClockMode("mode=timestamp") // "Timestamps (seconds)"
 */
export function describeClockMode(clockMode: string): string {
  const params = new URLSearchParams(clockMode);
  const mode = params.get("mode");
  if (mode === "timestamp") return "Timestamps (seconds)";
  if (mode === "blocknumber") {
    const from = params.get("from");
    if (from === null || from === "default") return "Block numbers (this chain’s blocks)";
    return `Block numbers of ${from}`;
  }
  return `Unknown clock (“${clockMode.slice(0, 80)}”)`;
}

const quorumParts: Record<string, string> = { for: "For", against: "Against", abstain: "Abstain" };

/**
 * What can be voted and what counts toward quorum.
 *
 * @example
 * describeCountingMode("support=bravo&quorum=for,abstain")
 * // { support: "For, Against or Abstain", quorum: "For and Abstain votes count toward quorum", fractional: false }
 */
export function describeCountingMode(countingMode: string): { support: string; quorum: string; fractional: boolean } {
  const params = new URLSearchParams(countingMode);
  const supportMode = params.get("support");
  const supportKinds = (supportMode ?? "").split(",").map((kind) => kind.trim());
  const support = supportKinds.includes("bravo")
    ? "For, Against or Abstain"
    : supportKinds.includes("alpha")
      ? "For or Against"
      : supportMode
        ? `Custom (“${supportMode.slice(0, 40)}”)`
        : "Not stated by the governor";
  const quorumMode = params.get("quorum");
  let quorum = "Not stated by the governor";
  if (quorumMode === "bravo") quorum = "For votes count toward quorum";
  else if (quorumMode) {
    const sides = quorumMode.split(",").map((side) => quorumParts[side.trim()] ?? null);
    quorum = sides.every((side) => side !== null)
      ? `${sides.join(" and ")} votes count toward quorum`
      : `Custom (“${quorumMode.slice(0, 40)}”)`;
  }
  const fractional =
    supportKinds.includes("fractional") || (params.get("params") ?? "").split(",").includes("fractional");
  return { support, quorum, fractional };
}

/**
 * Whether votes may be Abstain under a counting mode: not on GovernorAlpha (`support=alpha`), which
 * counts For and Against only; otherwise yes (Bravo's and OpenZeppelin's counting, and unknown modes,
 * whose tallies still have an Abstain column).
 *
 * @example countsAbstain("support=alpha&quorum=bravo") // false
 */
export function countsAbstain(countingMode: string | null | undefined): boolean {
  const support = new URLSearchParams(countingMode ?? "").get("support") ?? "";
  return !support.split(",").some((kind) => kind.trim() === "alpha");
}
