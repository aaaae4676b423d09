/**
 * Reads an amount typed in a token's own units ("1,250.5" mUSDC, "0.25" ETH) as its exact raw
 * value (`1250500000n` for 6 decimals). No floating point anywhere: "0.1" ETH is exactly
 * 100000000000000000 wei. Thousands separators (",") are accepted, more decimal places than the
 * token has are refused rather than rounded.
 */
import { parseUnits } from "viem";
import type { ParseResult } from "./parseArgument";

const amountPattern = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;

export type ParseAmountOptions = {
  decimals: number;
  /** The unit's name in messages: "ETH", "mUSDC". */
  symbol: string;
  /** An empty input means 0 (an optional ETH value sent with a call). */
  optional?: boolean;
  /** Refuse 0 (a transfer of nothing). */
  positive?: boolean;
};

/**
 * @example
 * parseAmount("1,250.5", "Action 1 · amount (mUSDC)", { decimals: 6, symbol: "mUSDC" }) // { ok: true, value: 1250500000n }
 * parseAmount("0.0000001", "Action 1 · amount (mUSDC)", { decimals: 6, symbol: "mUSDC" })
 * // { ok: false, error: "Action 1 · amount (mUSDC): has more than 6 decimal places (mUSDC has 6)" }
 */
export function parseAmount(input: string, field: string, options: ParseAmountOptions): ParseResult<bigint> {
  const { decimals, symbol } = options;
  const fail = (problem: string): ParseResult<bigint> => ({ ok: false, error: `${field}: ${problem}` });
  const text = input.trim();
  if (text === "") return options.optional ? { ok: true, value: 0n } : fail("is required");
  if (text.startsWith("-")) return fail("must not be negative");
  if (!amountPattern.test(text)) return fail(`must be a number of ${symbol}, like 12.5 or 1,000`);
  const plain = text.replaceAll(",", "");
  const fraction = plain.split(".")[1] ?? "";
  if (fraction.replace(/0+$/, "").length > decimals) {
    return fail(
      decimals === 0
        ? `must be a whole number (${symbol} has no decimal places)`
        : `has more than ${decimals} decimal places (${symbol} has ${decimals})`,
    );
  }
  const trimmedFraction = fraction.slice(0, Math.max(decimals, 0)).replace(/0+$/, "");
  const value = parseUnits(`${plain.split(".")[0] || "0"}${trimmedFraction ? `.${trimmedFraction}` : ""}`, decimals);
  if (options.positive && value === 0n) return fail("must be more than 0");
  if (value >= 2n ** 256n) return fail("is too large");
  return { ok: true, value };
}
