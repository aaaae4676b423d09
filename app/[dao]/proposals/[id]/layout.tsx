/**
 * A skeleton while a proposal's page loads (indexer, then one multicall to the chain), shown
 * during client-side navigations only: a document load gets the whole page, so it works without
 * JavaScript and a missing page answers 404 (components/StreamOnNavigation).
 */
import type { ReactNode } from "react";
import { StreamOnNavigation } from "@/components/StreamOnNavigation";
import { Skeleton } from "@/components/ui/skeleton";

function Loading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the proposal…
      </p>
      <Skeleton className="h-4 w-28" />
      <div className="flex flex-col gap-3">
        <Skeleton className="h-5 w-64 max-w-full" />
        <Skeleton className="h-8 w-[32rem] max-w-full" />
      </div>
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex flex-col gap-6 lg:col-start-2 lg:row-start-1">
          <Skeleton className="h-56 w-full rounded-xl" />
          <Skeleton className="h-40 w-full rounded-xl" />
        </div>
        <div className="flex flex-col gap-6 lg:col-start-1 lg:row-start-1">
          <Skeleton className="h-96 w-full rounded-xl" />
          <Skeleton className="h-40 w-full rounded-xl" />
        </div>
      </div>
    </div>
  );
}

export default function Layout({ children }: { children: ReactNode }) {
  return <StreamOnNavigation fallback={<Loading />}>{children}</StreamOnNavigation>;
}
