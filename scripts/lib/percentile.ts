/**
 * Percentiles of measured times, the nearest-rank way: the p-th percentile is the smallest value
 * with at least p% of the values at or below it (so p95 of 20 samples is the 19th smallest).
 */

/**
 * @example
 * percentile([5, 1, 3, 2, 4], 50) // 3
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/**
 * p50 and p95, rounded to 0.1 ms.
 *
 * @example
 * summarize([10, 12, 11]) // { p50: 11, p95: 12 }
 */
export function summarize(values: readonly number[]): { p50: number; p95: number } {
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)) };
}
