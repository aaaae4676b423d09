/**
 * Sums and shares of the largest delegates' power, and whether they could pass a proposal alone.
 */

/**
 * Sum of the `k` largest powers (`powersDescending` sorted largest first).
 *
 * @example
 * topPower([5n, 3n, 1n], 2) // 8n
 */
export function topPower(powersDescending: readonly bigint[], k: number): bigint {
  let sum = 0n;
  for (const power of powersDescending.slice(0, Math.max(0, k))) sum += power;
  return sum;
}

/**
 * Whether the `k` largest delegates voting For, and nobody else voting, reach the quorum: a
 * proposal they want passes without anyone else (votes For count towards quorum in every
 * flavour; Against would be zero). Undefined when the quorum is unknown or zero.
 *
 * @example
 * canPassAlone([60n, 30n], 1, 50n) // true
 * canPassAlone([40n, 30n], 1, 50n) // false
 */
export function canPassAlone(
  powersDescending: readonly bigint[],
  k: number,
  quorum: bigint | undefined,
): boolean | undefined {
  if (quorum === undefined || quorum <= 0n) return undefined;
  return topPower(powersDescending, k) >= quorum;
}

/**
 * `part / whole` as a number in [0, 1] (six decimals), computed in bigint; undefined for no whole.
 *
 * @example
 * shareOf(1n, 4n) // 0.25
 */
export function shareOf(part: bigint, whole: bigint): number | undefined {
  if (whole <= 0n) return undefined;
  return Number((part * 1_000_000n) / whole) / 1_000_000;
}
