"use client";
/**
 * "Connect a wallet to vote": the one connect button of the write panels, the same before the
 * wallet code has loaded (a wallet island's fallback) and after (WriteGate). No wallet code of its
 * own: a click queues "connect" in the wallet stack's store (loading the stack if needed), and the
 * provider tree opens RainbowKit's modal as soon as it can (after wagmi's reconnect on load), so
 * no click is lost to a button that is not ready yet. Pointing at it starts loading the stack.
 */
import { Button } from "@/components/ui/button";
import { walletActionAttribute } from "./earlyWalletClicks";
import { loadWalletStack } from "./walletStack";

export type ConnectPromptProps = {
  /** The verb: "vote" → "Connect a wallet to vote". */
  action: string;
  className?: string;
};

/** @example <ConnectPrompt action="vote" /> */
export function ConnectPrompt({ action, className }: ConnectPromptProps) {
  return (
    <div className={className}>
      <Button
        {...walletActionAttribute("connect")}
        onPointerEnter={() => loadWalletStack()}
        onClick={() => loadWalletStack("connect")}
      >
        Connect a wallet to {action}
      </Button>
    </div>
  );
}
