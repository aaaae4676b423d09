import { describe, expect, it } from "vitest";
import { canPassAlone, shareOf, topPower } from "./topShare";

describe("topPower", () => {
  it("sums the k largest, or all when fewer", () => {
    expect(topPower([5n, 3n, 1n], 2)).toBe(8n);
    expect(topPower([5n, 3n, 1n], 10)).toBe(9n);
    expect(topPower([5n], 0)).toBe(0n);
  });
});

describe("canPassAlone", () => {
  it("compares the top k with the quorum", () => {
    expect(canPassAlone([60n, 30n], 1, 50n)).toBe(true);
    expect(canPassAlone([40n, 30n], 1, 50n)).toBe(false);
    expect(canPassAlone([40n, 10n], 2, 50n)).toBe(true);
  });

  it("is undefined when the quorum is unknown or zero", () => {
    expect(canPassAlone([40n], 1, undefined)).toBeUndefined();
    expect(canPassAlone([40n], 1, 0n)).toBeUndefined();
  });
});

describe("shareOf", () => {
  it("divides in bigint", () => {
    expect(shareOf(1n, 4n)).toBe(0.25);
    expect(shareOf(10n ** 24n, 3n * 10n ** 24n)).toBe(0.333333);
    expect(shareOf(1n, 0n)).toBeUndefined();
  });
});
