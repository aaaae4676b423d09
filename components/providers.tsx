"use client";
/**
 * The wallet provider tree: wagmi (restored from its cookie, so an account connected before is
 * known on the first render), TanStack Query and RainbowKit. Loaded lazily by `loadWalletStack`
 * (components/web3/walletStack.ts) and rendered once, by `WalletHost`; wagmi-using UI reaches it
 * through `WalletIsland` portals. Never import this module statically: it is the heavy part.
 */
import "@rainbow-me/rainbowkit/styles.css";
import {
  type AvatarComponent,
  darkTheme,
  lightTheme,
  RainbowKitProvider,
  useAccountModal,
  useConnectModal,
} from "@rainbow-me/rainbowkit";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState, useSyncExternalStore } from "react";
import { cookieToInitialState, useAccount, WagmiProvider } from "wagmi";
import { Identicon } from "@/components/address/Identicon";
import { subscribeWalletStack, takeWalletAction, walletStackSnapshot } from "@/components/web3/walletStack";
import { getConfig, type WalletChain } from "@/lib/wagmi/getConfig";
import { wagmiCookie } from "@/lib/wagmi/wagmiCookie";

export type ProvidersProps = {
  /** The DAOs' chains, from the server config (plain data). */
  walletChains: WalletChain[];
  children: ReactNode;
};

const themeOptions = { accentColor: "#4f46e5", borderRadius: "medium", fontStack: "system" } as const;
const theme = { lightMode: lightTheme(themeOptions), darkMode: darkTheme({ ...themeOptions, accentColor: "#6366f1" }) };

/**
 * The account's picture in RainbowKit's modals: its identicon, as beside its address everywhere
 * else. RainbowKit's `ensImage` is a URL the name's owner chose; the browser does not load it
 * (see lib/format/ensAvatar).
 */
const AccountAvatar: AvatarComponent = ({ address, size }) => (
  <Identicon address={address} className="rounded-full" style={{ width: size, height: size }} />
);

/** Opens the modal the reader asked for (by clicking the placeholder button) once it can. */
function PendingWalletAction() {
  const action = useSyncExternalStore(subscribeWalletStack, () => walletStackSnapshot().action);
  const { status } = useAccount();
  const { openConnectModal } = useConnectModal();
  const { openAccountModal } = useAccountModal();
  useEffect(() => {
    if (!action || status === "reconnecting" || status === "connecting") return;
    // The cookie may be stale: whichever modal fits the actual connection is the one to open.
    // Asked to connect a wallet that turns out to be connected already (it reconnected while
    // the code loaded): that is done, and no modal should cover the page.
    if (status === "connected" && action === "connect") {
      takeWalletAction();
      return;
    }
    const open = status === "connected" ? openAccountModal : openConnectModal;
    if (!open) return;
    takeWalletAction();
    open();
  }, [action, status, openConnectModal, openAccountModal]);
  return null;
}

/** @example <Providers walletChains={chains}>{islands}</Providers> */
export function Providers({ walletChains, children }: ProvidersProps) {
  const [config] = useState(() => getConfig(walletChains));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, refetchOnWindowFocus: true } } }),
  );
  // Read once, when the stack mounts: the cookie as it is now (it may have changed since the
  // server rendered the page, e.g. after client-side navigation).
  const [initialState] = useState(() => cookieToInitialState(config, wagmiCookie(document.cookie)));
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider
          appInfo={{ appName: "Commons" }}
          theme={theme}
          modalSize="compact"
          locale="en-US"
          avatar={AccountAvatar}
          showRecentTransactions
        >
          <PendingWalletAction />
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
