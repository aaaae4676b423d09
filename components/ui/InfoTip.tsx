"use client";
/**
 * A small "i" button that shows an explanation while it is hovered or focused: CSS does the
 * showing, so it works without JavaScript and from the keyboard; with JavaScript, Escape hides it
 * until the pointer or focus leaves (WCAG 1.4.13: dismissable without moving). The text is also
 * the button's description for screen readers. (Shared by the delegates, treasury and about pages.)
 */
import { type ReactNode, useEffect, useState } from "react";
import { cn } from "@/lib/format/cn";

export type InfoTipProps = {
  /** Unique on the page: ties the button to its text. */
  id: string;
  /** What the button is about, for its accessible name ("About share of supply"). */
  label: string;
  children: ReactNode;
  className?: string;
  /** Which side of the button the bubble aligns to (keeps it on screen near an edge). */
  align?: "start" | "end";
};

/** @example <InfoTip id="share-tip" label="About share of supply">Voting power ÷ totalSupply()…</InfoTip> */
export function InfoTip({ id, label, children, className, align = "start" }: InfoTipProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const shown = hovered || focused;

  useEffect(() => {
    if (!shown || dismissed) return;
    // On the document: a hovered tip is dismissed wherever the keyboard focus is.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setDismissed(true);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shown, dismissed]);

  useEffect(() => {
    if (!shown) setDismissed(false);
  }, [shown]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: these handlers only track whether the tip shows; the button inside is what is interactive.
    <span
      className={cn("group relative inline-flex align-middle", className)}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <button
        type="button"
        aria-describedby={id}
        className="inline-grid size-4 place-items-center rounded-full border border-current font-semibold text-[10px] text-muted-foreground leading-none hover:text-foreground"
      >
        <span aria-hidden="true">i</span>
        <span className="sr-only">{label}</span>
      </button>
      <span
        role="tooltip"
        id={id}
        className={cn(
          // display:none while hidden, so the bubble never widens the page (it is absolutely positioned).
          "absolute top-full z-20 mt-1.5 hidden w-64 max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-card p-3 text-left font-normal text-card-foreground text-xs normal-case leading-relaxed tracking-normal shadow-lg",
          !dismissed && "group-focus-within:block group-hover:block",
          align === "start" ? "left-0" : "right-0",
        )}
      >
        {children}
      </span>
    </span>
  );
}
