import { describe, expect, it } from "vitest";
import { fractionalParams } from "../governor/families/fractional";
import { addVoteParts, decodeSplitParams, noVotes, splitStrings, votePartsOf } from "./voteParts";

describe("decodeSplitParams", () => {
  it("reads the three packed uint128s", () => {
    expect(decodeSplitParams(fractionalParams({ againstVotes: 1n, forVotes: 2n, abstainVotes: 3n }))).toEqual({
      againstVotes: 1n,
      forVotes: 2n,
      abstainVotes: 3n,
    });
    const max = (1n << 128n) - 1n;
    expect(decodeSplitParams(fractionalParams({ againstVotes: max, forVotes: 0n, abstainVotes: max }))).toEqual({
      againstVotes: max,
      forVotes: 0n,
      abstainVotes: max,
    });
  });

  it("reads upper-case hex", () => {
    const upper = `0x${fractionalParams({ againstVotes: 1n, forVotes: 2n, abstainVotes: 3n }).slice(2).toUpperCase()}`;
    expect(decodeSplitParams(upper)).toEqual({ againstVotes: 1n, forVotes: 2n, abstainVotes: 3n });
  });

  it("answers null for anything else", () => {
    expect(decodeSplitParams("0x")).toBeNull();
    expect(decodeSplitParams("0x01")).toBeNull();
    expect(decodeSplitParams(`0x${"00".repeat(47)}`)).toBeNull();
    expect(decodeSplitParams(`0x${"00".repeat(49)}`)).toBeNull();
    expect(decodeSplitParams(`0x${"zz".repeat(48)}`)).toBeNull();
    expect(decodeSplitParams(`${"00".repeat(49)}`)).toBeNull();
  });
});

describe("addVoteParts", () => {
  it("adds side by side", () => {
    const a = { againstVotes: 1n, forVotes: 2n, abstainVotes: 3n };
    expect(addVoteParts(a, { ...noVotes, forVotes: 5n })).toEqual({ againstVotes: 1n, forVotes: 7n, abstainVotes: 3n });
  });
});

describe("splitStrings and votePartsOf", () => {
  it("round-trip a split through its JSON strings", () => {
    const parts = { againstVotes: 300n, forVotes: 600n, abstainVotes: 100n };
    const split = splitStrings(parts);
    expect(split).toEqual({ againstVotes: "300", forVotes: "600", abstainVotes: "100" });
    expect(votePartsOf({ support: 255, weight: "1000", split })).toEqual(parts);
  });

  it("puts a nominal vote's whole weight on its side", () => {
    expect(votePartsOf({ support: 2, weight: "7", split: null })).toEqual({ ...noVotes, abstainVotes: 7n });
  });
});
