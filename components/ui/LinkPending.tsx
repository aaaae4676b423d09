"use client";
/**
 * A small dot inside a next/link that pulses while the page it leads to is on its way: pages are
 * sent whole (no skeleton streams in first), so a click on a section, filter or page link says at
 * once that something is happening. Decorative: the browser's own busy state covers screen readers.
 */
import { useLinkStatus } from "next/link";
import { cn } from "@/lib/format/cn";

/** @example <Link href="/demo/delegates">Delegates<LinkPending /></Link> */
export function LinkPending({ className }: { className?: string }) {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      className={cn(
        "ml-1.5 inline-block size-1.5 rounded-full bg-current align-middle transition-opacity",
        pending ? "animate-pulse opacity-70" : "opacity-0",
        className,
      )}
    />
  );
}
