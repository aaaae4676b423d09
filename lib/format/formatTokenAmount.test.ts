import { describe, expect, it } from "vitest";
import { formatTokenAmount } from "./formatTokenAmount";

const e18 = 10n ** 18n;

describe("formatTokenAmount", () => {
  it("adds thousand separators and trims the fraction", () => {
    expect(formatTokenAmount(1234500000000000000000n, 18)).toBe("1,234.5");
    expect(formatTokenAmount(1_000_000n * e18, 18)).toBe("1,000,000");
    expect(formatTokenAmount(0n, 18)).toBe("0");
  });

  it("truncates rather than rounds, so an amount is never overstated", () => {
    expect(formatTokenAmount(999_999_999_999_999_999n, 18)).toBe("0.9999");
    expect(formatTokenAmount(1_234_567n, 6, { maxFractionDigits: 2 })).toBe("1.23");
  });

  it("shows tiny non-zero amounts as below the smallest digit", () => {
    expect(formatTokenAmount(1n, 18)).toBe("<0.0001");
    expect(formatTokenAmount(1n, 18, { maxFractionDigits: 0 })).toBe("<1");
    expect(formatTokenAmount(-1n, 18)).toBe("-<0.0001");
  });

  it("handles zero decimals (ERC721Votes) and USDC-style decimals", () => {
    expect(formatTokenAmount(12345n, 0)).toBe("12,345");
    expect(formatTokenAmount(1_500_000n, 6)).toBe("1.5");
  });

  it("prints whole numbers for an NFT (ERC721Votes, decimals 0): never a fraction", () => {
    expect(formatTokenAmount(3n, 0)).toBe("3");
    expect(formatTokenAmount(1n, 0)).toBe("1");
    expect(formatTokenAmount(0n, 0)).toBe("0");
    expect(formatTokenAmount(3n, 0, { maxFractionDigits: 18 })).toBe("3");
    expect(formatTokenAmount(3n, 0, { compact: true })).toBe("3");
    expect(formatTokenAmount(999n, 0, { compact: true })).toBe("999");
    expect(formatTokenAmount(1_000n, 0, { compact: true })).toBe("1K");
    expect(formatTokenAmount(1_234n, 0, { compact: true })).toBe("1.23K");
    expect(formatTokenAmount(-3n, 0)).toBe("-3");
    for (const value of [1n, 3n, 10n, 999n, 12_345n]) {
      expect(formatTokenAmount(value, 0)).not.toMatch(/\./);
      expect(formatTokenAmount(value, 0)).not.toMatch(/^</);
    }
  });

  it("keeps precision above 2^53", () => {
    expect(formatTokenAmount(123456789012345678901234567890n, 0)).toBe("123,456,789,012,345,678,901,234,567,890");
  });

  it("formats negative amounts", () => {
    expect(formatTokenAmount(-1500n * e18, 18)).toBe("-1,500");
  });

  it("abbreviates with compact", () => {
    expect(formatTokenAmount(999n * e18, 18, { compact: true })).toBe("999");
    expect(formatTokenAmount(1_234n * e18, 18, { compact: true })).toBe("1.23K");
    expect(formatTokenAmount(2_500_000n * e18, 18, { compact: true })).toBe("2.5M");
    expect(formatTokenAmount(7n * 10n ** 9n * e18, 18, { compact: true })).toBe("7B");
    expect(formatTokenAmount(1_234_000n * 10n ** 12n * e18, 18, { compact: true })).toBe("1,234,000T");
    expect(formatTokenAmount(1_999_999n * e18, 18, { compact: true, maxFractionDigits: 1 })).toBe("1.9M");
  });

  it("rejects impossible decimals", () => {
    expect(() => formatTokenAmount(1n, -1)).toThrow(RangeError);
    expect(() => formatTokenAmount(1n, 1.5)).toThrow(RangeError);
  });
});
