import { describe, expect, it } from "vitest";
import { turnout } from "./turnout";

describe("turnout", () => {
  it("is the weight cast over voting power and over supply at the snapshot", () => {
    expect(turnout({ forVotes: 30n, againstVotes: 10n, abstainVotes: 0n }, 80n, 200n)).toEqual({
      cast: 40n,
      ofVotingPower: 0.5,
      ofSupply: 0.2,
    });
  });

  it("counts abstentions as cast", () => {
    expect(turnout({ forVotes: 0n, againstVotes: 0n, abstainVotes: 25n }, 100n, 100n).ofVotingPower).toBe(0.25);
  });

  it("leaves shares it cannot know undefined", () => {
    expect(turnout({ forVotes: 1n, againstVotes: 0n, abstainVotes: 0n }, undefined, 0n)).toEqual({
      cast: 1n,
      ofVotingPower: undefined,
      ofSupply: undefined,
    });
  });
});
