"use client";
/**
 * Where a transaction stands, in words, announced to screen readers as it changes: checking →
 * confirm in your wallet → pending (hash, explorer link when configured) → confirmed or failed.
 * A rejection in the wallet shows as a quiet notice: nothing was sent.
 */
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/format/cn";
import { explorerUrl } from "@/lib/format/explorerUrl";
import type { Transaction } from "./useTransaction";

export type TransactionStatusProps = {
  tx: Pick<Transaction, "state" | "notice" | "reset">;
  explorerUrl?: string;
  className?: string;
};

/** A transaction hash, shortened (full in its title), linked to the explorer when one is configured. */
export function TransactionHashLink({ hash, explorer }: { hash: string; explorer?: string }) {
  const short = `${hash.slice(0, 10)}…${hash.slice(-6)}`;
  const href = explorerUrl(explorer, { tx: hash });
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className="font-mono underline" title={hash}>
      {short}
    </a>
  ) : (
    <span className="font-mono" title={hash}>
      {short}
    </span>
  );
}

/** @example <TransactionStatus tx={tx} explorerUrl={dao.explorerUrl} /> */
export function TransactionStatus({ tx, explorerUrl: explorer, className }: TransactionStatusProps) {
  const { state, notice } = tx;
  let body: React.ReactNode = null;
  let tone = "text-muted-foreground";
  switch (state.status) {
    case "idle":
      body = notice;
      break;
    case "simulating":
      body = <>Checking “{state.label}” against the chain…</>;
      break;
    case "signing":
      body = <>Confirm “{state.label}” in your wallet…</>;
      break;
    case "pending":
      body = (
        <>
          {state.replaced ? "Replaced in your wallet; following the new transaction " : "Pending: "}
          <TransactionHashLink hash={state.hash} explorer={explorer} /> — waiting for it to be mined…
        </>
      );
      break;
    case "confirmed":
      tone = "text-emerald-700 dark:text-emerald-300";
      body = (
        <>
          {state.label}: confirmed in block {state.receipt.blockNumber.toString()} (
          <TransactionHashLink hash={state.hash} explorer={explorer} />
          ).
        </>
      );
      break;
    case "failed":
      tone = "text-rose-700 dark:text-rose-300";
      body = (
        <>
          {state.label} failed: {state.message}
          {state.hash ? (
            <>
              {" "}
              (<TransactionHashLink hash={state.hash} explorer={explorer} />)
            </>
          ) : null}{" "}
          <Button size="sm" variant="ghost" className="h-auto px-1 underline" onClick={tx.reset}>
            Dismiss
          </Button>
        </>
      );
      break;
  }
  return (
    <p
      role="status"
      aria-live="polite"
      data-tx-status={state.status}
      className={cn("min-h-5 break-words text-sm [overflow-wrap:anywhere]", tone, className)}
    >
      {body}
    </p>
  );
}
