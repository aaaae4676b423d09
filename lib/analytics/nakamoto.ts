/**
 * The Nakamoto coefficient of a DAO: the fewest delegates whose voting power together reaches a
 * threshold (the quorum, or more than half of all voting power). A small number means a few
 * delegates can decide alone.
 */

/**
 * How many of the largest powers it takes for their sum to reach `threshold` (`strict`: to pass
 * it). `powersDescending` must be sorted largest first; it may be only the top of the
 * distribution, in which case `undefined` means "more than `powersDescending.length`". A threshold
 * of zero or less is reached by nobody at all (0).
 *
 * @example
 * nakamoto([50n, 30n, 20n], 50n) // 1 (the largest delegate reaches a quorum of 50)
 * nakamoto([50n, 30n, 20n], 50n, { strict: true }) // 2 (passing half of 100 takes two)
 * nakamoto([10n, 10n], 100n) // undefined (the listed delegates never reach it)
 */
export function nakamoto(
  powersDescending: readonly bigint[],
  threshold: bigint,
  options: { strict?: boolean } = {},
): number | undefined {
  const reached = (sum: bigint) => (options.strict ? sum > threshold : sum >= threshold);
  if (threshold <= 0n && !options.strict) return 0;
  let sum = 0n;
  for (const [index, power] of powersDescending.entries()) {
    sum += power;
    if (power > 0n && reached(sum)) return index + 1;
  }
  return undefined;
}

/**
 * The fewest delegates holding more than half of `totalPower` (a majority of all voting power:
 * they win any vote everyone takes part in).
 *
 * @example
 * majorityNakamoto([40n, 30n, 20n, 10n], 100n) // 2
 */
export function majorityNakamoto(powersDescending: readonly bigint[], totalPower: bigint): number | undefined {
  if (totalPower <= 0n) return undefined;
  return nakamoto(powersDescending, totalPower / 2n, { strict: true });
}
