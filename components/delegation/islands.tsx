"use client";
/**
 * The delegation write UI as wallet islands: their code (and wagmi's) loads with the wallet stack,
 * after the page is usable; until then the server-rendered fallback shows.
 */
import { walletIsland } from "@/components/web3/WalletIsland";

/** The account view. Fallback: `AccountDelegationFallback`. */
export const AccountDelegationIsland = walletIsland(() =>
  import("./AccountDelegation").then((m) => m.AccountDelegation),
);

/** "Delegate to <name>". Fallback: `DelegateToFallback`. */
export const DelegateToIsland = walletIsland(() => import("./DelegateTo").then((m) => m.DelegateTo));
