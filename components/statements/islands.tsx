"use client";
/** The statement editor as a wallet island (its code loads with the wallet stack). */
import { walletIsland } from "@/components/web3/WalletIsland";

/** Fallback: `StatementEditorFallback`. */
export const StatementEditorIsland = walletIsland(() => import("./StatementEditor").then((m) => m.StatementEditor));
