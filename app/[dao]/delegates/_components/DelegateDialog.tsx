"use client";
/**
 * The directory's "Delegate" buttons and the one dialog they open: "Delegate to <name>", with the
 * connected account's figures and the delegate button (a wallet island, loaded when the dialog
 * first opens, so the directory itself carries no wallet code). Not a native modal <dialog>: the
 * wallet's own connect modal must be able to open above it. Tab and Shift+Tab cycle within the
 * dialog (a focus trap that leaves the wallet's modal alone when focus is in it); Escape or "Close"
 * returns the focus to the row's button.
 */
import { useEffect, useId, useRef, useSyncExternalStore } from "react";
import { DelegateToIsland } from "@/components/delegation/islands";
import { SafeText } from "@/components/markdown/SafeText";
import { Button } from "@/components/ui/button";
import { loadWalletStack } from "@/components/web3/walletStack";
import { shortAddress } from "@/lib/format/shortAddress";
import type { WriteDao } from "@/lib/governor/adapter";
import { revealInvisible } from "@/lib/markdown/invisibleCharacters";

type Target = { address: `0x${string}`; name?: string; opener: HTMLElement | null };

let open: Target | null = null;
const listeners = new Set<() => void>();

function setOpen(next: Target | null) {
  open = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type DelegateRowButtonProps = { address: `0x${string}`; name?: string };

/** @example <DelegateRowButton address={delegate.address} name="Lina" /> */
export function DelegateRowButton({ address, name }: DelegateRowButtonProps) {
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-label={`Delegate to ${name ? revealInvisible(name) : shortAddress(address)}`}
      aria-haspopup="dialog"
      onPointerEnter={() => loadWalletStack()}
      onClick={(event) => {
        loadWalletStack();
        setOpen({ address, name, opener: event.currentTarget });
      }}
    >
      Delegate
    </Button>
  );
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab within `dialog`: from its last focusable element back to its first, and the reverse
 * with Shift. Focus elsewhere (the wallet's own modal, opened above) is left alone.
 */
function trapFocus(event: KeyboardEvent, dialog: HTMLElement) {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && dialog.contains(active);
  if (!inside && active && active !== document.body) return;
  const items = [...dialog.querySelectorAll<HTMLElement>(focusable)].filter((item) => item.getClientRects().length > 0);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const index = inside ? items.indexOf(active) : -1;
  if (event.shiftKey && index <= 0) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || index === items.length - 1)) {
    event.preventDefault();
    first.focus();
  }
}

/** @example <DelegateDialog dao={writeDaoOf(config, dao)} /> */
export function DelegateDialog({ dao }: { dao: WriteDao }) {
  const target = useSyncExternalStore(
    subscribe,
    () => open,
    () => null,
  );
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!target) return;
    headingRef.current?.focus();
    const opener = target.opener;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) setOpen(null);
      if (event.key === "Tab" && dialogRef.current) trapFocus(event, dialogRef.current);
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [target]);

  if (!target) return null;
  // Names come from the config's labels or ENS: untrusted, shown with hidden characters revealed.
  const name = target.name ? revealInvisible(target.name) : shortAddress(target.address);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop's click is a mouse shortcut; Escape and "Close" do the same.
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
    <div
      className="fixed inset-0 z-50 flex items-end justify-center bg-black/40 sm:items-center sm:p-4"
      onClick={(event) => {
        if (event.target === event.currentTarget) setOpen(null);
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        className="max-h-[90dvh] w-full overflow-y-auto rounded-t-xl border border-border bg-card p-5 shadow-lg sm:max-w-md sm:rounded-xl"
      >
        <div className="flex items-start justify-between gap-3">
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="min-w-0 break-words font-semibold text-lg">
            Delegate to {target.name ? <SafeText>{target.name}</SafeText> : name}
          </h2>
          <Button size="sm" variant="ghost" onClick={() => setOpen(null)}>
            Close
          </Button>
        </div>
        <p className="mt-1 break-all font-mono text-muted-foreground text-xs">{target.address}</p>
        <p className="mt-3 text-sm">
          All the votes your {dao.tokenSymbol} carry will count for {name}, on every proposal whose snapshot comes
          later. Your tokens stay in your wallet, and you can change your delegate at any time.
        </p>
        <div className="mt-4">
          <DelegateToIsland
            key={target.address}
            dao={dao}
            target={target.address}
            targetName={name}
            fallback={<p className="text-muted-foreground text-sm">Loading your wallet…</p>}
          />
        </div>
      </div>
    </div>
  );
}
