/** A plain GET form searching proposals by title or proposer; works without JavaScript. */
import type { ProposalStateFilter } from "@/lib/chain/proposalStates";
import { cn } from "@/lib/format/cn";

export function ProposalSearch({
  q,
  filter,
  className,
}: {
  q: string;
  /** Kept across a search, so searching within "Active" stays within "Active". */
  filter?: ProposalStateFilter;
  className?: string;
}) {
  return (
    <search className={cn("flex", className)}>
      <form method="get" className="w-full">
        {filter ? <input type="hidden" name="state" value={filter} /> : null}
        <label htmlFor="proposal-search" className="sr-only">
          Search proposals
        </label>
        <input
          id="proposal-search"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={100}
          placeholder="Search title or proposer"
          className="h-10 w-full rounded-lg border border-border bg-card px-3 text-sm placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-accent"
        />
      </form>
    </search>
  );
}
