"use client";
/**
 * The wallet button as it looks before the wallet stack has loaded: server-rendered, a few hundred
 * bytes of JavaScript. "Connect wallet", or the account the wagmi cookie remembers. Pointing at it
 * starts loading the stack; clicking it loads the stack and opens RainbowKit's connect (or
 * account) modal as soon as it is there, so the reader's click is never lost.
 */
import { useSyncExternalStore } from "react";
import { Identicon } from "@/components/address/Identicon";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/format/cn";
import { walletActionAttribute } from "./earlyWalletClicks";
import { loadWalletStack, subscribeWalletStack, walletStackSnapshot } from "./walletStack";

/** RainbowKit's short form of an address (`0xf3…2266`), so nothing moves when it takes over. */
export function displayAddress(address: string): string {
  return `${address.slice(0, 4)}…${address.slice(-4)}`;
}

/** "Connect wallet", shortened to "Connect" on phones. */
export function ConnectLabel() {
  return (
    <span>
      Connect<span className="hidden sm:inline"> wallet</span>
    </span>
  );
}

/** The account's identicon (the same picture as beside its address on every page) and short name. */
export function ConnectedLabel({ address, text }: { address: string; text: string }) {
  return (
    <>
      <Identicon address={address} className="size-4" />
      <span className="truncate font-mono">{text}</span>
    </>
  );
}

export type WalletButtonFallbackProps = {
  /** The account the wagmi cookie says is connected, if any. */
  address?: string | null;
  className?: string;
};

const busy = () => walletStackSnapshot().status === "loading";

/** @example <WalletButtonFallback address={cookieAccount(cookie)?.address} className="ml-auto" /> */
export function WalletButtonFallback({ address, className }: WalletButtonFallbackProps) {
  const loading = useSyncExternalStore(subscribeWalletStack, busy, () => false);
  const warmUp = () => loadWalletStack();
  return (
    <div className={cn("shrink-0", className)}>
      {address ? (
        <Button
          variant="secondary"
          title={address}
          className="max-w-48"
          aria-busy={loading || undefined}
          {...walletActionAttribute("account")}
          onPointerEnter={warmUp}
          onClick={() => loadWalletStack("account")}
        >
          <ConnectedLabel address={address} text={displayAddress(address)} />
        </Button>
      ) : (
        <Button
          aria-label="Connect wallet"
          aria-busy={loading || undefined}
          {...walletActionAttribute("connect")}
          onPointerEnter={warmUp}
          onClick={() => loadWalletStack("connect")}
        >
          <ConnectLabel />
        </Button>
      )}
    </div>
  );
}
