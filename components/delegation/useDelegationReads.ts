"use client";
/**
 * The connected account's delegation, read live from the token on the DAO's chain through the
 * governor adapter in one multicall: balance, current delegate, voting power (`getVotes`). The
 * transaction flow invalidates these queries after a confirmed write, so a new delegate shows at
 * once, without waiting for the indexer. Uses wagmi: only inside wallet islands.
 */
import { useMemo } from "react";
import { type Address, zeroAddress } from "viem";
import { useReadContracts } from "wagmi";
import type { AccountDelegation } from "@/lib/delegation/delegationStatus";
import { governorAdapter, type WriteDao } from "@/lib/governor/adapter";

export type DelegationReads =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string; retry: () => void }
  | { status: "ready"; value: AccountDelegation };

/** @example const reads = useDelegationReads(dao, address); if (reads.status === "ready") reads.value.votes; */
export function useDelegationReads(dao: WriteDao, account: Address | undefined): DelegationReads {
  const contracts = useMemo(() => {
    if (!account) return [];
    const adapter = governorAdapter(dao);
    return [adapter.balanceOf(account), adapter.delegates(account), adapter.votesNow(account)].map((read) => ({
      ...read,
      chainId: dao.chainId,
    }));
  }, [dao, account]);
  const reads = useReadContracts({
    contracts,
    allowFailure: false,
    query: { enabled: Boolean(account), refetchInterval: 15_000 },
  });
  if (!account) return { status: "idle" };
  if (reads.isError) {
    const error = reads.error as { shortMessage?: string; message: string };
    return { status: "error", message: error.shortMessage ?? error.message, retry: () => void reads.refetch() };
  }
  const data = reads.data as readonly unknown[] | undefined;
  if (data?.length !== 3) return { status: "loading" };
  const [balance, delegate, votes] = data as [bigint, Address, bigint];
  return {
    status: "ready",
    value: { account, balance, delegate: delegate === zeroAddress ? null : delegate, votes },
  };
}
