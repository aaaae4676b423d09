"use client";
/**
 * `AddDiscussionLink` as a wallet island that loads the wallet stack as soon as the page is idle
 * (this page exists to sign). Until then a plain "connect" button stands in; a click on it loads
 * the stack and opens RainbowKit's connect modal.
 */
import { lazy } from "react";
import { ConnectPrompt } from "@/components/web3/ConnectPrompt";
import { WalletIsland } from "@/components/web3/WalletIsland";
import { preloadWithWalletStack } from "@/components/web3/walletStack";
import type { AddDiscussionLinkProps } from "./AddDiscussionLink";

const load = () => import("./AddDiscussionLink").then((m) => m.AddDiscussionLink);
const Lazy = lazy(() => load().then((AddDiscussionLink) => ({ default: AddDiscussionLink })));
preloadWithWalletStack(load);

/** @example <AddDiscussionLinkIsland dao={dao} proposalId={id} proposer={proposer} forumHosts={[]} /> */
export function AddDiscussionLinkIsland(props: AddDiscussionLinkProps) {
  return (
    <WalletIsland eager fallback={<ConnectPrompt action="add a link" />}>
      <Lazy {...props} />
    </WalletIsland>
  );
}
