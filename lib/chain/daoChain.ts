/**
 * The viem chain a DAO lives on, as both the server and the browser use it: the known chain with
 * the DAO's RPC URL as its default, and, on the local chain (31337), the Multicall3 the demo
 * deploys at the canonical address so multicall batching works there too.
 */
import type { Chain } from "viem";
import { knownChain } from "../chains";

/** Where the demo (and most real chains) keep Multicall3. */
export const multicall3Address = "0xcA11bde05977b3631167028862bE2a173976CA11" as const;

export type DaoChainInput = { chainId: number; rpcUrl: string };

/**
 * @example
 * const chain = daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:8545" });
 * chain.contracts?.multicall3?.address // "0xcA11bde05977b3631167028862bE2a173976CA11"
 */
export function daoChain({ chainId, rpcUrl }: DaoChainInput): Chain {
  const chain = knownChain(chainId);
  if (!chain) throw new Error(`daoChain: chain ${chainId} is not in lib/chains.ts`);
  const rpcUrls = { ...chain.rpcUrls, default: { http: [rpcUrl] } };
  if (chainId !== 31337 || chain.contracts?.multicall3) return { ...chain, rpcUrls };
  return {
    ...chain,
    rpcUrls,
    contracts: { ...chain.contracts, multicall3: { address: multicall3Address } },
  };
}
