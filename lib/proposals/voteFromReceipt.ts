/**
 * The vote a transaction cast, read from its receipt's `VoteCast` (or `VoteCastWithParams`, or
 * GovernorAlpha's VoteCast with a bool support and no reason) log:
 * what the vote panel shows the moment the vote is mined, before the indexer has it. Only a log of
 * the DAO's governor, for this proposal and this voter, counts.
 *
 * A split vote (GovernorCountingFractional: support 255) carries its parts in the params, three
 * packed uint128s; params that are not that still give a vote (support 255, weight, reason) whose
 * split is unknown (`split: null`).
 */
import { type Address, isAddressEqual, type Log, parseEventLogs } from "viem";
import { governorEventsAbi } from "../../contracts-abi/governorEvents";
import type { IndexedVoteSplit } from "../indexer/types";
import { combineVotes, decodeSplitParams, splitStrings, splitSupport } from "./splitVote";

/** A cast vote as the vote panel shows it (also what the app's vote-by route returns). */
export type CastVote = {
  /** 0 Against, 1 For, 2 Abstain, 255 a split (other values: a counting module's own). */
  support: number;
  /** Decimal string of the weight counted (for a split voter: all their votes so far). */
  weight: string;
  reason: string;
  tx: string;
  /**
   * For a split vote (support 255): the parts. null for a nominal vote, and for a split whose
   * params could not be read. Absent from older answers of the vote-by route: treat as null.
   */
  split?: IndexedVoteSplit | null;
};

export type VoteFromReceiptInput = {
  receipt: { logs: readonly Log[]; transactionHash: string };
  governor: Address;
  proposalId: bigint;
  voter: Address;
};

/**
 * @example
 * voteFromReceipt({ receipt, governor: dao.governor, proposalId: 42n, voter: account })
 * // { support: 1, weight: "441850000000000000000000", reason: "Good idea", tx: "0x…", split: null }
 */
export function voteFromReceipt({ receipt, governor, proposalId, voter }: VoteFromReceiptInput): CastVote | null {
  const logs = parseEventLogs({
    abi: governorEventsAbi,
    eventName: ["VoteCast", "VoteCastWithParams"],
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, governor)),
    strict: true,
  });
  const votes = logs
    .filter((entry) => entry.args.proposalId === proposalId && isAddressEqual(entry.args.voter, voter))
    .map((log): CastVote => {
      // GovernorAlpha's VoteCast: a bool (For / Against) and no reason.
      const support = typeof log.args.support === "boolean" ? (log.args.support ? 1 : 0) : log.args.support;
      const params = "params" in log.args ? log.args.params : undefined;
      const parts = support === splitSupport && params !== undefined ? decodeSplitParams(params) : null;
      return {
        support,
        weight: log.args.weight.toString(),
        reason: "reason" in log.args ? log.args.reason : "",
        tx: receipt.transactionHash,
        split: parts ? splitStrings(parts) : null,
      };
    });
  // One transaction may vote more than once (a fractional voter through a multicall): sum them.
  return votes.length === 0 ? null : votes.reduce(combineVotes);
}
