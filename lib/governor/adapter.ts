/**
 * The governor adapter: the one place that knows how to call a DAO's Governor and token. Pages
 * and write flows build every contract call through it (`adapter.castVote(…)` gives the
 * `{ address, abi, functionName, args }` to send), so a Governor flavour with other function
 * names or argument shapes (GovernorBravo's id-based queue and execute, getPriorVotes, …) is a
 * second implementation here, not a change in every page.
 *
 * Only the OpenZeppelin Governor (4.x and 5.x share these calls) is implemented today.
 */
import { type Abi, type AbiItem, type Address, type Hex, keccak256, parseAbi, stringToHex } from "viem";
import { demoGovernorAbi, demoTimelockAbi, demoTokenAbi } from "../../contracts-abi";

/** What a browser-side write flow needs to know about a DAO: plain data, passed from the server. */
export type WriteDao = {
  slug: string;
  chainId: number;
  chainName: string;
  governor: Address;
  token: Address;
  timelock: Address | null;
  tokenDecimals: number;
  tokenSymbol: string;
  clockMode: string;
  countingMode: string | null;
  explorerUrl?: string;
};

/** A call to send through the wallet. */
export type ContractWrite = {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
};

/** A view call (for wagmi's useReadContracts or viem's readContract / multicall). */
export type ContractRead = {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
};

/** What a proposal executes, exactly as it was proposed (the description byte for byte). */
export type ProposalContent = {
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
};

/** The Governor's numbering: 0 Against, 1 For, 2 Abstain. */
export type VoteSupport = 0 | 1 | 2;

export const voteSupportNames = { 0: "Against", 1: "For", 2: "Abstain" } as const satisfies Record<VoteSupport, string>;

export type GovernorAdapter = {
  family: "openzeppelin";
  castVote(proposalId: bigint, support: VoteSupport, reason?: string): ContractWrite;
  propose(content: ProposalContent): ContractWrite;
  queue(proposalId: bigint, content: ProposalContent): ContractWrite;
  execute(proposalId: bigint, content: ProposalContent): ContractWrite;
  cancel(proposalId: bigint, content: ProposalContent): ContractWrite;
  delegate(delegatee: Address): ContractWrite;

  /** uint8 ProposalState (see lib/chain/proposalStates.ts for names). */
  state(proposalId: bigint): ContractRead;
  hasVoted(proposalId: bigint, account: Address): ContractRead;
  /** Voting power at a past timepoint (reverts for a timepoint not yet reached). */
  votesAt(account: Address, timepoint: bigint): ContractRead;
  votesNow(account: Address): ContractRead;
  balanceOf(account: Address): ContractRead;
  delegates(account: Address): ContractRead;
  proposalSnapshot(proposalId: bigint): ContractRead;
  proposalDeadline(proposalId: bigint): ContractRead;
  /** 0 when not queued (or when the governor has no timelock). */
  proposalEta(proposalId: bigint): ContractRead;
  proposalProposer(proposalId: bigint): ContractRead;
  proposalThreshold(): ContractRead;
  /** The governor's clock now (block number or timestamp, per CLOCK_MODE). */
  clock(): ContractRead;
  quorum(timepoint: bigint): ContractRead;

  /** Every custom error the governor, token and timelock may revert with, to decode reverts. */
  errorAbi: Abi;
};

const governorAbi = parseAbi([
  "function castVote(uint256 proposalId, uint8 support) returns (uint256)",
  "function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns (uint256)",
  "function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns (uint256)",
  "function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns (uint256)",
  "function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns (uint256)",
  "function cancel(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns (uint256)",
  "function state(uint256 proposalId) view returns (uint8)",
  "function hasVoted(uint256 proposalId, address account) view returns (bool)",
  "function proposalSnapshot(uint256 proposalId) view returns (uint256)",
  "function proposalDeadline(uint256 proposalId) view returns (uint256)",
  "function proposalEta(uint256 proposalId) view returns (uint256)",
  "function proposalProposer(uint256 proposalId) view returns (address)",
  "function proposalThreshold() view returns (uint256)",
  "function clock() view returns (uint48)",
  "function quorum(uint256 timepoint) view returns (uint256)",
]);

const tokenAbi = parseAbi([
  "function delegate(address delegatee)",
  "function delegates(address account) view returns (address)",
  "function getVotes(address account) view returns (uint256)",
  "function getPastVotes(address account, uint256 timepoint) view returns (uint256)",
  "function balanceOf(address account) view returns (uint256)",
]);

/** The custom errors of OpenZeppelin's Governor, Votes token and TimelockController, once each. */
export const governorErrorAbi: Abi = (() => {
  const seen = new Set<string>();
  const errors: AbiItem[] = [];
  for (const item of [...demoGovernorAbi, ...demoTokenAbi, ...demoTimelockAbi] as readonly AbiItem[]) {
    if (item.type !== "error" || seen.has(item.name)) continue;
    seen.add(item.name);
    errors.push(item);
  }
  return errors;
})();

function contentArgs(content: ProposalContent) {
  return [content.targets, content.values, content.calldatas, keccak256(stringToHex(content.description))] as const;
}

/**
 * @example
 * const adapter = governorAdapter(dao);
 * await tx.send(adapter.castVote(id, 1, "Good for the DAO"), { label: "Vote For" });
 */
export function governorAdapter(dao: Pick<WriteDao, "governor" | "token">): GovernorAdapter {
  const g = (functionName: string, args: readonly unknown[] = []) => ({
    address: dao.governor,
    abi: governorAbi as Abi,
    functionName,
    args,
  });
  const t = (functionName: string, args: readonly unknown[] = []) => ({
    address: dao.token,
    abi: tokenAbi as Abi,
    functionName,
    args,
  });
  return {
    family: "openzeppelin",
    castVote: (proposalId, support, reason) =>
      reason?.trim() ? g("castVoteWithReason", [proposalId, support, reason]) : g("castVote", [proposalId, support]),
    propose: (content) => g("propose", [content.targets, content.values, content.calldatas, content.description]),
    // OpenZeppelin identifies the proposal by its content; GovernorBravo would take the id.
    queue: (_proposalId, content) => g("queue", contentArgs(content)),
    execute: (_proposalId, content) => g("execute", contentArgs(content)),
    cancel: (_proposalId, content) => g("cancel", contentArgs(content)),
    delegate: (delegatee) => t("delegate", [delegatee]),

    state: (proposalId) => g("state", [proposalId]),
    hasVoted: (proposalId, account) => g("hasVoted", [proposalId, account]),
    votesAt: (account, timepoint) => t("getPastVotes", [account, timepoint]),
    votesNow: (account) => t("getVotes", [account]),
    balanceOf: (account) => t("balanceOf", [account]),
    delegates: (account) => t("delegates", [account]),
    proposalSnapshot: (proposalId) => g("proposalSnapshot", [proposalId]),
    proposalDeadline: (proposalId) => g("proposalDeadline", [proposalId]),
    proposalEta: (proposalId) => g("proposalEta", [proposalId]),
    proposalProposer: (proposalId) => g("proposalProposer", [proposalId]),
    proposalThreshold: () => g("proposalThreshold"),
    clock: () => g("clock"),
    quorum: (timepoint) => g("quorum", [timepoint]),
    errorAbi: governorErrorAbi,
  };
}
