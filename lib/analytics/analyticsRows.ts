/**
 * The rows of the analytics tables (participation and concentration per proposal, oldest first),
 * from the indexer's answer and the quorums read from the chain. The page, its charts and the CSV
 * downloads all use these, so what is drawn, listed and exported is the same.
 */
import type { IndexedAnalyticsProposal, IndexedConcentration } from "../indexer/types";
import { nakamoto } from "./nakamoto";
import { shareOf } from "./topShare";
import { turnout } from "./turnout";

export type ParticipationRow = {
  id: string;
  title: string;
  createdTimestamp: number;
  snapshot: string;
  cast: bigint;
  /** Sum of all delegates' voting power at the snapshot (undefined until the index passed it). */
  votingPower: bigint | undefined;
  supply: bigint | undefined;
  ofVotingPower: number | undefined;
  ofSupply: number | undefined;
  voters: number;
};

export type ConcentrationRow = {
  id: string;
  title: string;
  createdTimestamp: number;
  snapshot: string;
  delegates: number | undefined;
  gini: number | undefined;
  top10Share: number | undefined;
  quorum: bigint | undefined;
  /** Fewest delegates reaching the quorum alone; "more" when over the 100 largest the index keeps. */
  quorumNakamoto: number | "more" | undefined;
  majorityNakamoto: number | undefined;
};

const big = (value: string | null | undefined) => (value === null || value === undefined ? undefined : BigInt(value));

/** @example participationRows(analytics.proposals.items) */
export function participationRows(proposals: readonly IndexedAnalyticsProposal[]): ParticipationRow[] {
  return [...proposals].reverse().map((proposal) => {
    const votingPower = big(proposal.snapshot?.totalVotingPower);
    const supply = big(proposal.snapshot?.totalSupply);
    const figures = turnout(
      {
        forVotes: BigInt(proposal.forVotes),
        againstVotes: BigInt(proposal.againstVotes),
        abstainVotes: BigInt(proposal.abstainVotes),
      },
      votingPower,
      supply,
    );
    return {
      id: proposal.id,
      title: proposal.title,
      createdTimestamp: proposal.createdTimestamp,
      snapshot: proposal.voteStart,
      cast: figures.cast,
      votingPower,
      supply,
      ofVotingPower: figures.ofVotingPower,
      ofSupply: figures.ofSupply,
      voters: proposal.voteCount,
    };
  });
}

/**
 * Nakamoto against a quorum from the kept top powers: "more" when even all of them fall short.
 *
 * @example quorumNakamoto({ topPowers: ["60", "40"] }, 50n) // 1
 */
export function quorumNakamoto(
  figures: Pick<IndexedConcentration, "topPowers" | "totalVotingPower">,
  quorum: bigint | undefined,
): number | "more" | undefined {
  if (quorum === undefined || quorum <= 0n) return undefined;
  if (BigInt(figures.totalVotingPower) < quorum) return undefined;
  return nakamoto(figures.topPowers.map(BigInt), quorum) ?? "more";
}

/** @example concentrationRows(analytics.proposals.items, quorums) */
export function concentrationRows(
  proposals: readonly IndexedAnalyticsProposal[],
  quorums: ReadonlyMap<bigint, bigint | undefined>,
): ConcentrationRow[] {
  return [...proposals].reverse().map((proposal) => {
    const figures = proposal.snapshot;
    const quorum = quorums.get(BigInt(proposal.voteStart));
    return {
      id: proposal.id,
      title: proposal.title,
      createdTimestamp: proposal.createdTimestamp,
      snapshot: proposal.voteStart,
      delegates: figures?.delegates,
      gini: figures?.gini,
      top10Share: figures ? shareOf(BigInt(figures.top10Power), BigInt(figures.totalVotingPower)) : undefined,
      quorum,
      quorumNakamoto: figures ? quorumNakamoto(figures, quorum) : undefined,
      majorityNakamoto: figures?.majorityNakamoto ?? undefined,
    };
  });
}
