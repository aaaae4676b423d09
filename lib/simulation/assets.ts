/**
 * Small facts about the assets of a simulation report: finding one, writing an amount of it
 * exactly, and what counts as an "unlimited" approval.
 */

import type { Address } from "viem";
import { maxUint96, maxUint256 } from "viem";
import { formatTokenAmount } from "../format/formatTokenAmount";
import type { SimulatedAsset } from "./types";

/**
 * Finds the asset of a token (or "native") in a report's `assets`.
 *
 * @example assetIn(report.assets, usdc)?.symbol // "USDC"
 */
export function assetIn(assets: readonly SimulatedAsset[], address: Address | "native"): SimulatedAsset | undefined {
  return assets.find((asset) =>
    asset.address === "native" || address === "native"
      ? asset.address === address
      : asset.address.toLowerCase() === address.toLowerCase(),
  );
}

/**
 * An amount of an asset, exact (every decimal): "1.5 ETH", "1,000 mUSDC".
 *
 * @example formatAssetAmount(1500000000000000000n, { symbol: "ETH", decimals: 18 }) // "1.5 ETH"
 */
export function formatAssetAmount(amount: bigint, asset: Pick<SimulatedAsset, "symbol" | "decimals">): string {
  return `${formatTokenAmount(amount, asset.decimals, { maxFractionDigits: asset.decimals })} ${asset.symbol}`;
}

/**
 * Approvals this large are "unlimited": the max uint256 (and anything in its upper half), and
 * Compound-style tokens' max uint96 (what they store for an approval of uint256 max).
 *
 * @example isUnlimitedAmount(maxUint256) // true
 */
export function isUnlimitedAmount(amount: bigint): boolean {
  return amount >= maxUint256 / 2n || amount === maxUint96;
}
