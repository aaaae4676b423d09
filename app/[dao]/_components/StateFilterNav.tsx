/**
 * The state filter of the proposals list: plain links (`?state=active`…), so it works before any
 * JavaScript and every filtered view has its own URL. Scrolls sideways on a phone.
 */
import Link from "next/link";
import { LinkPending } from "@/components/ui/LinkPending";
import { type ProposalStateFilter, proposalStateFilters } from "@/lib/chain/proposalStates";
import { cn } from "@/lib/format/cn";

/** The list URL for a filter and search, page 1. */
export function listHref(filter: ProposalStateFilter | undefined, q: string, page = 1): string {
  const params = new URLSearchParams();
  if (filter) params.set("state", filter);
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "?";
}

const options: { filter: ProposalStateFilter | undefined; label: string }[] = [
  { filter: undefined, label: "All" },
  ...Object.entries(proposalStateFilters).map(([filter, { label }]) => ({
    filter: filter as ProposalStateFilter,
    label,
  })),
];

/** @example <StateFilterNav current="active" q="" /> */
export function StateFilterNav({
  current,
  q,
  className,
}: {
  current: ProposalStateFilter | undefined;
  q: string;
  className?: string;
}) {
  return (
    <nav
      aria-label="Filter by state"
      className={cn("-mx-4 -my-1 overflow-x-auto px-4 py-1 sm:-mx-1 sm:px-1", className)}
    >
      <ul className="flex w-max gap-1.5 sm:w-auto sm:flex-wrap">
        {options.map(({ filter, label }) => {
          const selected = filter === current;
          return (
            <li key={label}>
              <Link
                href={listHref(filter, q)}
                aria-current={selected ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center whitespace-nowrap rounded-full border px-3 font-medium text-sm transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent",
                  selected
                    ? "border-accent bg-accent text-accent-foreground"
                    : "border-border bg-card text-muted-foreground hover:text-foreground",
                )}
              >
                {label}
                <LinkPending />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
