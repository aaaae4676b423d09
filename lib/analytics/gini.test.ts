import { describe, expect, it } from "vitest";
import { gini } from "./gini";

describe("gini", () => {
  it("is 0 when every delegate holds the same power", () => {
    expect(gini([5n, 5n, 5n, 5n])).toBe(0);
    expect(gini([10n ** 24n, 10n ** 24n])).toBe(0);
  });

  it("is (n − 1) / n when one holder of n has everything, approaching 1", () => {
    expect(gini([0n, 0n, 0n, 10n])).toBe(0.75);
    expect(gini([...Array(999).fill(0n), 10n ** 27n])).toBeCloseTo(0.999, 6);
  });

  it("matches hand-computed vectors, whatever the input order", () => {
    // ascending 1,1,1,97: (−3·1 −1·1 +1·1 +3·97) / (4·100) = 288/400
    expect(gini([97n, 1n, 1n, 1n])).toBe(0.72);
    // 1,2,3: (−2·1 + 0·2 + 2·3) / (3·6) = 4/18
    expect(gini([3n, 1n, 2n])).toBeCloseTo(0.222222, 6);
  });

  it("is 0 for an empty or all-zero population", () => {
    expect(gini([])).toBe(0);
    expect(gini([0n, 0n])).toBe(0);
  });

  it("keeps 18-decimal amounts exact beyond a float's range", () => {
    const unit = 10n ** 18n;
    expect(gini([1n * unit, 3n * unit])).toBe(0.25);
  });
});
