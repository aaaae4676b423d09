"use client";
/**
 * The wallet button: "Connect wallet" (just "Connect" on phones), then the account (opens
 * RainbowKit's account modal), or "Wrong network" when the wallet is on a chain no DAO uses.
 * Built on RainbowKit's ConnectButton.Custom so it matches the rest of the UI.
 */
import { ConnectButton } from "@rainbow-me/rainbowkit";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/format/cn";

/** @example <WalletButton className="ml-auto" /> */
export function WalletButton({ className }: { className?: string }) {
  return (
    <ConnectButton.Custom>
      {({ account, chain, mounted, openAccountModal, openChainModal, openConnectModal }) => {
        // Until mounted the wallet state is not known for sure: keep the space, hide the button.
        const hidden = !mounted;
        let button: ReactNode;
        if (!account || !chain) {
          button = (
            <Button onClick={openConnectModal} aria-label="Connect wallet" tabIndex={hidden ? -1 : undefined}>
              <span>
                Connect<span className="hidden sm:inline"> wallet</span>
              </span>
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
              <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-emerald-500" />
              <span className="truncate font-mono">{account.displayName}</span>
            </Button>
          );
        }
        return (
          <div
            aria-hidden={hidden || undefined}
            className={cn("shrink-0", hidden && "pointer-events-none select-none opacity-0", className)}
          >
            {button}
          </div>
        );
      }}
    </ConnectButton.Custom>
  );
}
