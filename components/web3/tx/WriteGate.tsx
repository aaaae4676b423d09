"use client";
/**
 * Stands in front of every write: without a connected wallet it offers to connect, on another
 * network it offers to switch, and only then renders the write UI with the connected address.
 * The reason a write is not available is always said, never just a greyed-out button.
 *
 * Its connect button is `ConnectPrompt`, as in the islands' fallbacks: a click is queued until
 * RainbowKit can open its modal. It stays in place (the same element) while wagmi checks for a
 * wallet on load ("connecting" with no account known); only restoring a remembered account says
 * "Connecting to your wallet…".
 */
import type { ReactNode } from "react";
import type { Address } from "viem";
import { useAccount, useSwitchChain } from "wagmi";
import { Button } from "@/components/ui/button";
import { ConnectPrompt } from "@/components/web3/ConnectPrompt";
import type { WriteDao } from "@/lib/governor/adapter";

export type WriteGateProps = {
  dao: Pick<WriteDao, "chainId" | "chainName">;
  /** The verb, for the prompts: "vote" → "Connect a wallet to vote". */
  action: string;
  children: (account: Address) => ReactNode;
  className?: string;
};

/** @example <WriteGate dao={dao} action="vote">{(account) => <VoteForm account={account} />}</WriteGate> */
export function WriteGate({ dao, action, children, className }: WriteGateProps) {
  const account = useAccount();
  const { switchChain, isPending, error } = useSwitchChain();
  if (account.status === "reconnecting") {
    return <p className="text-muted-foreground text-sm">Connecting to your wallet…</p>;
  }
  if (!account.address || account.status !== "connected") {
    return <ConnectPrompt action={action} className={className} />;
  }
  if (account.chainId !== dao.chainId) {
    return (
      <div className={className}>
        <p className="mb-2 text-sm">
          Your wallet is on another network. Switch to {dao.chainName} to {action}.
        </p>
        <Button variant="warning" onClick={() => switchChain({ chainId: dao.chainId })} disabled={isPending}>
          {isPending ? "Switching…" : `Switch to ${dao.chainName}`}
        </Button>
        {error ? (
          <p role="alert" className="mt-2 text-rose-700 text-sm dark:text-rose-300">
            {"shortMessage" in error ? error.shortMessage : error.message}
          </p>
        ) : null}
      </div>
    );
  }
  return <>{children(account.address)}</>;
}
