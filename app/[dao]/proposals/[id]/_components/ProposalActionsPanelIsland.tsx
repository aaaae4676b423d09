"use client";
/**
 * `ProposalActionsPanel` (queue, execute, cancel) as a wallet island: its code loads with the
 * wallet stack; until then the server-rendered fallback shows.
 */
import { walletIsland } from "@/components/web3/WalletIsland";

/** @example <ProposalActionsPanelIsland fallback={…} {...props} /> */
export const ProposalActionsPanelIsland = walletIsland(() =>
  import("./ProposalActionsPanel").then((m) => m.ProposalActionsPanel),
);
