/**
 * What the browser needs to know about a chain a DAO lives on, as plain data the server hands
 * over (the server knows viem's whole chain table and what it found on the chain; the browser
 * bundle carries neither), and the viem `Chain` built from it.
 */
import type { Address, Chain } from "viem";

export type ChainInfo = {
  chainId: number;
  name: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  /** The DAO's RPC endpoints, in the order to try them. */
  rpcUrls: string[];
  /** Multicall3 as found on the chain; null where it has none (reads then go as JSON-RPC batches). */
  multicall3: Address | null;
  explorerUrl?: string;
};

/**
 * @example
 * const chain = chainFromInfo({ chainId: 31337, name: "Foundry", nativeCurrency, rpcUrls: [url], multicall3: null });
 */
export function chainFromInfo(info: ChainInfo): Chain {
  return {
    id: info.chainId,
    name: info.name,
    nativeCurrency: info.nativeCurrency,
    rpcUrls: { default: { http: info.rpcUrls } },
    ...(info.explorerUrl ? { blockExplorers: { default: { name: "Explorer", url: info.explorerUrl } } } : {}),
    ...(info.multicall3 ? { contracts: { multicall3: { address: info.multicall3 } } } : {}),
  };
}
