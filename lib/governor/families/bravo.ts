/**
 * Compound's GovernorBravoDelegate (Compound, Uniswap, …): proposals are identified by a counter
 * id, so queue/execute/cancel take only the id; propose takes function signatures next to the
 * calldatas; the governor has no clock() (its clock is the block number), no proposalEta/Snapshot/Deadline (they
 * are fields of `proposals(id)`), and votes come from the token's getPriorVotes.
 */
import { type Abi, type Address, parseAbi } from "viem";
import type { GovernorAdapter, ProposalContent, ProposalVotes, WriteDao } from "../adapter";
import { governorErrorAbi } from "./errorAbi";
import { tokenCalls } from "./openzeppelin";
import { bravoStructTallies, callBuilder, field, picking, type VotesFunctions } from "./shared";

export const bravoGovernorAbi = parseAbi([
  "function castVote(uint256 proposalId, uint8 support)",
  "function castVoteWithReason(uint256 proposalId, uint8 support, string reason)",
  "function propose(address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, string description) returns (uint256)",
  "function queue(uint256 proposalId)",
  "function execute(uint256 proposalId) payable",
  "function cancel(uint256 proposalId)",
  "function state(uint256 proposalId) view returns (uint8)",
  "function getReceipt(uint256 proposalId, address voter) view returns ((bool hasVoted, uint8 support, uint96 votes))",
  "function proposals(uint256 proposalId) view returns (uint256 id, address proposer, uint256 eta, uint256 startBlock, uint256 endBlock, uint256 forVotes, uint256 againstVotes, uint256 abstainVotes, bool canceled, bool executed)",
  "function proposalThreshold() view returns (uint256)",
  "function quorumVotes() view returns (uint256)",
  "function proposalCount() view returns (uint256)",
  "function isWhitelisted(address account) view returns (bool)",
  "function name() view returns (string)",
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
]);

/**
 * Bravo's signatures: the content's own when it has them (calldatas are then the arguments only),
 * else "" for every action (Bravo's timelock then sends each calldata as it is, selector included).
 */
export function bravoSignatures(content: ProposalContent): readonly string[] {
  if (content.signatures) {
    if (content.signatures.length !== content.targets.length) {
      throw new Error(`bravoSignatures: ${content.signatures.length} signatures for ${content.targets.length} actions`);
    }
    return content.signatures;
  }
  return content.targets.map(() => "");
}

/**
 * What `execute` must send: Compound's GovernorBravo and GovernorAlpha pass each action's value on
 * to the timelock from their own balance (`executeTransaction{value: values[i]}`), so the caller
 * pays the actions' ETH with the call; the treasury's ETH is not used. 0 when the content is unknown.
 *
 * @example forwardedValue({ values: [parseEther("0.25"), 0n], … }) // 250000000000000000n
 */
export function forwardedValue(content: Pick<ProposalContent, "values"> | undefined): bigint {
  return (content?.values ?? []).reduce((sum, value) => sum + value, 0n);
}

export function bravoProposeArgs(content: ProposalContent) {
  return [content.targets, content.values, bravoSignatures(content), content.calldatas, content.description] as const;
}

export type BravoOptions = { votes?: VotesFunctions };

/** @example await tx.send(bravoAdapter(dao).queue(id, content)) // content is ignored: queue(id) */
export function bravoAdapter(dao: Pick<WriteDao, "governor" | "token">, options: BravoOptions = {}): GovernorAdapter {
  const g = callBuilder(dao.governor, bravoGovernorAbi as Abi);
  return {
    family: "bravo",
    castVote: (proposalId, support, reason) =>
      reason?.trim() ? g("castVoteWithReason", [proposalId, support, reason]) : g("castVote", [proposalId, support]),
    ...compoundCalls(g, dao, options.votes ?? "getPriorVotes", bravoStructTallies),
    proposerWhitelisted: (account) => g("isWhitelisted", [account]),
  };
}

/**
 * The calls Compound's GovernorBravo and GovernorAlpha share: queue, execute and cancel by id,
 * the `proposals(id)` struct's fields, `getReceipt`, the Comp-style token's reads. `tallies`
 * reads the struct's counts (GovernorAlpha's has no Abstain).
 *
 * @example return { family: "bravo", castVote, ...compoundCalls(g, dao, "getPriorVotes", bravoStructTallies) };
 */
export function compoundCalls(
  g: ReturnType<typeof callBuilder>,
  dao: Pick<WriteDao, "token">,
  votes: VotesFunctions,
  tallies: (raw: unknown) => ProposalVotes | undefined,
) {
  const proposal = (proposalId: bigint, index: number, name: string) =>
    picking(g("proposals", [proposalId]), field(index, name));
  return {
    propose: (content: ProposalContent) => g("propose", bravoProposeArgs(content)),
    queue: (proposalId: bigint) => g("queue", [proposalId]),
    // Compound's execute forwards each action's value with its call to the timelock: the caller pays it.
    execute: (proposalId: bigint, content?: ProposalContent) => ({
      ...g("execute", [proposalId]),
      value: forwardedValue(content),
    }),
    cancel: (proposalId: bigint) => g("cancel", [proposalId]),
    ...tokenCalls(dao.token, votes),

    state: (proposalId: bigint) => g("state", [proposalId]),
    hasVoted: (proposalId: bigint, account: Address) =>
      picking(g("getReceipt", [proposalId, account]), field(0, "hasVoted")),
    proposalVotes: (proposalId: bigint) => picking(g("proposals", [proposalId]), tallies),
    proposalSnapshot: (proposalId: bigint) => proposal(proposalId, 3, "startBlock"),
    proposalDeadline: (proposalId: bigint) => proposal(proposalId, 4, "endBlock"),
    proposalEta: (proposalId: bigint) => proposal(proposalId, 2, "eta"),
    proposalProposer: (proposalId: bigint) => proposal(proposalId, 1, "proposer"),
    proposalThreshold: () => g("proposalThreshold"),
    // A constant number of (For) votes, whatever the timepoint.
    quorum: () => g("quorumVotes"),
    name: () => g("name"),
    votingDelay: () => g("votingDelay"),
    votingPeriod: () => g("votingPeriod"),
    proposalsById: true,
    errorAbi: governorErrorAbi,
  } satisfies Partial<GovernorAdapter>;
}
