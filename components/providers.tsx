"use client";
/**
 * The one client root: wagmi (restored from the wallet cookie the server read, so the first render
 * already knows the account), TanStack Query and RainbowKit. Everything under it may use hooks.
 */
import { darkTheme, lightTheme, RainbowKitProvider } from "@rainbow-me/rainbowkit";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { cookieToInitialState, WagmiProvider } from "wagmi";
import { getConfig, type WalletChain } from "@/lib/wagmi/getConfig";

export type ProvidersProps = {
  /** The DAOs' chains, from the server config (plain data). */
  walletChains: WalletChain[];
  /** The request's wagmi cookie(s), for `cookieToInitialState`. */
  cookie: string | null;
  children: ReactNode;
};

const themeOptions = { accentColor: "#4f46e5", borderRadius: "medium", fontStack: "system" } as const;
const theme = { lightMode: lightTheme(themeOptions), darkMode: darkTheme({ ...themeOptions, accentColor: "#6366f1" }) };

/** @example <Providers walletChains={chains} cookie={cookie}>{children}</Providers> */
export function Providers({ walletChains, cookie, children }: ProvidersProps) {
  const [config] = useState(() => getConfig(walletChains));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, refetchOnWindowFocus: true } } }),
  );
  const initialState = cookieToInitialState(config, cookie);
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider appInfo={{ appName: "Commons" }} theme={theme} modalSize="compact" locale="en-US">
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
