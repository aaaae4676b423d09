/**
 * Root layout: reads the DAO config (a bad config renders a page naming the field instead of the
 * app). The wallet stack is not part of it: `WalletHost` loads it after the page is usable, right
 * away (when idle) if wagmi's cookie says a wallet is connected, else on the first wallet click
 * (counted even before hydration: components/web3/earlyWalletClicks.ts).
 */
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ConfigErrorView } from "@/components/ConfigErrorView";
import { earlyWalletClickScript } from "@/components/web3/earlyWalletClicks";
import { WalletHost } from "@/components/web3/WalletHost";
import { chainInfoOf } from "@/lib/chain/daoChain";
import { findMulticall3, peekMulticall3 } from "@/lib/chain/multicall3";
import { getPublicClient } from "@/lib/chain/publicClient";
import { ConfigError } from "@/lib/config/ConfigError";
import { nonceOf } from "@/lib/security/contentSecurityPolicy";
import { getDaos } from "@/lib/server/daos";
import { metadataBaseFor } from "@/lib/server/publicOrigin";
import type { WalletChain } from "@/lib/wagmi/getConfig";
import { requestAccount } from "@/lib/wagmi/requestAccount";

const description = "Read proposals, vote and delegate in your DAO's on-chain governance.";

/**
 * Link previews: absolute URLs from the public origin (COMMONS_PUBLIC_ORIGIN, else the request's
 * host), and a large image card wherever a page has a preview image (app/[dao]/opengraph-image…).
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: metadataBaseFor(await headers()),
    title: { default: "Commons", template: "%s · Commons" },
    description,
    openGraph: { siteName: "Commons", type: "website", title: "Commons", description },
    twitter: { card: "summary_large_image" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

/**
 * Each DAO's chain for the browser, with Multicall3 when the server has already found it on the
 * chain (found in the background otherwise: the browser then batches its few reads over JSON-RPC).
 */
function walletChainsOrError(): { walletChains: WalletChain[] } | { error: ConfigError } {
  try {
    const walletChains = getDaos().map((dao) => {
      const client = getPublicClient(dao);
      const multicall3 = peekMulticall3(client);
      if (multicall3 === undefined) findMulticall3(client).catch(() => undefined);
      return chainInfoOf(dao, multicall3 ?? null);
    });
    return { walletChains };
  } catch (error) {
    if (error instanceof ConfigError) return { error };
    throw error;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const loaded = walletChainsOrError();
  const connected = (await requestAccount()) !== null;
  const nonce = nonceOf((await headers()).get("content-security-policy"));
  return (
    <html lang="en">
      <body>
        {/* Wallet buttons count clicks from first paint, before hydration (earlyWalletClicks.ts). */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of our own module, no input in it. */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: earlyWalletClickScript }} />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        {"error" in loaded ? (
          <ConfigErrorView error={loaded.error} />
        ) : (
          <>
            {children}
            <WalletHost walletChains={loaded.walletChains} restore={connected} />
          </>
        )}
      </body>
    </html>
  );
}
