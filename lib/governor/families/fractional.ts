/**
 * Fractional (split) voting, as OpenZeppelin's GovernorCountingFractional (5.x) counts it: a vote
 * with support 255 and params `abi.encodePacked(uint128 against, uint128 for, uint128 abstain)`
 * spends that much of the voter's weight; it may be cast several times until the weight is used up.
 * A nominal vote (0/1/2, empty params) still works through `castVote`.
 */
import { type Abi, encodePacked, type Hex, parseAbi } from "viem";
import { splitSupport } from "../../proposals/splitVote";
import type { GovernorAdapter, VoteSplit, WriteDao } from "../adapter";
import { callBuilder } from "./shared";

const maxUint128 = (1n << 128n) - 1n;

export const fractionalGovernorAbi = parseAbi([
  "function castVoteWithReasonAndParams(uint256 proposalId, uint8 support, string reason, bytes params) returns (uint256)",
  "function usedVotes(uint256 proposalId, address account) view returns (uint256)",
]);

/**
 * @example
 * fractionalParams({ against: 1n, for: 2n, abstain: 3n }) // 0x…01 …02 …03, 48 bytes
 */
export function fractionalParams(split: VoteSplit): Hex {
  for (const [name, amount] of Object.entries(split)) {
    if (amount < 0n || amount > maxUint128) throw new RangeError(`fractionalParams: ${name} must fit in a uint128`);
  }
  return encodePacked(["uint128", "uint128", "uint128"], [split.against, split.for, split.abstain]);
}

/** Adds `castVoteSplit` and `usedVotes` to an adapter whose governor counts fractionally. */
export function withFractionalVoting(adapter: GovernorAdapter, dao: Pick<WriteDao, "governor">): GovernorAdapter {
  const g = callBuilder(dao.governor, fractionalGovernorAbi as Abi);
  return {
    ...adapter,
    castVoteSplit: (proposalId, split, reason) =>
      g("castVoteWithReasonAndParams", [proposalId, splitSupport, reason ?? "", fractionalParams(split)]),
    usedVotes: (proposalId, account) => g("usedVotes", [proposalId, account]),
  };
}
