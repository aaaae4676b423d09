"use client";
/**
 * A remote image from untrusted markdown, not loaded until the reader asks: loading it tells the
 * image's host who is reading (IP, time, often a tracking query string). The placeholder names
 * the host; once loaded the image is sent no referrer.
 */
import { useState } from "react";
import { revealInvisible } from "../../lib/markdown/invisibleCharacters";

export type RemoteImageProps = { src: string; alt: string };

/** @example <RemoteImage src="https://example.org/chart.png" alt="Budget chart" /> */
export function RemoteImage({ src, alt }: RemoteImageProps) {
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const host = new URL(src).host;
  const label = revealInvisible(alt.trim());
  if (state === "idle") {
    return (
      <span className="my-2 inline-flex max-w-full flex-wrap items-center gap-2 rounded-lg border border-border border-dashed px-3 py-2 text-muted-foreground text-sm">
        <span className="break-all">{label ? `Image: ${label}` : "Image"}</span>
        <button
          type="button"
          onClick={() => setState("loading")}
          className="rounded-md border border-border bg-card px-2 py-1 font-medium text-foreground text-xs hover:bg-muted focus-visible:outline-2 focus-visible:outline-accent focus-visible:outline-offset-2"
        >
          Load image from {host}
        </button>
      </span>
    );
  }
  if (state === "failed") {
    return (
      <span className="my-2 inline-block rounded-lg border border-border border-dashed px-3 py-2 text-muted-foreground text-sm">
        The image from {host} could not be loaded here.{" "}
        <a href={src} target="_blank" rel="noopener noreferrer nofollow" className="underline">
          Open it in a new tab
        </a>
      </span>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: a remote, user-chosen image; next/image would proxy it through this server.
    <img
      src={src}
      alt={label}
      referrerPolicy="no-referrer"
      decoding="async"
      onError={() => setState("failed")}
      className="my-2 h-auto max-w-full rounded-md"
    />
  );
}
