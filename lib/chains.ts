/**
 * The chains Commons knows how to talk to. A DAO config naming any other chain id is refused at
 * start, so a typo in `chainId` is caught before anything is read from the wrong network.
 */
import type { Chain } from "viem";
import {
  arbitrum,
  arbitrumSepolia,
  avalanche,
  base,
  baseSepolia,
  bsc,
  foundry,
  gnosis,
  linea,
  mainnet,
  optimism,
  optimismSepolia,
  polygon,
  scroll,
  sepolia,
  zksync,
} from "viem/chains";

export const knownChains = [
  mainnet,
  sepolia,
  optimism,
  optimismSepolia,
  arbitrum,
  arbitrumSepolia,
  base,
  baseSepolia,
  polygon,
  gnosis,
  avalanche,
  bsc,
  linea,
  scroll,
  zksync,
  foundry,
] as const satisfies readonly Chain[];

/**
 * Returns the viem chain for a chain id, or undefined when Commons does not know it.
 *
 * @example knownChain(1)?.name // "Ethereum"
 */
export function knownChain(chainId: number): Chain | undefined {
  return knownChains.find((chain) => chain.id === chainId);
}
