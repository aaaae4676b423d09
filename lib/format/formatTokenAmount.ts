/**
 * Formats a token amount held as a bigint in base units (wei) for a person: thousand separators,
 * a trimmed fraction and an optional compact form (1.2K, 3.45M). Pure bigint arithmetic, so
 * amounts above 2^53 keep every digit. Fractions are truncated, never rounded up, so a balance or
 * a voting power is never shown larger than it is.
 */

export type FormatTokenAmountOptions = {
  /** Most fraction digits to show (trailing zeros are trimmed). Default 4, or 2 when compact. */
  maxFractionDigits?: number;
  /** Abbreviate amounts of 1,000 and more with K, M, B or T. */
  compact?: boolean;
};

const compactUnits = [
  { exponent: 12, suffix: "T" },
  { exponent: 9, suffix: "B" },
  { exponent: 6, suffix: "M" },
  { exponent: 3, suffix: "K" },
] as const;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatFixed(value: bigint, decimals: number, maxFractionDigits: number): string {
  const scale = 10n ** BigInt(decimals);
  const integer = groupThousands((value / scale).toString());
  if (decimals === 0 || maxFractionDigits === 0) return integer;
  const fraction = (value % scale).toString().padStart(decimals, "0").slice(0, maxFractionDigits).replace(/0+$/, "");
  return fraction ? `${integer}.${fraction}` : integer;
}

/**
 * @example
 * formatTokenAmount(1234500000000000000000n, 18) // "1,234.5"
 * formatTokenAmount(2_500_000n * 10n ** 18n, 18, { compact: true }) // "2.5M"
 * formatTokenAmount(1n, 18) // "<0.0001"
 */
export function formatTokenAmount(value: bigint, decimals: number, opts: FormatTokenAmountOptions = {}): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) {
    throw new RangeError(`formatTokenAmount: decimals must be an integer from 0 to 255, got ${decimals}`);
  }
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const maxFractionDigits = Math.max(0, Math.floor(opts.maxFractionDigits ?? (opts.compact ? 2 : 4)));

  if (opts.compact) {
    for (const { exponent, suffix } of compactUnits) {
      if (abs >= 10n ** BigInt(decimals + exponent)) {
        return `${sign}${formatFixed(abs, decimals + exponent, maxFractionDigits)}${suffix}`;
      }
    }
  }

  const text = formatFixed(abs, decimals, maxFractionDigits);
  if (abs > 0n && /^[0.]+$/.test(text)) {
    // Non-zero but below the smallest digit shown: say so rather than print a misleading "0".
    const smallest = maxFractionDigits > 0 && decimals > 0 ? `0.${"0".repeat(maxFractionDigits - 1)}1` : "1";
    return `${sign}<${smallest}`;
  }
  return `${sign}${text}`;
}
