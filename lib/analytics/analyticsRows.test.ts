import { describe, expect, it } from "vitest";
import type { IndexedAnalyticsProposal } from "../indexer/types";
import { concentrationRows, participationRows, quorumNakamoto } from "./analyticsRows";

const proposal = (id: string, voteStart: string, snapshot: IndexedAnalyticsProposal["snapshot"]) =>
  ({
    id,
    title: `P${id}`,
    status: "executed",
    voteStart,
    voteEnd: "999",
    createdBlock: voteStart,
    createdTimestamp: Number(voteStart),
    forVotes: "30",
    againstVotes: "10",
    abstainVotes: "0",
    voteCount: 3,
    snapshot,
  }) satisfies IndexedAnalyticsProposal;

const figures = {
  delegates: 3,
  totalVotingPower: "80",
  totalSupply: "200",
  gini: 0.25,
  top10Power: "80",
  majorityNakamoto: 2,
  topPowers: ["40", "30", "10"],
};

describe("participationRows", () => {
  it("lists oldest first with turnout against voting power and supply at the snapshot", () => {
    const rows = participationRows([proposal("2", "20", null), proposal("1", "10", figures)]);
    expect(rows.map((row) => row.id)).toEqual(["1", "2"]);
    expect(rows[0]).toMatchObject({ cast: 40n, ofVotingPower: 0.5, ofSupply: 0.2, voters: 3 });
    expect(rows[1]).toMatchObject({ cast: 40n, ofVotingPower: undefined, ofSupply: undefined });
  });
});

describe("concentrationRows", () => {
  it("computes Nakamoto against the quorum at each snapshot", () => {
    const [row] = concentrationRows([proposal("1", "10", figures)], new Map([[10n, 50n]]));
    expect(row).toMatchObject({ delegates: 3, gini: 0.25, top10Share: 1, quorumNakamoto: 2, majorityNakamoto: 2 });
  });
});

describe("quorumNakamoto", () => {
  it("says 'more' when the kept top powers fall short, undefined when nobody can reach it", () => {
    expect(quorumNakamoto({ topPowers: ["60", "40"], totalVotingPower: "100" }, 50n)).toBe(1);
    expect(quorumNakamoto({ topPowers: ["10"], totalVotingPower: "100" }, 50n)).toBe("more");
    expect(quorumNakamoto({ topPowers: ["10"], totalVotingPower: "10" }, 50n)).toBeUndefined();
    expect(quorumNakamoto({ topPowers: ["10"], totalVotingPower: "10" }, undefined)).toBeUndefined();
  });
});
