/**
 * A skeleton while the delegates directory's server work (config probe, indexer, chain) is in
 * flight, shown during client-side navigations only: a document load gets the whole page, so it
 * works without JavaScript and a missing page answers 404 (components/StreamOnNavigation).
 */
import type { ReactNode } from "react";
import { StreamOnNavigation } from "@/components/StreamOnNavigation";
import { Skeleton } from "@/components/ui/skeleton";
import { DelegateDirectorySkeleton } from "./_components/DelegateDirectory";

function Loading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading…
      </p>
      <div>
        <Skeleton className="h-8 w-40" />
        <Skeleton className="mt-2 h-4 w-72 max-w-full" />
      </div>
      <DelegateDirectorySkeleton />
    </div>
  );
}

export default function Layout({ children }: { children: ReactNode }) {
  return <StreamOnNavigation fallback={<Loading />}>{children}</StreamOnNavigation>;
}
