/**
 * The concentration figures of one distribution of delegates' voting power (now, or at a
 * proposal's snapshot), reduced to what a page needs: the indexer keeps only the top of the
 * distribution, so quorum-based figures are computed later from `topPowers`.
 */
import { gini } from "./gini";
import { majorityNakamoto } from "./nakamoto";
import { topPower } from "./topShare";

/** How many of the largest powers a figure keeps (Nakamoto against a quorum beyond that says "more than"). */
export const keptTopPowers = 100;

export type Concentration = {
  /** Delegates with voting power above zero. */
  delegates: number;
  totalVotingPower: bigint;
  gini: number;
  /** Power of the 10 largest delegates. */
  top10Power: bigint;
  /** Fewest delegates with more than half of all voting power; undefined without power. */
  majorityNakamoto: number | undefined;
  /** The largest powers, largest first (at most keptTopPowers). */
  topPowers: bigint[];
};

/**
 * @example
 * concentration([5n, 0n, 15n]) // { delegates: 2, totalVotingPower: 20n, gini: 0.25, top10Power: 20n, majorityNakamoto: 1, topPowers: [15n, 5n] }
 */
export function concentration(powers: Iterable<bigint>): Concentration {
  const positive: bigint[] = [];
  let total = 0n;
  for (const power of powers) {
    if (power <= 0n) continue;
    positive.push(power);
    total += power;
  }
  positive.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  return {
    delegates: positive.length,
    totalVotingPower: total,
    gini: gini(positive),
    top10Power: topPower(positive, 10),
    majorityNakamoto: majorityNakamoto(positive, total),
    topPowers: positive.slice(0, keptTopPowers),
  };
}
