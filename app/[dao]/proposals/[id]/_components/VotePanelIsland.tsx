"use client";
/**
 * `VotePanel` as a wallet island: its code (and wagmi's) loads with the wallet stack; until then
 * the server-rendered fallback shows (the reason voting is closed, or a connect button).
 */
import { walletIsland } from "@/components/web3/WalletIsland";

/** @example <VotePanelIsland fallback={<WriteIslandFallback action="vote" walletConnected={false} />} {...props} /> */
export const VotePanelIsland = walletIsland(() => import("./VotePanel").then((m) => m.VotePanel));
