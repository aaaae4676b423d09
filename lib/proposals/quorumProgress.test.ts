import { describe, expect, it } from "vitest";
import { quorumProgress } from "./quorumProgress";

const votes = { forVotes: 30n, againstVotes: 50n, abstainVotes: 10n };

describe("quorumProgress", () => {
  it("counts For and Abstain under OpenZeppelin's simple counting", () => {
    expect(quorumProgress(votes, 100n, "support=bravo&quorum=for,abstain")).toEqual({
      counted: 40n,
      quorum: 100n,
      percent: 40,
      reached: false,
    });
    expect(quorumProgress(votes, 40n, "support=bravo,fractional&quorum=for,abstain&params=fractional").reached).toBe(
      true,
    );
  });

  it("counts For only for Bravo and governors without a counting mode", () => {
    expect(quorumProgress(votes, 100n, "support=bravo&quorum=bravo").counted).toBe(30n);
    expect(quorumProgress(votes, 100n, null).counted).toBe(30n);
  });

  it("caps the bar at 100% and keeps two decimals", () => {
    expect(quorumProgress(votes, 3n, null)).toMatchObject({ percent: 100, reached: true });
    expect(quorumProgress({ ...votes, forVotes: 1n }, 3n, null).percent).toBe(33.33);
    expect(quorumProgress(votes, 0n, null)).toMatchObject({ percent: 100, reached: true });
  });
});
