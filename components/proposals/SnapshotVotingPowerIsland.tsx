"use client";
/**
 * `SnapshotVotingPower` as a wallet island: its code (and wagmi's) loads with the wallet stack,
 * after the page is usable; until then the server-rendered fallback shows.
 */
import { walletIsland } from "@/components/web3/WalletIsland";

/** @example <SnapshotVotingPowerIsland fallback={<SnapshotVotingPowerFrame text={null} />} {...props} /> */
export const SnapshotVotingPowerIsland = walletIsland(() =>
  import("./SnapshotVotingPower").then((m) => m.SnapshotVotingPower),
);
