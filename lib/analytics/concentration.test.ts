import { describe, expect, it } from "vitest";
import { concentration, keptTopPowers } from "./concentration";

describe("concentration", () => {
  it("leaves out delegates without power and sorts the rest largest first", () => {
    expect(concentration([5n, 0n, 15n])).toEqual({
      delegates: 2,
      totalVotingPower: 20n,
      gini: 0.25,
      top10Power: 20n,
      majorityNakamoto: 1,
      topPowers: [15n, 5n],
    });
  });

  it("keeps only the top of a large distribution", () => {
    const powers = Array.from({ length: 1000 }, (_, i) => BigInt(i + 1));
    const figures = concentration(powers);
    expect(figures.delegates).toBe(1000);
    expect(figures.topPowers).toHaveLength(keptTopPowers);
    expect(figures.topPowers[0]).toBe(1000n);
    expect(figures.top10Power).toBe(9955n);
    // 1..1000 sums to 500500. The k largest sum to 1000k − k(k−1)/2: 250222 for k = 293, 250929
    // for k = 294, so passing half (250250) takes 294.
    expect(figures.majorityNakamoto).toBe(294);
  });

  it("of nothing is empty", () => {
    expect(concentration([])).toEqual({
      delegates: 0,
      totalVotingPower: 0n,
      gini: 0,
      top10Power: 0n,
      majorityNakamoto: undefined,
      topPowers: [],
    });
  });
});
