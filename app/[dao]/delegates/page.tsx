/**
 * The delegates directory: who holds voting power, sorted by it (from the indexer), with search
 * by address (or ENS name, when the DAO has ENS: lib/server/ens), share of supply, delegators and participation. Paginated
 * and searched with URL parameters, so it works without JavaScript.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageParam, type SearchParams, textParam } from "@/lib/routing/searchParams";
import { ensClientFor } from "@/lib/server/ens";
import { loadDao } from "@/lib/server/loadDao";
import { DelegateDirectory } from "./_components/DelegateDirectory";
import { DelegateSearch } from "./_components/DelegateSearch";

type Props = { params: Promise<{ dao: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Delegates" };

export default async function DelegatesPage({ params, searchParams }: Props) {
  const [{ dao: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  // The layout shows the config error in place of the page.
  if (loaded.status === "misconfigured") return null;
  const page = pageParam(query.page);
  const q = textParam(query.q);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-semibold text-2xl tracking-tight">Delegates</h1>
          <p className="mt-1 text-muted-foreground text-sm">
            Everyone holding or receiving voting power, largest first.
          </p>
        </div>
        <DelegateSearch q={q} ens={(await ensClientFor(loaded.config)) !== null} className="w-full sm:w-72" />
      </div>
      <DelegateDirectory loaded={loaded} page={page} q={q} />
      <section aria-labelledby="delegate-figures" className="text-muted-foreground text-sm">
        <h2 id="delegate-figures" className="font-medium text-foreground">
          About these figures
        </h2>
        <dl className="mt-2 grid gap-2 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">Voting power</dt>
          <dd>
            Votes delegated to the address (its own tokens count only once it delegates to itself), as indexed from the
            token’s DelegateVotesChanged events.
          </dd>
          <dt className="font-medium">Share</dt>
          <dd>
            Voting power ÷ the token’s total supply (<code>totalSupply()</code>, read live from the chain).
          </dd>
          <dt className="font-medium">Delegators</dt>
          <dd>Accounts whose current delegate is this address, itself included.</dd>
          <dt className="font-medium">Participation</dt>
          <dd>
            Of the proposals whose voting has closed (canceled ones aside) and at whose snapshot the delegate had voting
            power above zero — so they could have voted — the share they voted on.
          </dd>
        </dl>
      </section>
    </div>
  );
}
