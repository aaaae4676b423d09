/**
 * The switch that loads the wallet stack (wagmi, RainbowKit, TanStack Query, viem's client code:
 * ~300 KB gzip) only when a page needs it, after the page is usable. Read-only pages never pay for
 * it unless the reader touches the wallet button or a wallet was connected before (wagmi cookie).
 *
 * A browser-side store shared by three small pieces:
 * - `WalletHost` (root layout) renders the one provider tree once the stack has loaded;
 * - `WalletIsland` marks where wagmi-using UI goes, shows its fallback until then, and registers
 *   its content here so the host renders it into the island through a portal (inside the
 *   providers, without remounting anything around the island);
 * - buttons call `loadWalletStack("connect")` to load it and open RainbowKit's modal.
 *
 * Imported by client components only. On the server the snapshot is always "idle".
 */
import type { ComponentType, ReactNode } from "react";
import type { ProvidersProps } from "@/components/providers";

export type WalletStackStatus = "idle" | "loading" | "ready" | "error";

/** Something the reader asked for before the stack arrived, done as soon as it has. */
export type WalletAction = "connect" | "account";

export type WalletIslandEntry = {
  id: string;
  node: HTMLElement;
  children: ReactNode;
  /** Told when the children have rendered (true) and when they are gone again (false): the island shows its fallback till then. */
  onContent: (shown: boolean) => void;
};

export type WalletStackState = {
  status: WalletStackStatus;
  /** The lazily loaded provider tree, once loaded. */
  Providers: ComponentType<ProvidersProps> | null;
  islands: readonly WalletIslandEntry[];
  action: WalletAction | null;
};

const serverState: WalletStackState = { status: "idle", Providers: null, islands: [], action: null };
let state: WalletStackState = serverState;
const listeners = new Set<() => void>();
const preloads = new Set<() => Promise<unknown>>();

function update(patch: Partial<WalletStackState>) {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** For `useSyncExternalStore`. */
export function subscribeWalletStack(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For `useSyncExternalStore`. */
export function walletStackSnapshot(): WalletStackState {
  return state;
}

/** For `useSyncExternalStore`: the server and hydration always see the stack unloaded. */
export function walletStackServerSnapshot(): WalletStackState {
  return serverState;
}

/**
 * Also fetch this module whenever the stack loads, in parallel with it, instead of after it (a
 * wallet island's lazily imported component). Returns a function that forgets it.
 */
export function preloadWithWalletStack(load: () => Promise<unknown>): () => void {
  preloads.add(load);
  if (state.status === "loading" || state.status === "ready") void load().catch(() => undefined);
  return () => preloads.delete(load);
}

/**
 * Loads the wallet stack (once; later calls only add their action). With an action, RainbowKit's
 * connect or account modal opens as soon as the stack is there.
 *
 * @example <button onClick={() => loadWalletStack("connect")}>Connect wallet</button>
 */
export function loadWalletStack(action?: WalletAction): void {
  if (action) update({ action });
  if (state.status === "loading" || state.status === "ready") return;
  update({ status: "loading" });
  for (const load of preloads) void load().catch(() => undefined);
  import("./walletBundle").then(
    (module) => update({ status: "ready", Providers: module.Providers }),
    (error: unknown) => {
      console.error("[commons] the wallet code failed to load:", error);
      update({ status: "error", action: null });
    },
  );
}

/**
 * Marks the loaded stack as failed (it threw while rendering): islands show their fallbacks again,
 * and the next `loadWalletStack` (a click on a fallback button) tries once more.
 */
export function failWalletStack(): void {
  update({ status: "error", Providers: null, islands: [], action: null });
}

/** Takes the pending action (the provider tree performs it). */
export function takeWalletAction(): WalletAction | null {
  const { action } = state;
  if (action) update({ action: null });
  return action;
}

/** Registers (or updates) an island's content; returns the function that removes it. */
export function registerWalletIsland(entry: WalletIslandEntry): () => void {
  update({ islands: [...state.islands.filter((island) => island.id !== entry.id), entry] });
  return () => {
    // Only remove the entry this call added: a re-registration may have replaced it already.
    if (state.islands.includes(entry)) update({ islands: state.islands.filter((island) => island !== entry) });
  };
}

/**
 * Runs `task` once the browser is idle (after `timeout` ms at the latest); returns a canceller.
 *
 * @example useEffect(() => whenIdle(() => loadWalletStack()), []);
 */
export function whenIdle(task: () => void, timeout = 2_000): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(task, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 200);
  return () => window.clearTimeout(handle);
}
