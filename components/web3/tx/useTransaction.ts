"use client";
/**
 * The one way Commons sends a transaction. Every write (vote, delegate, propose, queue, execute,
 * cancel) goes through `send`, which:
 * 1. checks the wallet is connected and on the DAO's chain;
 * 2. simulates the call on the DAO's RPC, from the connected account, so a call the contract
 *    would refuse is explained in words (decoded custom errors) before the wallet is opened;
 * 3. asks the wallet to sign ("signing"); a rejection returns to "idle" with a notice;
 * 4. waits for the receipt ("pending", with the hash), following a sped-up or replaced
 *    transaction to its replacement;
 * 5. on success refreshes what the transaction changed: wagmi's reads (TanStack Query) and the
 *    server-rendered page (`router.refresh()`, which re-reads live state from the chain, so the
 *    page shows the change before the indexer has caught up), then calls `onConfirmed`.
 *
 * Every transaction sent is also listed in RainbowKit's account modal ("Recent transactions", kept
 * per account and chain in the browser), which follows it to its outcome: Pending, Confirmed or
 * Failed. A sped-up transaction's entry follows its replacement; one cancelled in the wallet is
 * re-labelled to say so.
 *
 * Use it inside wallet islands only (it needs wagmi's providers).
 */
import { useAddRecentTransaction } from "@rainbow-me/rainbowkit";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import type { Hash, TransactionReceipt } from "viem";
import { useAccount, useConfig } from "wagmi";
import { getPublicClient, simulateContract, writeContract } from "wagmi/actions";
import type { ContractWrite, WriteDao } from "@/lib/governor/adapter";
import { governorErrorAbi } from "@/lib/governor/adapter";
import { explainTxError } from "@/lib/tx/explainTxError";

export type TransactionState =
  | { status: "idle" }
  | { status: "simulating"; label: string }
  | { status: "signing"; label: string }
  | { status: "pending"; label: string; hash: Hash; replaced?: boolean }
  | { status: "confirmed"; label: string; hash: Hash; receipt: TransactionReceipt }
  | { status: "failed"; label: string; message: string; hash?: Hash };

export type SendOptions = {
  /** What the transaction does, in a few words: "Vote For", "Queue proposal". */
  label: string;
};

export type UseTransactionOptions = {
  dao: Pick<WriteDao, "chainId" | "chainName">;
  /** Runs after the receipt arrived with status success (and the refresh was asked for). */
  onConfirmed?: (receipt: TransactionReceipt) => void;
};

export type Transaction = {
  state: TransactionState;
  /** simulating, signing or pending: the button that started it should be disabled. */
  busy: boolean;
  /** A message for the last send that did not reach the chain (a rejection in the wallet). */
  notice: string | null;
  /** Resolves with the receipt when confirmed, or null when it failed or was rejected (never throws). */
  send(write: ContractWrite, options: SendOptions): Promise<TransactionReceipt | null>;
  reset(): void;
};

/**
 * @example
 * const tx = useTransaction({ dao });
 * <Button disabled={tx.busy} onClick={() => tx.send(adapter.castVote(id, 1), { label: "Vote For" })}>For</Button>
 * <TransactionStatus tx={tx} explorerUrl={dao.explorerUrl} />
 */
export function useTransaction({ dao, onConfirmed }: UseTransactionOptions): Transaction {
  const config = useConfig();
  const account = useAccount();
  const router = useRouter();
  const queryClient = useQueryClient();
  const addRecentTransaction = useAddRecentTransaction();
  const [state, setState] = useState<TransactionState>({ status: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  // The latest send owns the state: an older one finishing late must not overwrite it.
  const generation = useRef(0);
  const confirmedRef = useRef(onConfirmed);
  confirmedRef.current = onConfirmed;

  const send = useCallback(
    async (write: ContractWrite, { label }: SendOptions): Promise<TransactionReceipt | null> => {
      const run = ++generation.current;
      const set = (next: TransactionState) => {
        if (generation.current === run) setState(next);
      };
      setNotice(null);
      if (!account.address || account.status !== "connected") {
        set({ status: "failed", label, message: "Connect a wallet first." });
        return null;
      }
      if (account.chainId !== dao.chainId) {
        set({ status: "failed", label, message: `Your wallet is on another network. Switch to ${dao.chainName}.` });
        return null;
      }
      const abi = [...write.abi, ...governorErrorAbi];
      let hash: Hash | undefined;
      try {
        set({ status: "simulating", label });
        const { request } = await simulateContract(config, {
          address: write.address,
          abi,
          functionName: write.functionName,
          args: write.args,
          ...(write.value ? { value: write.value } : {}),
          account: account.address,
          chainId: dao.chainId,
        });
        set({ status: "signing", label });
        hash = await writeContract(config, request);
        const sent = hash;
        addRecentTransaction({ hash: sent, description: label });
        set({ status: "pending", label, hash });
        const client = getPublicClient(config, { chainId: dao.chainId });
        if (!client) throw new Error(`No RPC is configured for chain ${dao.chainId}.`);
        let cancelled = false;
        const receipt = await client.waitForTransactionReceipt({
          hash,
          // A pending transaction never times out on its own; the wallet decides its fate.
          timeout: 0,
          onReplaced: (replacement) => {
            hash = replacement.transaction.hash;
            cancelled = replacement.reason === "cancelled";
            // RainbowKit's entry follows the replacement to its receipt, which for a cancellation
            // is a success: say what it really was.
            if (cancelled) addRecentTransaction({ hash: sent, description: `${label} (cancelled in your wallet)` });
            set({ status: "pending", label, hash, replaced: true });
          },
        });
        if (cancelled) {
          set({
            status: "failed",
            label,
            hash,
            message: "The transaction was cancelled in your wallet (replaced by another).",
          });
          return null;
        }
        if (receipt.status !== "success") {
          set({
            status: "failed",
            label,
            hash,
            message: "The transaction was mined but reverted: the chain changed since it was checked. Nothing changed.",
          });
          return null;
        }
        set({ status: "confirmed", label, hash, receipt });
        await queryClient.invalidateQueries();
        router.refresh();
        confirmedRef.current?.(receipt);
        return receipt;
      } catch (error) {
        const explained = explainTxError(error, abi);
        if (explained.kind === "rejected") {
          set({ status: "idle" });
          if (generation.current === run) setNotice(explained.message);
          return null;
        }
        set({ status: "failed", label, message: explained.message, ...(hash ? { hash } : {}) });
        return null;
      }
    },
    [
      account.address,
      account.status,
      account.chainId,
      addRecentTransaction,
      config,
      dao.chainId,
      dao.chainName,
      queryClient,
      router,
    ],
  );

  const reset = useCallback(() => {
    generation.current++;
    setState({ status: "idle" });
    setNotice(null);
  }, []);

  const busy = state.status === "simulating" || state.status === "signing" || state.status === "pending";
  return { state, busy, notice, send, reset };
}
