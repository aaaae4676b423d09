/**
 * The viem chain a DAO lives on, for server-side clients: viem's chain table entry for its id
 * (any EVM chain; an id viem does not know gets a plain "Chain <id>" with ETH as its coin), with
 * the DAO's RPC endpoints, and Multicall3 only where it was found on the chain (./multicall3) —
 * never assumed from a table or planted by our own seed.
 */
import type { Address, Chain } from "viem";
import * as viemChains from "viem/chains";
import { knownChains } from "../chains";
import type { ChainInfo } from "./chainInfo";

/** Where Multicall3 lives on most chains (deployed with a keyless transaction). */
export const multicall3Address = "0xcA11bde05977b3631167028862bE2a173976CA11" as const;

export type DaoChainInput = {
  chainId: number;
  rpcUrls: readonly string[];
  /** The Multicall3 found on the chain (null: none); leave out when not known yet. */
  multicall3?: Address | null;
};

let table: Map<number, Chain> | undefined;

/**
 * viem's chain for an id: the curated lib/chains.ts entry first (foundry for 31337, mainnet for
 * 1…), then the first in viem's whole table; undefined when viem does not know the id.
 *
 * @example chainTableEntry(42161)?.name // "Arbitrum One"
 */
export function chainTableEntry(chainId: number): Chain | undefined {
  if (!table) {
    table = new Map<number, Chain>();
    for (const chain of [...knownChains, ...(Object.values(viemChains) as Chain[])]) {
      if (chain && typeof chain.id === "number" && !table.has(chain.id)) table.set(chain.id, chain);
    }
  }
  return table.get(chainId);
}

/**
 * A chain's display name for any id.
 *
 * @example chainName(10) // "OP Mainnet"; chainName(999999) // "Chain 999999"
 */
export function chainName(chainId: number): string {
  return chainTableEntry(chainId)?.name ?? `Chain ${chainId}`;
}

/**
 * @example
 * const chain = daoChain({ chainId: 1, rpcUrls: ["https://rpc.example"], multicall3: found });
 */
export function daoChain({ chainId, rpcUrls, multicall3 }: DaoChainInput): Chain {
  const known = chainTableEntry(chainId);
  const { multicall3: _tableMulticall3, ...contracts } = known?.contracts ?? {};
  return {
    ...(known ?? {
      id: chainId,
      name: `Chain ${chainId}`,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    }),
    rpcUrls: { default: { http: [...rpcUrls] } },
    contracts: { ...contracts, ...(multicall3 ? { multicall3: { address: multicall3 } } : {}) },
  } as Chain;
}

/**
 * The block explorer a DAO's links go to: the config's `explorerUrl`, else the default explorer of
 * its chain in viem's table (Etherscan on mainnet, Arbiscan on Arbitrum…); undefined for a chain
 * with none (a local anvil). Every explorer link is built from this (see lib/format/explorerUrl).
 *
 * @example daoExplorerUrl({ chainId: 1 }) // "https://etherscan.io"
 * @example daoExplorerUrl({ chainId: 1, explorerUrl: "https://eth.blockscout.com" }) // "https://eth.blockscout.com"
 */
export function daoExplorerUrl(dao: { chainId: number; explorerUrl?: string | undefined }): string | undefined {
  return dao.explorerUrl ?? chainTableEntry(dao.chainId)?.blockExplorers?.default.url;
}

/**
 * The plain data the browser builds its chain from (see ./chainInfo).
 *
 * @example <WalletHost chains={[chainInfoOf(dao, await findMulticall3(client))]} />
 */
export function chainInfoOf(
  dao: { chainId: number; rpcUrls: readonly string[]; explorerUrl?: string },
  multicall3: Address | null,
): ChainInfo {
  const known = chainTableEntry(dao.chainId);
  const explorerUrl = daoExplorerUrl(dao);
  return {
    chainId: dao.chainId,
    name: chainName(dao.chainId),
    nativeCurrency: known?.nativeCurrency ?? { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: [...dao.rpcUrls],
    multicall3,
    ...(explorerUrl ? { explorerUrl } : {}),
  };
}

/**
 * Where viem's chain table says Multicall3 is on this chain (a candidate to check, not a fact).
 *
 * @example tableMulticall3(1) // "0xcA11bde05977b3631167028862bE2a173976CA11"
 */
export function tableMulticall3(chainId: number): Address | undefined {
  return chainTableEntry(chainId)?.contracts?.multicall3?.address;
}
