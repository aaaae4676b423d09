import { describe, expect, it } from "vitest";
import { quorumCountsFor, voteResults } from "./voteResults";

const e18 = 10n ** 18n;

describe("voteResults", () => {
  it("counts For and Abstain toward quorum under OpenZeppelin simple counting", () => {
    const results = voteResults(
      { forVotes: 300_000n * e18, againstVotes: 50_000n * e18, abstainVotes: 100_000n * e18 },
      400_000n * e18,
      "support=bravo&quorum=for,abstain",
    );
    expect(results.total).toBe(450_000n * e18);
    expect(results.quorumVotes).toBe(400_000n * e18);
    expect(results.reached).toBe(true);
    expect(results.quorumProgress).toBe(10_000);
    expect(results.shares).toEqual({ for: 6666, against: 1111, abstain: 2222 });
  });

  it("counts For only when the mode says quorum=for (Bravo)", () => {
    const results = voteResults(
      { forVotes: 300n, againstVotes: 0n, abstainVotes: 200n },
      400n,
      "support=bravo&quorum=for",
    );
    expect(results.quorumVotes).toBe(300n);
    expect(results.reached).toBe(false);
    expect(results.quorumProgress).toBe(7500);
  });

  it("is not reached one vote short, and reached exactly at quorum", () => {
    const mode = "support=bravo&quorum=for,abstain";
    expect(voteResults({ forVotes: 399n, againstVotes: 0n, abstainVotes: 0n }, 400n, mode).reached).toBe(false);
    expect(voteResults({ forVotes: 399n, againstVotes: 0n, abstainVotes: 1n }, 400n, mode).reached).toBe(true);
  });

  it("handles no votes and an unknown quorum", () => {
    const results = voteResults({ forVotes: 0n, againstVotes: 0n, abstainVotes: 0n }, null, null);
    expect(results.shares).toEqual({ for: 0, against: 0, abstain: 0 });
    expect(results.reached).toBeNull();
    expect(results.quorumProgress).toBeNull();
  });
});

describe("quorumCountsFor", () => {
  it("reads the counting mode", () => {
    expect(quorumCountsFor("support=bravo&quorum=for,abstain")).toBe("for,abstain");
    expect(quorumCountsFor("support=bravo&quorum=bravo")).toBe("for");
    expect(quorumCountsFor(null)).toBe("for");
  });
});
