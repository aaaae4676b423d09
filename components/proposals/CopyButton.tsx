"use client";
/**
 * Copies a value (an address, calldata) to the clipboard and says so to sighted and screen reader
 * users alike. Renders nothing useful without JavaScript, which is fine: the value is on the page.
 */
import { useEffect, useState } from "react";
import { cn } from "@/lib/format/cn";

export type CopyButtonProps = {
  value: string;
  /** What is copied, for the accessible name: "Copy address 0x…". */
  label: string;
  className?: string;
};

/** @example <CopyButton value={address} label={`address ${address}`} /> */
export function CopyButton({ value, label, className }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setState("copied"),
          () => setState("failed"),
        );
      }}
      className={cn(
        "inline-flex h-6 shrink-0 items-center rounded-md border border-border px-1.5 text-muted-foreground text-xs hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-accent focus-visible:outline-offset-2",
        className,
      )}
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}</span>
    </button>
  );
}
