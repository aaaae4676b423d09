/**
 * A skeleton while a delegate's page reads the indexer and the chain, shown during client-side
 * navigations only: a document load gets the whole page, so it works without JavaScript and a
 * missing page answers 404 (components/StreamOnNavigation).
 */
import type { ReactNode } from "react";
import { StreamOnNavigation } from "@/components/StreamOnNavigation";
import { Skeleton } from "@/components/ui/skeleton";

function Loading() {
  return (
    <div className="flex flex-col gap-8" aria-busy="true">
      <p className="sr-only" role="status">
        Loading…
      </p>
      <Skeleton className="h-4 w-28" />
      <div>
        <Skeleton className="h-8 w-56" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-36 w-full rounded-xl" />
      <Skeleton className="h-48 w-full rounded-xl" />
      <Skeleton className="h-32 w-full rounded-xl" />
    </div>
  );
}

export default function Layout({ children }: { children: ReactNode }) {
  return <StreamOnNavigation fallback={<Loading />}>{children}</StreamOnNavigation>;
}
