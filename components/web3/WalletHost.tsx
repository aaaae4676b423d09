"use client";
/**
 * Where the wallet provider tree lives, once loaded: rendered once per page, beside (not around)
 * the page, so loading it never remounts what the reader is looking at. Every `WalletIsland`'s
 * content is rendered here through a portal into the island's own element; React context flows
 * through portals, so that content sits inside the providers while appearing where it belongs.
 *
 * Loads the stack by itself only when the wagmi cookie says a wallet was connected (to restore
 * the connection), and then only once the browser is idle after hydration; otherwise the first
 * touch of a wallet button loads it (`loadWalletStack`).
 */
import {
  Component,
  type ErrorInfo,
  type ReactNode,
  Suspense,
  useEffect,
  useLayoutEffect,
  useSyncExternalStore,
} from "react";
import { createPortal } from "react-dom";
import type { WalletChain } from "@/lib/wagmi/getConfig";
import { installWalletClickBridge } from "./earlyWalletClicks";
import {
  failWalletStack,
  loadWalletStack,
  subscribeWalletStack,
  walletStackServerSnapshot,
  walletStackSnapshot,
  whenIdle,
} from "./walletStack";

export type WalletHostProps = {
  walletChains: WalletChain[];
  /** The request's wagmi cookie says a wallet is connected: load the stack without waiting for a click. */
  restore: boolean;
};

/**
 * Keeps a failure in wallet code where it happened: an island that throws shows its fallback, and
 * a provider tree that throws puts every island back to its fallback; the page itself stays.
 */
class WalletBoundary extends Component<
  { fallback: ReactNode; onError?: () => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("[commons] wallet UI failed:", error, info.componentStack);
    this.props.onError?.();
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * Tells the island its children have rendered: it sits beside them inside their Suspense boundary,
 * so its layout effect runs only once they commit, and its cleanup when they suspend again or fail.
 */
function ContentShown({ onContent }: { onContent: (shown: boolean) => void }) {
  useLayoutEffect(() => {
    onContent(true);
    return () => onContent(false);
  }, [onContent]);
  return null;
}

/** @example <WalletHost walletChains={chains} restore={cookieAccount(cookie) !== null} /> */
export function WalletHost({ walletChains, restore }: WalletHostProps) {
  const { status, Providers, islands } = useSyncExternalStore(
    subscribeWalletStack,
    walletStackSnapshot,
    walletStackServerSnapshot,
  );
  useEffect(() => {
    if (restore) return whenIdle(() => loadWalletStack());
  }, [restore]);
  // A wallet button clicked before hydration (or inside a part not hydrated yet) counts.
  useEffect(() => installWalletClickBridge(loadWalletStack), []);
  if (status !== "ready" || !Providers) return null;
  return (
    <WalletBoundary fallback={null} onError={failWalletStack}>
      <Providers walletChains={walletChains}>
        {islands.map((island) =>
          createPortal(
            // While the children load (or after they failed) the island shows its own fallback:
            // the same element as before, not a copy of it here.
            <WalletBoundary fallback={null}>
              <Suspense fallback={null}>
                <ContentShown onContent={island.onContent} />
                {island.children}
              </Suspense>
            </WalletBoundary>,
            island.node,
            island.id,
          ),
        )}
      </Providers>
    </WalletBoundary>
  );
}
