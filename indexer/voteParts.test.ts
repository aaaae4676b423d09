import { encodePacked, maxUint128 } from "viem";
import { describe, expect, it } from "vitest";
import { splitSupport } from "../lib/proposals/splitVote";
import { addParts, countVote, decodeFractionalParams, noVotes } from "./voteParts";

const packed = (against: bigint, forVotes: bigint, abstain: bigint) =>
  encodePacked(["uint128", "uint128", "uint128"], [against, forVotes, abstain]);

describe("decodeFractionalParams", () => {
  it("reads three packed uint128s as against, for, abstain", () => {
    expect(decodeFractionalParams(packed(10n, 200n, 50n))).toEqual({
      againstVotes: 10n,
      forVotes: 200n,
      abstainVotes: 50n,
    });
    expect(decodeFractionalParams(packed(0n, maxUint128, 1n))).toEqual({
      againstVotes: 0n,
      forVotes: maxUint128,
      abstainVotes: 1n,
    });
    expect(decodeFractionalParams(packed(1n, 2n, 3n).toUpperCase().replace("0X", "0x") as `0x${string}`)).toEqual({
      againstVotes: 1n,
      forVotes: 2n,
      abstainVotes: 3n,
    });
  });

  it("refuses anything but 48 bytes of hex", () => {
    expect(decodeFractionalParams("0x")).toBeNull();
    expect(decodeFractionalParams(`${packed(1n, 2n, 3n)}00`)).toBeNull();
    expect(decodeFractionalParams(packed(1n, 2n, 3n).slice(0, -2) as `0x${string}`)).toBeNull();
    expect(decodeFractionalParams(`0x${"zz".repeat(48)}`)).toBeNull();
  });
});

describe("countVote", () => {
  it("puts a nominal vote's whole weight in its column, whatever the params", () => {
    expect(countVote(0, 7n, "0x")).toEqual({
      parts: { ...noVotes, againstVotes: 7n },
      fractional: false,
      malformed: false,
    });
    expect(countVote(1, 7n, "0x")).toEqual({
      parts: { ...noVotes, forVotes: 7n },
      fractional: false,
      malformed: false,
    });
    expect(countVote(2, 7n, "0x1234")).toEqual({
      parts: { ...noVotes, abstainVotes: 7n },
      fractional: false,
      malformed: false,
    });
  });

  it("splits a fractional vote by its params, not its weight", () => {
    expect(countVote(splitSupport, 260n, packed(10n, 200n, 50n))).toEqual({
      parts: { againstVotes: 10n, forVotes: 200n, abstainVotes: 50n },
      fractional: true,
      malformed: false,
    });
  });

  it("records malformed fractional params as a split tallied nowhere", () => {
    expect(countVote(splitSupport, 5n, "0x")).toEqual({ parts: noVotes, fractional: true, malformed: true });
    expect(countVote(splitSupport, 5n, "0x0102")).toEqual({ parts: noVotes, fractional: true, malformed: true });
  });

  it("tallies another counting module's vote type nowhere", () => {
    expect(countVote(3, 5n, "0x")).toEqual({ parts: noVotes, fractional: false, malformed: false });
  });
});

describe("addParts", () => {
  it("adds column by column (running totals of a voter's partial votes)", () => {
    const first = countVote(splitSupport, 260n, packed(10n, 200n, 50n)).parts;
    const rest = countVote(1, 40n, "0x").parts;
    expect(addParts(first, rest)).toEqual({ againstVotes: 10n, forVotes: 240n, abstainVotes: 50n });
  });
});
