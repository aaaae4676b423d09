/**
 * Rows → the JSON of lib/indexer/types.ts: bigints as decimal strings, addresses checksummed
 * (the database stores them lowercase), nulls kept.
 */
import type { account, proposal, vote, votingPowerChange } from "ponder:schema";
import { type Address, getAddress } from "viem";
import type {
  IndexedAccount,
  IndexedDelegate,
  IndexedProposal,
  IndexedVote,
  IndexedVoterVote,
  IndexedVotingPowerChange,
} from "../../../lib/indexer/types";
import { fractionalSupport } from "../../voteParts";
import type { DelegateParticipation } from "./participationCounts";

type ProposalRow = typeof proposal.$inferSelect;
type VoteRow = typeof vote.$inferSelect;
type AccountRow = typeof account.$inferSelect;
type VotingPowerChangeRow = typeof votingPowerChange.$inferSelect;

const decimal = (value: bigint | null) => (value === null ? null : value.toString());

export function serializeProposal(row: ProposalRow): IndexedProposal {
  return {
    id: row.proposalId.toString(),
    chainId: row.chainId,
    governor: getAddress(row.governor),
    proposer: getAddress(row.proposer),
    targets: row.targets.map((target) => getAddress(target)),
    values: row.callValues.map((value) => value.toString()),
    signatures: row.signatures,
    calldatas: row.calldatas,
    description: row.description,
    title: row.title,
    voteStart: row.voteStart.toString(),
    voteEnd: (row.extendedVoteEnd ?? row.voteEnd).toString(),
    originalVoteEnd: row.voteEnd.toString(),
    extendedVoteEnd: decimal(row.extendedVoteEnd),
    createdBlock: row.createdBlock.toString(),
    createdTimestamp: row.createdTimestamp,
    createdTx: row.createdTx,
    forVotes: row.forVotes.toString(),
    againstVotes: row.againstVotes.toString(),
    abstainVotes: row.abstainVotes.toString(),
    voteCount: row.voteCount,
    status: row.status,
    eta: decimal(row.eta),
    queuedBlock: decimal(row.queuedBlock),
    queuedTx: row.queuedTx,
    executedBlock: decimal(row.executedBlock),
    executedTx: row.executedTx,
    canceledBlock: decimal(row.canceledBlock),
    canceledTx: row.canceledTx,
  };
}

export function serializeVote(row: VoteRow): IndexedVote {
  return {
    proposalId: row.proposalId.toString(),
    voter: getAddress(row.voter),
    support: row.support,
    weight: row.weight.toString(),
    split:
      row.support === fractionalSupport
        ? {
            againstVotes: row.againstWeight.toString(),
            forVotes: row.forWeight.toString(),
            abstainVotes: row.abstainWeight.toString(),
          }
        : null,
    reason: row.reason,
    params: row.params,
    block: row.block.toString(),
    timestamp: row.timestamp,
    tx: row.tx,
  };
}

/** A delegate's row, with its votes count and participation (./participationCounts.ts) when known. */
export function serializeDelegate(row: AccountRow, counted?: DelegateParticipation): IndexedDelegate {
  const delegate = {
    address: getAddress(row.address),
    votingPower: row.votingPower.toString(),
    delegatorsCount: row.delegatorsCount,
    votesCount: counted?.votesCount ?? 0,
  };
  if (counted === undefined) return delegate;
  const { voted, eligible, missedStreak, lastVoteTimestamp } = counted;
  return { ...delegate, participation: { voted, eligible, missedStreak, lastVoteTimestamp } };
}

export function serializeVotingPowerChange(row: VotingPowerChangeRow): IndexedVotingPowerChange {
  return {
    block: row.block.toString(),
    timestamp: row.timestamp,
    previousVotes: row.previousVotes.toString(),
    newVotes: row.newVotes.toString(),
    tx: row.tx,
  };
}

export function serializeVoterVote(row: VoteRow, proposalTitle: string | null): IndexedVoterVote {
  return { ...serializeVote(row), proposalTitle };
}

/** An account's row, or zeros for an address the token never mentioned. */
export function serializeAccount(address: Address, row: AccountRow | undefined): IndexedAccount {
  return {
    address: getAddress(address),
    balance: (row?.balance ?? 0n).toString(),
    delegate: row?.delegate ? getAddress(row.delegate) : null,
    votingPower: (row?.votingPower ?? 0n).toString(),
    delegatorsCount: row?.delegatorsCount ?? 0,
  };
}
