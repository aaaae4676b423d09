"use client";
/**
 * The description as the proposal page will show it: the very same renderer (components/markdown/
 * Markdown, with its safety rules: raw HTML as text, only http(s)/mailto links, images loaded on
 * click, invisible characters revealed, bounded work), run in the browser. Imported lazily, so the
 * markdown code is fetched after the form is usable, not with it.
 */
import { useDeferredValue } from "react";
import { Markdown } from "@/components/markdown/Markdown";

export type DescriptionPreviewProps = { description: string };

/** @example <DescriptionPreview description={built.description} /> */
export function DescriptionPreview({ description }: DescriptionPreviewProps) {
  // Typing stays responsive: a long body re-renders when the browser has time.
  const deferred = useDeferredValue(description);
  return <Markdown>{deferred}</Markdown>;
}
