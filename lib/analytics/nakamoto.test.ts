import { describe, expect, it } from "vitest";
import { majorityNakamoto, nakamoto } from "./nakamoto";

describe("nakamoto", () => {
  it("counts the fewest largest delegates whose sum reaches the threshold", () => {
    expect(nakamoto([50n, 30n, 20n], 50n)).toBe(1);
    expect(nakamoto([40n, 30n, 20n, 10n], 60n)).toBe(2);
    expect(nakamoto([40n, 30n, 20n, 10n], 91n)).toBe(4);
  });

  it("with strict, needs to pass the threshold", () => {
    expect(nakamoto([50n, 30n, 20n], 50n, { strict: true })).toBe(2);
  });

  it("is undefined when the listed powers never reach it (only the top was given)", () => {
    expect(nakamoto([10n, 10n], 100n)).toBeUndefined();
    expect(nakamoto([], 1n)).toBeUndefined();
  });

  it("is 0 for a threshold of zero", () => {
    expect(nakamoto([10n], 0n)).toBe(0);
  });

  it("never counts delegates without power", () => {
    expect(nakamoto([0n, 0n], 0n, { strict: true })).toBeUndefined();
  });
});

describe("majorityNakamoto", () => {
  it("needs more than half of all voting power", () => {
    expect(majorityNakamoto([40n, 30n, 20n, 10n], 100n)).toBe(2);
    expect(majorityNakamoto([50n, 50n], 100n)).toBe(2);
    expect(majorityNakamoto([51n, 49n], 100n)).toBe(1);
  });

  it("is n/2 + 1 for n equal delegates", () => {
    expect(majorityNakamoto(Array(10).fill(1n), 10n)).toBe(6);
  });

  it("is undefined without voting power", () => {
    expect(majorityNakamoto([], 0n)).toBeUndefined();
  });
});
