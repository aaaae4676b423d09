"use client";
/** The statement editor before the wallet code has loaded: a button that loads it (and connects). */
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { walletActionAttribute } from "@/components/web3/earlyWalletClicks";
import { loadWalletStack, subscribeWalletStack, walletStackSnapshot } from "@/components/web3/walletStack";

const loading = () => walletStackSnapshot().status === "loading";

/** @example <StatementEditorFallback connected={false} /> */
export function StatementEditorFallback({ connected }: { connected: boolean }) {
  const busy = useSyncExternalStore(subscribeWalletStack, loading, () => false);
  if (connected) {
    return (
      <p className="text-muted-foreground text-sm" role="status">
        Loading your wallet…
      </p>
    );
  }
  return (
    <Button
      className="self-start"
      aria-busy={busy || undefined}
      {...walletActionAttribute("connect")}
      onPointerEnter={() => loadWalletStack()}
      onClick={() => loadWalletStack("connect")}
    >
      Connect a wallet to sign in
    </Button>
  );
}
