"use client";
/**
 * The write panels' pieces that need no wallet code: the note that says why an action is not
 * available, and the server-rendered stand-in for a write island before the wallet stack has
 * loaded ("Connect a wallet to vote", which loads the stack and opens the connect modal on click,
 * or "Loading your wallet…" when the wagmi cookie says one is connected). Nothing moves when the
 * island takes over.
 */
import type { ReactNode } from "react";
import { ConnectPrompt } from "@/components/web3/ConnectPrompt";

/** Why an action is not available, in words. */
export function VoteClosedNote({ children }: { children: ReactNode }) {
  return (
    <p role="note" className="rounded-lg bg-muted px-3 py-2 text-sm">
      {children}
    </p>
  );
}

export type WriteIslandFallbackProps = {
  /** The verb: "vote" → "Connect a wallet to vote". */
  action: string;
  /** The wagmi cookie says a wallet is connected (the stack is loading by itself). */
  walletConnected: boolean;
};

/** @example <VotePanelIsland fallback={<WriteIslandFallback action="vote" walletConnected={false} />} … /> */
export function WriteIslandFallback({ action, walletConnected }: WriteIslandFallbackProps) {
  if (walletConnected) {
    return (
      <p className="text-muted-foreground text-sm" aria-busy="true">
        Loading your wallet…
      </p>
    );
  }
  return <ConnectPrompt action={action} />;
}
