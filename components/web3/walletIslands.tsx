"use client";
/**
 * The header's wallet islands. Their components come from the wallet bundle itself (one chunk
 * group with the providers: nothing fetched twice); until it has loaded the server-rendered
 * fallback shows.
 */
import { walletIsland } from "./WalletIsland";

/** RainbowKit's connect/account button. Fallback: `WalletButtonFallback`. */
export const WalletButtonIsland = walletIsland(() => import("./walletBundle").then((m) => m.WalletButton));

/** The connected account's voting power. Fallback: `VotingPowerFrame` with "…" when the cookie says connected. */
export const VotingPowerIsland = walletIsland(() => import("./walletBundle").then((m) => m.VotingPower));

/** "Wrong network" with a switch button. No fallback: it can only show once the wallet is known. */
export const WrongNetworkHintIsland = walletIsland(() => import("./walletBundle").then((m) => m.WrongNetworkHint));
