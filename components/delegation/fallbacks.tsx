"use client";
/**
 * What the delegation islands look like before the wallet code has loaded: server-rendered, no
 * wallet code, a few hundred bytes. Their buttons load the wallet stack (and open the connect
 * modal when no wallet is remembered); the real UI then takes over in place.
 */
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { walletActionAttribute } from "@/components/web3/earlyWalletClicks";
import { loadWalletStack, subscribeWalletStack, walletStackSnapshot } from "@/components/web3/walletStack";
import { rememberDelegationIntent } from "./delegationIntent";

const loading = () => walletStackSnapshot().status === "loading";

function useStackLoading(): boolean {
  return useSyncExternalStore(subscribeWalletStack, loading, () => false);
}

export type DelegateToFallbackProps = {
  /** The button's text ("Delegate to Lina"). */
  label: string;
  target: string;
  /** Whether the wagmi cookie remembers a connected wallet (then no connect modal is needed). */
  connected: boolean;
};

/** @example <DelegateToFallback label="Delegate to Lina" target="0x7099…" connected={false} /> */
export function DelegateToFallback({ label, target, connected }: DelegateToFallbackProps) {
  const busy = useStackLoading();
  return (
    <div className="flex flex-col gap-2">
      <Button
        className="self-start"
        aria-busy={busy || undefined}
        onPointerEnter={() => loadWalletStack()}
        onClick={() => {
          rememberDelegationIntent(target);
          loadWalletStack(connected ? undefined : "connect");
        }}
      >
        {label}
      </Button>
      <p className="text-muted-foreground text-sm">
        {connected ? "Loading your wallet…" : "Connect a wallet to delegate your votes."}
      </p>
    </div>
  );
}

/** @example <AccountDelegationFallback connected={cookieAccount(cookie) !== null} /> */
export function AccountDelegationFallback({ connected }: { connected: boolean }) {
  const busy = useStackLoading();
  return (
    <section aria-labelledby="account-figures" className="rounded-xl border border-border bg-card p-5 shadow-xs">
      <h2 id="account-figures" className="font-semibold text-base leading-tight">
        Your delegation
      </h2>
      {connected ? (
        <div aria-busy="true" className="mt-4 grid grid-cols-1 gap-4 min-[26rem]:grid-cols-3">
          <p className="sr-only" role="status">
            Loading your account…
          </p>
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : (
        <div className="mt-2 flex flex-col items-start gap-3">
          <p className="text-muted-foreground text-sm">
            Connect a wallet to see your balance, your delegate and your voting power.
          </p>
          <Button
            aria-busy={busy || undefined}
            {...walletActionAttribute("connect")}
            onPointerEnter={() => loadWalletStack()}
            onClick={() => loadWalletStack("connect")}
          >
            Connect a wallet to delegate
          </Button>
        </div>
      )}
    </section>
  );
}
