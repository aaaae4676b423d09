"use client";
/**
 * Sign-In with Ethereum for the drafts pages, as a wallet island that loads the wallet stack as
 * soon as the page is idle. Until then a plain button stands in; a click on it loads the stack and
 * opens RainbowKit's connect modal. After signing in the page re-renders with the session.
 */
import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { walletActionAttribute } from "@/components/web3/earlyWalletClicks";
import { WalletIsland } from "@/components/web3/WalletIsland";
import { loadWalletStack, preloadWithWalletStack } from "@/components/web3/walletStack";
import type { SignInAndRefreshProps } from "./SignInAndRefresh";

const load = () => import("./SignInAndRefresh").then((m) => m.SignInAndRefresh);
const Lazy = lazy(() => load().then((SignInAndRefresh) => ({ default: SignInAndRefresh })));
preloadWithWalletStack(load);

/** @example <SignInPrompt chainId={config.chainId} /> */
export function SignInPrompt(props: SignInAndRefreshProps) {
  return (
    <WalletIsland
      eager
      fallback={
        <Button
          {...walletActionAttribute("connect")}
          onClick={() => loadWalletStack("connect")}
          onPointerEnter={() => loadWalletStack()}
        >
          Connect a wallet to sign in
        </Button>
      }
    >
      <Lazy {...props} />
    </WalletIsland>
  );
}
