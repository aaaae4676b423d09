/**
 * Compound's GovernorAlpha (Gitcoin, early Uniswap and Compound): GovernorBravo's predecessor. Like
 * Bravo, proposals are numbered by a counter, carry function signatures, and are queued, executed
 * and cancelled by id through a Compound Timelock; votes come from the token's getPriorVotes. Unlike
 * Bravo, a vote is `castVote(id, bool support)`: For or Against, no Abstain and no reason, and
 * `proposals(id)` has no abstainVotes field (id, proposer, eta, startBlock, endBlock, forVotes,
 * againstVotes, canceled, executed). Its voting period is a constant 40,320 blocks.
 */
import { type Abi, parseAbi } from "viem";
import type { GovernorAdapter, ProposalVotes, VoteLimits, WriteDao } from "../adapter";
import { compoundCalls } from "./bravo";
import { callBuilder, field, type VotesFunctions } from "./shared";

export const alphaGovernorAbi = parseAbi([
  "function castVote(uint256 proposalId, bool support)",
  "function propose(address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, string description) returns (uint256)",
  "function queue(uint256 proposalId)",
  "function execute(uint256 proposalId) payable",
  "function cancel(uint256 proposalId)",
  "function state(uint256 proposalId) view returns (uint8)",
  "function getReceipt(uint256 proposalId, address voter) view returns ((bool hasVoted, bool support, uint96 votes))",
  "function proposals(uint256 proposalId) view returns (uint256 id, address proposer, uint256 eta, uint256 startBlock, uint256 endBlock, uint256 forVotes, uint256 againstVotes, bool canceled, bool executed)",
  "function proposalThreshold() view returns (uint256)",
  "function quorumVotes() view returns (uint256)",
  "function proposalCount() view returns (uint256)",
  "function name() view returns (string)",
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
]);

/** GovernorAlpha's `proposals(id)`: forVotes at 5, againstVotes at 6, and no Abstain (read as 0). */
export function alphaStructTallies(raw: unknown): ProposalVotes | undefined {
  if (raw === undefined || raw === null) return undefined;
  return {
    againstVotes: field(6, "againstVotes")(raw) as bigint,
    forVotes: field(5, "forVotes")(raw) as bigint,
    abstainVotes: 0n,
  };
}

/** Why the vote panel offers only two choices and no reason field. */
export const alphaVoteLimits = {
  supports: [1, 0],
  reasons: false,
  explanation: "This governor (GovernorAlpha) counts only For and Against and keeps no reasons.",
} as const satisfies VoteLimits;

export type AlphaOptions = { votes?: VotesFunctions };

/**
 * @example
 * alphaAdapter(dao).castVote(id, 1) // castVote(id, true)
 * alphaAdapter(dao).castVote(id, 2) // throws: GovernorAlpha has no Abstain
 */
export function alphaAdapter(dao: Pick<WriteDao, "governor" | "token">, options: AlphaOptions = {}): GovernorAdapter {
  const g = callBuilder(dao.governor, alphaGovernorAbi as Abi);
  return {
    family: "alpha",
    castVote: (proposalId, support, reason) => {
      if (support === 2) throw new Error("GovernorAlpha has no Abstain: vote For or Against");
      if (reason?.trim()) throw new Error("GovernorAlpha keeps no reasons: vote without one");
      return g("castVote", [proposalId, support === 1]);
    },
    ...compoundCalls(g, dao, options.votes ?? "getPriorVotes", alphaStructTallies),
    voteLimits: alphaVoteLimits,
    // cancel() refuses anyone, the proposer too, while the proposer is above the threshold.
    proposerCanCancel: false,
  };
}
