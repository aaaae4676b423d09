/**
 * The vote a transaction cast, read from its receipt's `VoteCast` (or `VoteCastWithParams`) log:
 * what the vote panel shows the moment the vote is mined, before the indexer has it. Only a log of
 * the DAO's governor, for this proposal and this voter, counts.
 */
import { type Address, isAddressEqual, type Log, parseEventLogs } from "viem";
import { governorEventsAbi } from "../../contracts-abi/governorEvents";

/** A cast vote as the vote panel shows it (also what the app's vote-by route returns). */
export type CastVote = {
  /** 0 Against, 1 For, 2 Abstain (other values: a counting module's own). */
  support: number;
  /** Decimal string of the weight counted. */
  weight: string;
  reason: string;
  tx: string;
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
 * // { support: 1, weight: "441850000000000000000000", reason: "Good idea", tx: "0x…" }
 */
export function voteFromReceipt({ receipt, governor, proposalId, voter }: VoteFromReceiptInput): CastVote | null {
  const logs = parseEventLogs({
    abi: governorEventsAbi,
    eventName: ["VoteCast", "VoteCastWithParams"],
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, governor)),
    strict: true,
  });
  const log = logs.find((entry) => entry.args.proposalId === proposalId && isAddressEqual(entry.args.voter, voter));
  if (!log) return null;
  return {
    support: log.args.support,
    weight: log.args.weight.toString(),
    reason: log.args.reason,
    tx: receipt.transactionHash,
  };
}
