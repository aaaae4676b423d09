/** Shown while a DAO page's server work (config probe, indexer, chain) is in flight. */
import { Skeleton } from "@/components/ui/skeleton";
import { ProposalListSkeleton } from "./_components/ProposalList";

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
      <div className="flex gap-1.5 overflow-hidden">
        {[12, 16, 18, 36, 22, 52].map((width) => (
          <Skeleton key={width} className="h-8 shrink-0 rounded-full" style={{ width: `${width * 0.25}rem` }} />
        ))}
      </div>
      <ProposalListSkeleton />
    </div>
  );
}
