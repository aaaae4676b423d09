/**
 * A proposal as the transaction that created it tells it: the `ProposalCreated` log of a receipt,
 * shaped like the indexer's proposal, so the proposal page can show a proposal the moment its
 * transaction is mined, before the indexer has caught up. Only a log emitted by the DAO's own
 * governor counts, and only the one whose id is the one asked for (a transaction may create
 * several proposals, or none).
 */
import { type Address, getAddress, type Hash, isAddressEqual, type Log, parseEventLogs } from "viem";
import { governorEventsAbi } from "../../contracts-abi/governorEvents";
import type { IndexedProposal } from "../indexer/types";
import { proposalTitle } from "./proposalTitle";

export type ReceiptForProposal = {
  transactionHash: Hash;
  blockNumber: bigint;
  logs: readonly Log[];
};

export type ProposalFromReceiptInput = {
  receipt: ReceiptForProposal;
  /** The receipt's block timestamp, in seconds. */
  blockTimestamp: bigint;
  chainId: number;
  governor: Address;
  proposalId: bigint;
};

/** `0x` and 64 hex digits: a transaction hash worth asking the chain about. */
export function isTransactionHash(value: unknown): value is Hash {
  return typeof value === "string" && /^0x[0-9a-fA-F]{64}$/.test(value);
}

/**
 * The proposal `proposalId` created in the receipt, with zero tallies and status "created";
 * null when the receipt holds no matching `ProposalCreated` from `governor`.
 *
 * @example
 * const receipt = await client.getTransactionReceipt({ hash });
 * const { timestamp } = await client.getBlock({ blockNumber: receipt.blockNumber });
 * proposalFromReceipt({ receipt, blockTimestamp: timestamp, chainId: 31337, governor, proposalId: 42n })?.title;
 */
export function proposalFromReceipt(input: ProposalFromReceiptInput): IndexedProposal | null {
  const { receipt, governor, proposalId } = input;
  const ownLogs = receipt.logs.filter((log) => isAddressEqual(log.address, governor));
  const created = parseEventLogs({ abi: governorEventsAbi, eventName: "ProposalCreated", logs: ownLogs, strict: true });
  const log = created.find((entry) => entry.args.proposalId === proposalId);
  if (!log) return null;
  const { args } = log;
  return {
    id: proposalId.toString(),
    chainId: input.chainId,
    governor: getAddress(governor),
    proposer: getAddress(args.proposer),
    targets: args.targets.map((target) => getAddress(target)),
    values: args.values.map((value) => value.toString()),
    signatures: [...args.signatures],
    calldatas: [...args.calldatas],
    description: args.description,
    title: proposalTitle(args.description),
    voteStart: args.voteStart.toString(),
    voteEnd: args.voteEnd.toString(),
    originalVoteEnd: args.voteEnd.toString(),
    extendedVoteEnd: null,
    createdBlock: receipt.blockNumber.toString(),
    createdTimestamp: Number(input.blockTimestamp),
    createdTx: receipt.transactionHash,
    forVotes: "0",
    againstVotes: "0",
    abstainVotes: "0",
    voteCount: 0,
    status: "created",
    eta: null,
    queuedBlock: null,
    queuedTx: null,
    executedBlock: null,
    executedTx: null,
    canceledBlock: null,
    canceledTx: null,
  };
}
