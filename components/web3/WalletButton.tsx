"use client";
/**
 * The wallet button: "Connect wallet" (just "Connect" on phones), then the account (opens
 * RainbowKit's account modal), or "Wrong network" when the wallet is on a chain no DAO uses.
 * Built on RainbowKit's ConnectButton.Custom so it matches the rest of the UI. Uses RainbowKit:
 * render it through `WalletButtonIsland`, with `WalletButtonFallback` as its fallback.
 */
import { ConnectButton } from "@rainbow-me/rainbowkit";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/format/cn";
import { ConnectedLabel, ConnectLabel } from "./WalletButtonFallback";

/** @example <WalletButton className="ml-auto" /> */
export function WalletButton({ className }: { className?: string }) {
  return (
    <ConnectButton.Custom>
      {({ account, chain, openAccountModal, openChainModal, openConnectModal }) => {
        // Never server-rendered (it only exists once the wallet stack has loaded), so RainbowKit's
        // `mounted` guard against hydration mismatches is not needed: hiding would only flicker.
        let button: ReactNode;
        if (!account || !chain) {
          button = (
            <Button onClick={openConnectModal} aria-label="Connect wallet">
              <ConnectLabel />
            </Button>
          );
        } else if (chain.unsupported) {
          button = (
            <Button variant="warning" onClick={openChainModal}>
              Wrong network
            </Button>
          );
        } else {
          button = (
            <Button variant="secondary" onClick={openAccountModal} title={account.address} className="max-w-48">
              <ConnectedLabel address={account.address} text={account.displayName} />
            </Button>
          );
        }
        return <div className={cn("shrink-0", className)}>{button}</div>;
      }}
    </ConnectButton.Custom>
  );
}
