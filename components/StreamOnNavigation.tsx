/**
 * A Suspense boundary for client-side navigations only. When the app navigates (JavaScript
 * running, a fetch of the next page), the skeleton shows at once and the content streams in. When
 * a browser loads a document — with JavaScript off, a crawler, the first visit — the page is sent
 * whole: no skeleton stuck on screen without the script that swaps it out, and a page that does
 * not exist answers 404 instead of a 200 already sent with the skeleton.
 *
 * Told apart by Sec-Fetch-Dest ("document" for a page load, "empty" for the router's fetch); a
 * client that sends none gets the whole page.
 */
import { headers } from "next/headers";
import { type ReactNode, Suspense } from "react";

/** @example <StreamOnNavigation fallback={<ListSkeleton />}><ProposalList … /></StreamOnNavigation> */
export async function StreamOnNavigation({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const destination = (await headers()).get("sec-fetch-dest");
  if (destination === null || destination === "document" || destination === "iframe") return children;
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
