import { describe, expect, it } from "vitest";
import { parseAmount } from "./parseAmount";

const usdc = { decimals: 6, symbol: "mUSDC" };
const field = "Action 1 · amount (mUSDC)";

describe("parseAmount", () => {
  it("reads human amounts exactly", () => {
    expect(parseAmount("1,250.5", field, usdc)).toEqual({ ok: true, value: 1_250_500_000n });
    expect(parseAmount(" 0.000001 ", field, usdc)).toEqual({ ok: true, value: 1n });
    expect(parseAmount(".5", field, usdc)).toEqual({ ok: true, value: 500_000n });
    expect(parseAmount("1.500000000", field, usdc)).toEqual({ ok: true, value: 1_500_000n });
    expect(parseAmount("0.1", field, { decimals: 18, symbol: "ETH" })).toEqual({ ok: true, value: 10n ** 17n });
    expect(parseAmount("", field, { ...usdc, optional: true })).toEqual({ ok: true, value: 0n });
  });

  it("refuses what it cannot read exactly", () => {
    const error = (input: string, options = usdc) => {
      const result = parseAmount(input, field, options);
      return result.ok ? undefined : result.error;
    };
    expect(error("")).toBe("Action 1 · amount (mUSDC): is required");
    expect(error("-1")).toBe("Action 1 · amount (mUSDC): must not be negative");
    expect(error("1e6")).toBe("Action 1 · amount (mUSDC): must be a number of mUSDC, like 12.5 or 1,000");
    expect(error("1,00")).toMatch(/must be a number of mUSDC/);
    expect(error("0.0000001")).toBe("Action 1 · amount (mUSDC): has more than 6 decimal places (mUSDC has 6)");
    expect(error("1.5", { decimals: 0, symbol: "NFT" })).toBe(
      "Action 1 · amount (mUSDC): must be a whole number (NFT has no decimal places)",
    );
    expect(error("0", { ...usdc, positive: true } as typeof usdc)).toBe(
      "Action 1 · amount (mUSDC): must be more than 0",
    );
  });
});
