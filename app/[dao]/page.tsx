/**
 * A DAO's proposals, newest first, from the indexer, each with its live state and quorum from the
 * chain; filterable by live state (`?state=`), searchable (`?q=`), paginated (`?page=`).
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { proposalStateFilter } from "@/lib/chain/proposalStates";
import { singleLineText } from "@/lib/format/singleLineText";
import { loadDao } from "@/lib/server/loadDao";
import { ProposalList } from "./_components/ProposalList";
import { ProposalSearch } from "./_components/ProposalSearch";
import { StateFilterNav } from "./_components/StateFilterNav";

type Props = {
  params: Promise<{ dao: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function pageNumber(value: string | string[] | undefined): number {
  const page = typeof value === "string" && /^\d{1,5}$/.test(value) ? Number(value) : 1;
  return Math.max(page, 1);
}

/** The search as typed, made safe to echo like a proposal title (no bidi or invisible characters). */
function searchQuery(value: string | string[] | undefined): string {
  return typeof value === "string" ? singleLineText(value.slice(0, 400)).slice(0, 100) : "";
}

export default async function ProposalsPage({ params, searchParams }: Props) {
  const [{ dao: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  // The layout shows the config error in place of the page.
  if (loaded.status === "misconfigured") return null;
  const page = pageNumber(query.page);
  const q = searchQuery(query.q);
  const filter = proposalStateFilter(query.state);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-semibold text-2xl tracking-tight">Proposals</h1>
          <p className="mt-1 text-muted-foreground text-sm">Newest first. States are read live from the chain.</p>
        </div>
        <div className="flex w-full flex-wrap items-center gap-3 sm:w-auto">
          <ProposalSearch q={q} filter={filter} className="min-w-0 flex-1 sm:w-72 sm:flex-none" />
          <Link
            href={`/${loaded.config.slug}/drafts`}
            className={buttonClass({ variant: "secondary", className: "shrink-0" })}
          >
            My drafts
          </Link>
          <Link href={`/${loaded.config.slug}/proposals/new`} className={buttonClass({ className: "shrink-0" })}>
            New proposal
          </Link>
        </div>
      </div>
      <StateFilterNav current={filter} q={q} />
      <ProposalList loaded={loaded} filter={filter} page={page} q={q} />
    </div>
  );
}
