import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./percentile";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(twenty, 50)).toBe(10);
    expect(percentile(twenty, 95)).toBe(19);
    expect(percentile(twenty, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
  });

  it("refuses no values and percentiles out of range", () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 0)).toThrow(/in \(0, 100\]/);
  });

  it("summarizes p50 and p95", () => {
    expect(summarize([10, 12, 11.04])).toEqual({ p50: 11, p95: 12 });
  });
});
