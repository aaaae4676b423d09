/**
 * OpenZeppelin Governor (4.x and 5.x): proposals are identified by their content, so queue,
 * execute and cancel take targets, values, calldatas and the description hash.
 */
import { type Abi, type Address, parseAbi } from "viem";
import type { GovernorAdapter, WriteDao } from "../adapter";
import { governorErrorAbi } from "./errorAbi";
import { callBuilder, contentArgs, picking, tallies, type VotesFunctions, votesTokenAbi } from "./shared";

export const openzeppelinGovernorAbi = parseAbi([
  "function castVote(uint256 proposalId, uint8 support) returns (uint256)",
  "function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns (uint256)",
  "function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns (uint256)",
  "function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns (uint256)",
  "function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns (uint256)",
  "function cancel(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns (uint256)",
  "function state(uint256 proposalId) view returns (uint8)",
  "function hasVoted(uint256 proposalId, address account) view returns (bool)",
  "function proposalVotes(uint256 proposalId) view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)",
  "function proposalSnapshot(uint256 proposalId) view returns (uint256)",
  "function proposalDeadline(uint256 proposalId) view returns (uint256)",
  "function proposalEta(uint256 proposalId) view returns (uint256)",
  "function proposalProposer(uint256 proposalId) view returns (address)",
  "function proposalThreshold() view returns (uint256)",
  "function clock() view returns (uint48)",
  "function quorum(uint256 timepoint) view returns (uint256)",
  "function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) view returns (uint256)",
  "function name() view returns (string)",
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function quorumNumerator() view returns (uint256)",
  "function quorumDenominator() view returns (uint256)",
  "function CLOCK_MODE() view returns (string)",
  "function COUNTING_MODE() view returns (string)",
  "function lateQuorumVoteExtension() view returns (uint48)",
]);

export type OpenZeppelinOptions = {
  /** The token's votes functions; Compound-style tokens (getPriorVotes) also serve OZ governors. Default getPastVotes. */
  votes?: VotesFunctions;
  /** False for governors before OZ 4.9 (no clock()): the clock is then the block number. */
  hasClock?: boolean;
};

/** The token half of an adapter, shared by every family. */
export function tokenCalls(token: Address, votes: VotesFunctions = "getPastVotes") {
  const t = callBuilder(token, votesTokenAbi as Abi);
  return {
    delegate: (delegatee: Address) => t("delegate", [delegatee]),
    votesAt: (account: Address, timepoint: bigint) =>
      votes === "getPriorVotes" ? t("getPriorVotes", [account, timepoint]) : t("getPastVotes", [account, timepoint]),
    votesNow: (account: Address) =>
      votes === "getPriorVotes" ? t("getCurrentVotes", [account]) : t("getVotes", [account]),
    balanceOf: (account: Address) => t("balanceOf", [account]),
    delegates: (account: Address) => t("delegates", [account]),
    tokenName: () => t("name"),
    tokenSymbol: () => t("symbol"),
    tokenDecimals: () => t("decimals"),
    totalSupply: () => t("totalSupply"),
    // Compound's Comp/Uni keep no past total supply.
    ...(votes === "getPriorVotes"
      ? {}
      : { pastTotalSupply: (timepoint: bigint) => t("getPastTotalSupply", [timepoint]) }),
  };
}

/**
 * @example
 * const adapter = openzeppelinAdapter(dao);
 * await tx.send(adapter.castVote(id, 1, "Good for the DAO"), { label: "Vote For" });
 */
export function openzeppelinAdapter(
  dao: Pick<WriteDao, "governor" | "token">,
  options: OpenZeppelinOptions = {},
): GovernorAdapter {
  const g = callBuilder(dao.governor, openzeppelinGovernorAbi as Abi);
  return {
    family: "openzeppelin",
    castVote: (proposalId, support, reason) =>
      reason?.trim() ? g("castVoteWithReason", [proposalId, support, reason]) : g("castVote", [proposalId, support]),
    propose: (content) => g("propose", [content.targets, content.values, content.calldatas, content.description]),
    // OpenZeppelin identifies the proposal by its content; GovernorBravo takes the id.
    queue: (_proposalId, content) => g("queue", contentArgs(content)),
    execute: (_proposalId, content) => g("execute", contentArgs(content)),
    cancel: (_proposalId, content) => g("cancel", contentArgs(content)),
    ...tokenCalls(dao.token, options.votes),

    state: (proposalId) => g("state", [proposalId]),
    hasVoted: (proposalId, account) => g("hasVoted", [proposalId, account]),
    proposalVotes: (proposalId) =>
      picking(g("proposalVotes", [proposalId]), tallies({ against: 0, for: 1, abstain: 2 })),
    proposalSnapshot: (proposalId) => g("proposalSnapshot", [proposalId]),
    proposalDeadline: (proposalId) => g("proposalDeadline", [proposalId]),
    proposalEta: (proposalId) => g("proposalEta", [proposalId]),
    proposalProposer: (proposalId) => g("proposalProposer", [proposalId]),
    proposalThreshold: () => g("proposalThreshold"),
    ...(options.hasClock === false ? {} : { clock: () => g("clock") }),
    quorum: (timepoint) => g("quorum", [timepoint]),
    name: () => g("name"),
    votingDelay: () => g("votingDelay"),
    votingPeriod: () => g("votingPeriod"),
    quorumNumerator: () => g("quorumNumerator"),
    quorumDenominator: () => g("quorumDenominator"),
    clockMode: () => g("CLOCK_MODE"),
    countingMode: () => g("COUNTING_MODE"),
    lateQuorumVoteExtension: () => g("lateQuorumVoteExtension"),
    hashProposal: (content) => g("hashProposal", contentArgs(content)),
    proposalsById: false,
    errorAbi: governorErrorAbi,
  };
}
