"use client";
/**
 * A place in the page for UI that needs the wallet (wagmi hooks, RainbowKit): it shows `fallback`
 * (server-rendered, no wallet code) until the wallet stack has loaded, then its children, rendered
 * by the one `WalletHost` inside the shared providers and portalled here. Nothing around the island
 * remounts when that happens. The fallback stays, the very same element, until the children have
 * rendered (their code and wagmi's loaded), so a click on a fallback button while the wallet code
 * arrives lands on a button that is still there (and still queues its action).
 *
 * The children's code must not be in the page's first bundle, or the point is lost: create
 * islands with `walletIsland(() => import("./MyWagmiThing").then((m) => m.MyWagmiThing))`, which
 * imports the component lazily and fetches it together with the stack. Use `<WalletIsland>`
 * directly only around children that are themselves lazy (React.lazy) or free of wallet code.
 *
 * @example
 * // components/…/SnapshotPowerIsland.tsx
 * "use client";
 * export const SnapshotPowerIsland = walletIsland(() => import("./SnapshotPower").then((m) => m.SnapshotPower));
 * // in a server component: the fallback shows until the wallet stack is there
 * <SnapshotPowerIsland fallback={<Skeleton className="h-5 w-24" />} proposalId={id} />
 */
import {
  type ComponentType,
  lazy,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { cn } from "@/lib/format/cn";
import {
  loadWalletStack,
  preloadWithWalletStack,
  registerWalletIsland,
  subscribeWalletStack,
  type WalletStackStatus,
  walletStackSnapshot,
  whenIdle,
} from "./walletStack";

export type WalletIslandProps = {
  /** Shown until the wallet stack (and the island's own code) has loaded. */
  fallback?: ReactNode;
  /** Load the wallet stack as soon as this island mounts (after hydration, when idle). */
  eager?: boolean;
  /** The island's element takes no box of its own (`display: contents`); "span" inside text. */
  as?: "div" | "span";
  className?: string;
  children: ReactNode;
};

const status = () => walletStackSnapshot().status;
const serverStatus = (): WalletStackStatus => "idle";

/** @example <WalletIsland fallback={<p>Connect a wallet to see your votes.</p>}><LazyVotes /></WalletIsland> */
export function WalletIsland({ fallback = null, eager, as: Element = "div", className, children }: WalletIslandProps) {
  const ready = useSyncExternalStore(subscribeWalletStack, status, serverStatus) === "ready";
  const id = useId();
  const ref = useRef<HTMLElement | null>(null);
  // A callback ref fits both elements `as` may render (an object ref is typed to one of them).
  const attach = useCallback((node: HTMLElement | null) => {
    ref.current = node;
  }, []);
  // Set by the host when the children have rendered in the portal, unset if they suspend or fail.
  const [contentShown, setContentShown] = useState(false);
  // Layout effect: the host renders the portal in the same frame, so the fallback never flickers away.
  useLayoutEffect(() => {
    const node = ref.current;
    if (!ready || !node) return;
    return registerWalletIsland({ id, node, children, onContent: setContentShown });
  }, [ready, id, children]);
  useEffect(() => {
    if (eager) return whenIdle(() => loadWalletStack());
  }, [eager]);
  return (
    <Element ref={attach} className={cn("contents", className)}>
      {ready && contentShown ? null : fallback}
    </Element>
  );
}

/**
 * Makes a wallet island out of a lazily imported component: its code is fetched alongside the
 * wallet stack, never with the page. Call it once, at module level (like `React.lazy`). Props pass through (from a server component: serialisable
 * ones); `fallback` shows until it can render.
 *
 * @example
 * export const VotingPowerIsland = walletIsland(() => import("./VotingPower").then((m) => m.VotingPower));
 */
export function walletIsland<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(() => load().then((Component) => ({ default: Component })));
  preloadWithWalletStack(load);
  // biome-ignore lint/correctness/noComponentHookFactories: a factory called once per island, at module level (like React.lazy).
  function Island({ fallback, ...props }: P & { fallback?: ReactNode }) {
    return (
      <WalletIsland fallback={fallback}>
        <Lazy {...(props as unknown as P)} />
      </WalletIsland>
    );
  }
  return Island;
}
