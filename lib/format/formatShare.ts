/**
 * Formats a part of a whole (voting power of total supply, a quorum fraction) as a percentage,
 * in bigint arithmetic, truncated (never rounded up) so a share is never shown larger than it is.
 */

/**
 * @example
 * formatShare(1_093_100n, 10_000_000n) // "10.93%"
 * formatShare(1n, 10_000_000n) // "<0.01%"
 * formatShare(0n, 10n) // "0%"
 * formatShare(5n, 0n) // "—" (no whole to share)
 */
export function formatShare(part: bigint, whole: bigint, fractionDigits = 2): string {
  if (whole <= 0n || part < 0n) return "—";
  const digits = Math.max(0, Math.min(18, Math.floor(fractionDigits)));
  const scale = 10n ** BigInt(digits);
  const scaled = (part * 100n * scale) / whole;
  if (scaled === 0n && part > 0n) return digits === 0 ? "<1%" : `<0.${"0".repeat(digits - 1)}1%`;
  const integer = (scaled / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits === 0 ? "" : (scaled % scale).toString().padStart(digits, "0").replace(/0+$/, "");
  return `${integer}${fraction ? `.${fraction}` : ""}%`;
}
