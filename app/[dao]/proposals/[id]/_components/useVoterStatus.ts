"use client";
/**
 * The connected voter's status on one proposal, for the vote panel: the proposal's live state,
 * the voting power that counts (at the snapshot, or now before voting opens), whether they have
 * voted (fractional: the weight used and left), and their vote as the receipt or the indexer tells
 * it. Reads the chain through the governor adapter and re-reads on every new block.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import type { Address } from "viem";
import { useAccount, useReadContract, useReadContracts, useWatchBlockNumber } from "wagmi";
import { type ProposalState, proposalStateName } from "@/lib/chain/proposalStates";
import { type ContractRead, type GovernorAdapter, readResult, type WriteDao } from "@/lib/governor/adapter";
import { remainingWeight } from "@/lib/proposals/splitVote";
import type { CastVote } from "@/lib/proposals/voteFromReceipt";

/** Votes cast from this page, in order, and (fractional) the weight used after the last one. */
type CastHere = { votes: CastVote[]; usedAfter: bigint | null };

// Votes cast from this page, kept outside React so they survive the island re-rendering or
// remounting when the page refreshes after the transaction.
const castHere = new Map<string, CastHere>();
const castListeners = new Set<() => void>();

function subscribeCastHere(listener: () => void): () => void {
  castListeners.add(listener);
  return () => castListeners.delete(listener);
}
const castKey = (dao: WriteDao, proposalId: string, account: Address) =>
  `${dao.chainId}:${dao.governor}:${proposalId}:${account}`.toLowerCase();

/** Keeps a vote cast from this page (its receipt) until the chain and the indexer have caught up. */
function recordCastHere(key: string, vote: CastVote, usedAfter: bigint | null) {
  const before = castHere.get(key);
  castHere.set(key, { votes: [...(before?.votes ?? []), vote], usedAfter });
  for (const listener of castListeners) listener();
}

export type VoterStatusInput = {
  dao: WriteDao;
  adapter: GovernorAdapter;
  /** Fractional counting (a split vote is offered). */
  fractional: boolean;
  proposalId: string;
  /** The state the server read, until the live read answers. */
  serverState: ProposalState | null;
  snapshot: string | null;
};

/**
 * @example const status = useVoterStatus({ dao, adapter, fractional, proposalId, serverState, snapshot });
 */
export function useVoterStatus({ dao, adapter, fractional, proposalId, serverState, snapshot }: VoterStatusInput) {
  const { address } = useAccount();

  const stateCall = useMemo(() => adapter.state(BigInt(proposalId)), [adapter, proposalId]);
  const stateRead = useReadContract({ ...stateCall, chainId: dao.chainId } as never);
  const stateValue =
    stateRead.data === undefined ? undefined : (readResult(stateCall, stateRead.data) as number | bigint);
  const state = stateValue === undefined ? (serverState ?? undefined) : proposalStateName(stateValue);
  // getPastVotes needs a timepoint in the past: before voting opens, the current votes stand in.
  const snapshotPassed = state !== undefined && state !== "Pending" && snapshot !== null;
  // Bravo-style reads answer structs: `readResult` recognises the very call objects, so keep them.
  const calls = useMemo((): ContractRead[] => {
    if (!address) return [];
    const pid = BigInt(proposalId);
    const power =
      snapshotPassed && snapshot !== null ? adapter.votesAt(address, BigInt(snapshot)) : adapter.votesNow(address);
    const used = fractional && adapter.usedVotes ? [adapter.usedVotes(pid, address)] : [];
    return [adapter.hasVoted(pid, address), power, ...used];
  }, [adapter, address, proposalId, snapshot, snapshotPassed, fractional]);
  const accountReads = useReadContracts({
    contracts: calls.map((call) => ({ ...call, chainId: dao.chainId })),
    query: { enabled: Boolean(address) },
  } as never);
  useWatchBlockNumber({
    chainId: dao.chainId,
    onBlockNumber: () => {
      void stateRead.refetch();
      if (address) void accountReads.refetch();
    },
  } as never);
  const reads = accountReads.data as { status: "success" | "failure"; result?: unknown }[] | undefined;
  const readAt = (index: number): unknown => {
    const read = reads?.[index];
    const call = calls[index];
    return read?.status === "success" && call ? readResult(call, read.result) : undefined;
  };
  const hasVotedOnChain = readAt(0) as boolean | undefined;
  const power = readAt(1) as bigint | undefined;

  const local = useSyncExternalStore(
    subscribeCastHere,
    () => (address ? castHere.get(castKey(dao, proposalId, address)) : undefined),
    () => undefined,
  );
  const localVotes = local?.votes ?? [];
  const lastLocalTx = localVotes.at(-1)?.tx.toLowerCase();
  // Used votes only grow: what the receipt said stands until the chain read catches up.
  const usedOnChain = fractional ? (readAt(2) as bigint | undefined) : undefined;
  const used =
    usedOnChain !== undefined && local?.usedAfter != null && local.usedAfter > usedOnChain
      ? local.usedAfter
      : usedOnChain;
  const remaining = fractional ? remainingWeight(power, used) : undefined;
  const hasVoted = fractional
    ? used === undefined
      ? localVotes.length > 0 || undefined
      : used > 0n || localVotes.length > 0
    : localVotes.length > 0
      ? true
      : hasVotedOnChain;

  const indexedVote = useQuery({
    queryKey: ["commons", "vote-by", dao.slug, proposalId, address, localVotes.length],
    queryFn: async (): Promise<CastVote | null> => {
      const response = await fetch(
        `/api/daos/${encodeURIComponent(dao.slug)}/proposals/${proposalId}/vote-by/${address?.toLowerCase()}`,
      );
      if (!response.ok) return null;
      return ((await response.json()) as { vote: CastVote | null }).vote;
    },
    // A vote cast here shows at once from its receipt; the index still tells the earlier votes of
    // a fractional voter.
    enabled: Boolean(address) && hasVoted === true && (fractional || localVotes.length === 0),
    // The indexer may be a block or two behind a vote just cast: ask again for a while until it has it.
    refetchInterval: (query) => {
      const data = query.state.data;
      const caughtUp = data && (lastLocalTx === undefined || data.tx.toLowerCase() === lastLocalTx);
      return caughtUp || query.state.dataUpdateCount > 15 ? false : 4_000;
    },
  });

  /** Remembers a vote just cast by `account` (from its receipt); `usedAfter`: fractional, the weight used after it. */
  const recordVote = (account: Address, vote: CastVote, usedAfter: bigint | null) =>
    recordCastHere(castKey(dao, proposalId, account), vote, usedAfter);

  return {
    address,
    state,
    snapshotPassed,
    power,
    powerFailed: reads?.[1]?.status === "failure",
    used,
    remaining,
    hasVoted,
    localVotes,
    indexedVote: indexedVote.data ?? null,
    recordVote,
  };
}
