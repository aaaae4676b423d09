import { describe, expect, it } from "vitest";
import { type Fate, fullSizes, planProposals, sizesFromEnv, spread, topDelegates } from "./plan";

describe("sizesFromEnv", () => {
  it("takes the issue's figures by default, a factor, or one figure", () => {
    expect(sizesFromEnv({})).toEqual(fullSizes);
    expect(sizesFromEnv({ SCALE: "0.1" }).holders).toBe(5_000);
    expect(sizesFromEnv({ SCALE_VOTES: "1234" }).votes).toBe(1_234);
  });

  it("names the variable that is wrong", () => {
    expect(() => sizesFromEnv({ SCALE_HOLDERS: "many" })).toThrow(/SCALE_HOLDERS/);
    expect(() => sizesFromEnv({ SCALE: "-1" })).toThrow(/SCALE must be/);
    expect(() => sizesFromEnv({ SCALE_HOLDERS: "100" })).toThrow(/SCALE_HOLDERS must be at least/);
  });
});

describe("planProposals", () => {
  const plan = planProposals(fullSizes);

  it("plans every proposal, every state, and the issue's number of votes", () => {
    expect(plan).toHaveLength(fullSizes.proposals);
    const fates = new Set<Fate>(plan.map((proposal) => proposal.fate));
    expect([...fates].sort()).toEqual(["active", "canceled", "defeated", "executed", "pending", "queued", "succeeded"]);
    const votes = plan.reduce((sum, proposal) => sum + proposal.votes, 0);
    expect(votes).toBe(fullSizes.votes);
    expect(plan.filter((proposal) => proposal.votes === fullSizes.largestProposalVotes)).toHaveLength(1);
  });

  it("gives canceled and pending proposals no votes, the others at least the top delegates'", () => {
    for (const proposal of plan) {
      if (proposal.fate === "canceled" || proposal.fate === "pending") expect(proposal.votes).toBe(0);
      else expect(proposal.votes).toBeGreaterThanOrEqual(topDelegates);
    }
  });

  it("keeps active and pending proposals for the last round", () => {
    const last = Math.max(...plan.map((proposal) => proposal.round));
    for (const proposal of plan) {
      expect(proposal.fate === "active" || proposal.fate === "pending").toBe(proposal.round === last);
    }
  });
});

describe("spread", () => {
  it("splits evenly, the remainder first", () => {
    expect(spread(10, 4)).toEqual([3, 3, 2, 2]);
    expect(spread(0, 2)).toEqual([0, 0]);
  });
});
