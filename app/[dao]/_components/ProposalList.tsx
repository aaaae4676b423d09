/**
 * One page of a DAO's proposals, optionally filtered by live state (see `proposalRows`). The
 * indexer or the chain being down is said in the page, never a crash: without the indexer there
 * is no list; without the chain the states read "Unknown" and no state filter can be applied.
 */
import Link from "next/link";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { LinkPending } from "@/components/ui/LinkPending";
import { type ProposalStateFilter, proposalStateFilters } from "@/lib/chain/proposalStates";
import { labelMap } from "@/lib/format/labelMap";
import { IndexerNotFoundError, IndexerUnavailableError } from "@/lib/indexer/client";
import { ensProfilesFor } from "@/lib/server/ens";
import { ProposalRow, type RowToken } from "./ProposalRow";
import { PAGE_SIZE, type ProposalRowsResult, proposalRows, scanLimit, type UsableDao } from "./proposalRows";
import { listHref } from "./StateFilterNav";

function IndexerProblem({ error, slug }: { error: unknown; slug: string }) {
  console.error(`[commons] listing proposals of "${slug}" failed:`, error);
  if (error instanceof IndexerNotFoundError) {
    return (
      <Alert tone="error" title="The indexer does not know this DAO">
        The indexer answered but has no DAO “{slug}”. Make sure the app and the indexer read the same DAO config.
      </Alert>
    );
  }
  if (error instanceof IndexerUnavailableError) {
    return (
      <Alert tone="error" title="The proposal index is unreachable">
        Proposals cannot be listed until the indexer is back. Everything read from the chain, including your wallet and
        voting power, still works. Reload the page to try again.
      </Alert>
    );
  }
  return (
    <Alert tone="error" title="The proposal index gave an unexpected answer">
      Proposals cannot be listed right now. Reload the page to try again.
    </Alert>
  );
}

function Pagination({
  page,
  filter,
  q,
  result,
}: {
  page: number;
  filter: ProposalStateFilter | undefined;
  q: string;
  result: ProposalRowsResult;
}) {
  const pageCount = result.total === null ? null : Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (page === 1 && !result.hasNext) return null;
  const linkClass = buttonClass({ variant: "secondary", size: "sm" });
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={listHref(filter, q, page - 1)} className={linkClass} rel="prev">
          ← Newer
          <LinkPending />
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted-foreground">
        Page {page}
        {pageCount ? ` of ${pageCount}` : ""}
      </span>
      {result.hasNext ? (
        <Link href={listHref(filter, q, page + 1)} className={linkClass} rel="next">
          Older →
          <LinkPending />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

function EmptyList({ filter, q, page }: { filter: ProposalStateFilter | undefined; q: string; page: number }) {
  const stateName = filter ? proposalStateFilters[filter].label.toLowerCase() : "";
  let message = "No proposals yet";
  let detail = "Proposals appear here as soon as they are created on chain.";
  if (page > 1) {
    message = "No proposals on this page";
    detail = "The list is shorter than that.";
  } else if (q) {
    message = "No proposals match your search";
    detail = filter ? `Nothing ${stateName} matches “${q}”.` : `Nothing matches “${q}”.`;
  } else if (filter) {
    message = `No ${stateName} proposals`;
    detail = "States are read live from the chain; this changes as proposals move on.";
  }
  return (
    <div className="rounded-xl border border-border border-dashed px-6 py-14 text-center">
      <p className="font-medium">{message}</p>
      <p className="mt-1 text-muted-foreground text-sm">{detail}</p>
      {q || page > 1 || filter ? (
        <Link href="?" className={buttonClass({ variant: "secondary", size: "sm", className: "mt-4" })}>
          Show all proposals
        </Link>
      ) : null}
    </div>
  );
}

export type ProposalListProps = {
  loaded: UsableDao;
  filter: ProposalStateFilter | undefined;
  page: number;
  q: string;
};

/** @example <ProposalList loaded={loaded} filter="active" page={1} q="" /> */
export async function ProposalList({ loaded, filter, page, q }: ProposalListProps) {
  const { slug } = loaded.config;
  let result: ProposalRowsResult;
  try {
    result = await proposalRows(loaded, filter, page, q);
  } catch (error) {
    return <IndexerProblem error={error} slug={slug} />;
  }

  if (filter && result.chainProblem) {
    return (
      <ChainProblemAlert problem={result.chainProblem}>
        Filtering by state needs the live states, read from the chain, so it cannot be done right now.{" "}
        <Link href={listHref(undefined, q)} className="underline underline-offset-2">
          Show all proposals
        </Link>{" "}
        instead (their states will read Unknown).
      </ChainProblemAlert>
    );
  }

  const truncatedNote = result.scanTruncated ? (
    <Alert tone="info">
      Only the newest {scanLimit.toLocaleString("en-US")} proposals were checked for this filter. Search by title or
      proposer to look further back.
    </Alert>
  ) : null;

  if (result.rows.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        {truncatedNote}
        <EmptyList filter={filter} q={q} page={page} />
      </div>
    );
  }

  const token: RowToken | null =
    loaded.status === "ready"
      ? { decimals: loaded.dao.tokenDecimals, symbol: loaded.dao.tokenSymbol, countingMode: loaded.dao.countingMode }
      : null;
  const labels = Object.fromEntries(labelMap(loaded.config.labels));
  const profiles = await ensProfilesFor(
    loaded.config,
    result.rows.map(({ proposal }) => proposal.proposer as `0x${string}`),
  );
  return (
    <div className="flex flex-col gap-4">
      {result.chainProblem ? (
        <ChainProblemAlert problem={result.chainProblem}>
          Proposal states are read live from the chain, so they are shown as Unknown. The list itself comes from the
          indexer and is up to date.
        </ChainProblemAlert>
      ) : null}
      {truncatedNote}
      <ul aria-label="Proposals" className="flex flex-col gap-3">
        {result.rows.map(({ proposal, live }) => (
          <ProposalRow
            key={proposal.id}
            slug={slug}
            proposal={proposal}
            live={live}
            clock={result.clock}
            token={token}
            labels={labels}
            proposer={profiles.get(proposal.proposer.toLowerCase())}
          />
        ))}
      </ul>
      <Pagination page={page} filter={filter} q={q} result={result} />
    </div>
  );
}
