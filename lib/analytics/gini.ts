/**
 * The Gini coefficient of delegates' voting power: 0 when every delegate holds the same power,
 * approaching 1 when one delegate holds it all. Computed in bigint arithmetic (18-decimal powers
 * overflow a float's exact range) and only turned into a number at the end.
 */

/**
 * Gini = Σᵢ (2i − n − 1)·xᵢ / (n · Σ xᵢ), with x sorted ascending and i from 1, over the population
 * given (the caller decides who counts: the analytics pass delegates with power above zero).
 * Negative values are treated as zero; an empty or all-zero population gives 0.
 *
 * @example
 * gini([5n, 5n, 5n]) // 0
 * gini([0n, 0n, 0n, 10n]) // 0.75 (one holder of four: (n − 1) / n, towards 1 as n grows)
 * gini([1n, 1n, 1n, 97n]) // 0.72
 */
export function gini(powers: readonly bigint[]): number {
  const sorted = powers.map((power) => (power > 0n ? power : 0n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = BigInt(sorted.length);
  if (n === 0n) return 0;
  let total = 0n;
  let weighted = 0n;
  sorted.forEach((power, index) => {
    total += power;
    weighted += (2n * BigInt(index + 1) - n - 1n) * power;
  });
  if (total === 0n) return 0;
  // Six decimals are plenty for a figure shown with two.
  return Number((weighted * 1_000_000n) / (n * total)) / 1_000_000;
}
