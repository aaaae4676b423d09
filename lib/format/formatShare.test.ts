import { describe, expect, it } from "vitest";
import { formatShare } from "./formatShare";

describe("formatShare", () => {
  it("truncates to two fraction digits and trims zeros", () => {
    expect(formatShare(1_093_100n, 10_000_000n)).toBe("10.93%");
    expect(formatShare(1n, 3n)).toBe("33.33%");
    expect(formatShare(2n, 3n)).toBe("66.66%");
    expect(formatShare(1n, 2n)).toBe("50%");
    expect(formatShare(10n, 10n)).toBe("100%");
    expect(formatShare(1n, 3n, 0)).toBe("33%");
    expect(formatShare(1n, 8n, 3)).toBe("12.5%");
  });

  it("keeps precision on 18-decimal amounts and beyond 100%", () => {
    const supply = 10_000_000n * 10n ** 18n;
    expect(formatShare(441_850n * 10n ** 18n, supply)).toBe("4.41%");
    expect(formatShare(supply * 30n, supply)).toBe("3,000%");
  });

  it("says so when a non-zero share is below the smallest digit, and refuses a zero whole", () => {
    expect(formatShare(1n, 10n ** 18n)).toBe("<0.01%");
    expect(formatShare(1n, 10n ** 18n, 0)).toBe("<1%");
    expect(formatShare(0n, 10n)).toBe("0%");
    expect(formatShare(1n, 0n)).toBe("—");
    expect(formatShare(-1n, 10n)).toBe("—");
  });
});
