/**
 * Turnout of a proposal: the voting power cast on it as a share of what could have been cast
 * (all voting power at its snapshot) and of the token's whole supply at the snapshot.
 */
import { shareOf } from "./topShare";

export type Turnout = {
  /** For + Against + Abstain weight cast. */
  cast: bigint;
  /** cast ÷ the sum of every delegate's voting power at the snapshot; undefined when unknown. */
  ofVotingPower: number | undefined;
  /** cast ÷ the token's total supply at the snapshot; undefined when unknown. */
  ofSupply: number | undefined;
};

/**
 * @example
 * turnout({ forVotes: 30n, againstVotes: 10n, abstainVotes: 0n }, 80n, 200n)
 * // { cast: 40n, ofVotingPower: 0.5, ofSupply: 0.2 }
 */
export function turnout(
  tally: { forVotes: bigint; againstVotes: bigint; abstainVotes: bigint },
  votingPowerAtSnapshot: bigint | undefined,
  supplyAtSnapshot: bigint | undefined,
): Turnout {
  const cast = tally.forVotes + tally.againstVotes + tally.abstainVotes;
  return {
    cast,
    ofVotingPower: votingPowerAtSnapshot === undefined ? undefined : shareOf(cast, votingPowerAtSnapshot),
    ofSupply: supplyAtSnapshot === undefined ? undefined : shareOf(cast, supplyAtSnapshot),
  };
}
