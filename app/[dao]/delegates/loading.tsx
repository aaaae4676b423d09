/** Shown while the delegates directory's server work (config probe, indexer, chain) is in flight. */
import { Skeleton } from "@/components/ui/skeleton";
import { DelegateDirectorySkeleton } from "./_components/DelegateDirectory";

export default function Loading() {
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
