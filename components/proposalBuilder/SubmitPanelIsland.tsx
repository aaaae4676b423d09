"use client";
/**
 * `SubmitPanel` as a wallet island that loads the wallet stack as soon as the page is idle (this
 * page exists to send a transaction). Until then a plain "connect" button stands in, and a click
 * on it is not lost: it loads the stack and opens RainbowKit's connect modal.
 */
import { lazy } from "react";
import type { SubmitPanelProps } from "@/components/proposalBuilder/SubmitPanel";
import { Button } from "@/components/ui/button";
import { WalletIsland } from "@/components/web3/WalletIsland";
import { loadWalletStack, preloadWithWalletStack } from "@/components/web3/walletStack";

const load = () => import("@/components/proposalBuilder/SubmitPanel").then((m) => m.SubmitPanel);
const LazySubmitPanel = lazy(() => load().then((SubmitPanel) => ({ default: SubmitPanel })));
preloadWithWalletStack(load);

function Fallback() {
  return (
    <div>
      <Button onClick={() => loadWalletStack("connect")} onPointerEnter={() => loadWalletStack()}>
        Connect a wallet to propose
      </Button>
    </div>
  );
}

/** @example <SubmitPanelIsland dao={dao} content={built.content} … /> */
export function SubmitPanelIsland(props: SubmitPanelProps) {
  return (
    <WalletIsland eager fallback={<Fallback />}>
      <LazySubmitPanel {...props} />
    </WalletIsland>
  );
}
