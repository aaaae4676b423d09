/**
 * The one wagmi config of the app, built in the browser from the DAOs' chains (handed over by
 * the server as plain data). Wallet state lives in a cookie so the server layout can restore it
 * (`cookieToInitialState`) and the first render already knows the connected account.
 *
 * Wallets: the injected one always, plus every EIP-6963 wallet the browser announces (wagmi's
 * discovery; RainbowKit lists them under "Installed"). WalletConnect-based wallets need a project
 * id and talk to WalletConnect's relay, so they are added only when NEXT_PUBLIC_WC_PROJECT_ID is
 * set; without it nothing in the wallet stack reaches the network.
 */
import { connectorsForWallets, type Wallet, type WalletList } from "@rainbow-me/rainbowkit";
import {
  coinbaseWallet,
  injectedWallet,
  metaMaskWallet,
  rainbowWallet,
  walletConnectWallet,
} from "@rainbow-me/rainbowkit/wallets";
import type { Chain, Transport } from "viem";
import { cookieStorage, createConfig, createStorage } from "wagmi";
import { type ChainInfo, chainFromInfo } from "../chain/chainInfo";
import { rpcTransport } from "../chain/rpcTransport";
import { wagmiStorageKey } from "./storageKey";

/** What the browser needs to know about a chain a DAO lives on (plain data from the server). */
export type WalletChain = ChainInfo;

/**
 * The generic `window.ethereum` wallet, hidden when the browser has none (clicking it would only
 * fail). Wallets announced over EIP-6963 are listed by name on their own.
 */
function browserWallet(): Wallet {
  return {
    ...injectedWallet(),
    hidden: () => typeof window === "undefined" || !(window as { ethereum?: unknown }).ethereum,
  };
}

function walletList(projectId: string | undefined): WalletList {
  const installed: WalletList = [{ groupName: "Installed", wallets: [browserWallet] }];
  if (!projectId) return installed;
  return [
    ...installed,
    { groupName: "Popular", wallets: [metaMaskWallet, rainbowWallet, coinbaseWallet, walletConnectWallet] },
  ];
}

/**
 * @example
 * const config = getConfig([{ chainId: 31337, name: "Foundry", nativeCurrency, rpcUrls: ["http://127.0.0.1:8545"], multicall3: null }]);
 */
export function getConfig(
  walletChains: readonly WalletChain[],
  projectId: string | undefined = process.env.NEXT_PUBLIC_WC_PROJECT_ID,
) {
  const unique = walletChains.filter((c, i) => walletChains.findIndex((o) => o.chainId === c.chainId) === i);
  const [first, ...rest] = unique.map((c): Chain => chainFromInfo(c));
  if (!first) throw new Error("getConfig: at least one chain is required");
  const chains: readonly [Chain, ...Chain[]] = [first, ...rest];
  // The DAO's endpoints in order, failing over between them; reads issued together share one
  // JSON-RPC batch, or one Multicall3 call where the server found Multicall3 on the chain.
  const transports: Record<number, Transport> = Object.fromEntries(
    unique.map((c) => [c.chainId, rpcTransport(c.rpcUrls)]),
  );
  return createConfig({
    chains,
    transports,
    connectors: connectorsForWallets(walletList(projectId || undefined), {
      appName: "Commons",
      // Only the WalletConnect-based wallets read it, and they are only listed when it is set.
      projectId: projectId ?? "",
    }),
    multiInjectedProviderDiscovery: true,
    // wagmi batches useReadContracts into Multicall3 when the chain names one (chainFromInfo sets it
    // only where the server found it), else sends each read, batched by the transport.
    ssr: true,
    storage: createStorage({ key: wagmiStorageKey, storage: cookieStorage }),
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof getConfig>;
  }
}
