import { describe, expect, it } from "vitest";
import { countsAbstain, describeClockMode, describeCountingMode } from "./describeGovernorModes";

describe("describeClockMode", () => {
  it("reads ERC-6372 clock modes", () => {
    expect(describeClockMode("mode=blocknumber&from=default")).toBe("Block numbers (this chain’s blocks)");
    expect(describeClockMode("mode=blocknumber&from=eip155:1")).toBe("Block numbers of eip155:1");
    expect(describeClockMode("mode=timestamp")).toBe("Timestamps (seconds)");
    expect(describeClockMode("mode=weird")).toBe("Unknown clock (“mode=weird”)");
  });
});

describe("describeCountingMode", () => {
  it("reads OpenZeppelin and Bravo counting modes", () => {
    expect(describeCountingMode("support=bravo&quorum=for,abstain")).toEqual({
      support: "For, Against or Abstain",
      quorum: "For and Abstain votes count toward quorum",
      fractional: false,
    });
    expect(describeCountingMode("support=bravo&quorum=bravo")).toEqual({
      support: "For, Against or Abstain",
      quorum: "For votes count toward quorum",
      fractional: false,
    });
    expect(describeCountingMode("support=bravo,fractional&quorum=for,abstain&params=fractional")).toEqual({
      support: "For, Against or Abstain",
      quorum: "For and Abstain votes count toward quorum",
      fractional: true,
    });
  });

  it("reads GovernorAlpha's counting (stated by the detector, the contract has none)", () => {
    expect(describeCountingMode("support=alpha&quorum=bravo")).toEqual({
      support: "For or Against",
      quorum: "For votes count toward quorum",
      fractional: false,
    });
  });

  it("knows GovernorAlpha has no Abstain", () => {
    expect(countsAbstain("support=alpha&quorum=bravo")).toBe(false);
    expect(countsAbstain("support=bravo&quorum=bravo")).toBe(true);
    expect(countsAbstain("support=bravo,fractional&quorum=for,abstain&params=fractional")).toBe(true);
    expect(countsAbstain(null)).toBe(true);
  });

  it("does not guess at unknown modes", () => {
    expect(describeCountingMode("support=approval&quorum=majority")).toEqual({
      support: "Custom (“approval”)",
      quorum: "Custom (“majority”)",
      fractional: false,
    });
    expect(describeCountingMode("")).toEqual({
      support: "Not stated by the governor",
      quorum: "Not stated by the governor",
      fractional: false,
    });
  });
});
