/**
 * One page of a DAO's proposals: the list from the indexer, the live state of each from one
 * multicall. The indexer or the chain being down is said in the page, never a crash: without the
 * indexer there is no list; without the chain the states read "Unknown".
 */
import Link from "next/link";
import { ProposalStateBadge } from "@/components/proposals/ProposalStateBadge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { ProposalState } from "@/lib/chain/proposalStates";
import { readProposalStates } from "@/lib/chain/proposalStates";
import { getPublicClient } from "@/lib/chain/publicClient";
import { cn } from "@/lib/format/cn";
import { shortAddress } from "@/lib/format/shortAddress";
import { shortProposalId } from "@/lib/format/shortProposalId";
import { IndexerNotFoundError, IndexerUnavailableError } from "@/lib/indexer/client";
import type { IndexedProposal, Page } from "@/lib/indexer/types";
import { getIndexer } from "@/lib/server/indexer";
import type { LoadedDao } from "@/lib/server/loadDao";

export const PAGE_SIZE = 20;

type UsableDao = Extract<LoadedDao, { status: "ready" | "chainUnreachable" }>;

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

async function liveStates(
  loaded: UsableDao,
  items: IndexedProposal[],
): Promise<{ states: (ProposalState | undefined)[]; chainDown: boolean }> {
  if (loaded.status !== "ready") return { states: items.map(() => undefined), chainDown: true };
  try {
    const ids = items.map((proposal) => BigInt(proposal.id));
    return {
      states: await readProposalStates(getPublicClient(loaded.config), loaded.config.governor, ids),
      chainDown: false,
    };
  } catch (error) {
    // The RPC URL may carry an API key: details go to the server log, not the page.
    console.error(`[commons] reading proposal states of "${loaded.config.slug}" failed:`, error);
    return { states: items.map(() => undefined), chainDown: true };
  }
}

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

/** Share of each side in the votes cast, as integer tenths of a percent. */
function voteShares(proposal: IndexedProposal): { for: number; against: number; abstain: number } | null {
  const forVotes = BigInt(proposal.forVotes);
  const against = BigInt(proposal.againstVotes);
  const abstain = BigInt(proposal.abstainVotes);
  const total = forVotes + against + abstain;
  if (total === 0n) return null;
  const share = (part: bigint) => Number((part * 1000n) / total) / 10;
  return { for: share(forVotes), against: share(against), abstain: share(abstain) };
}

function VoteSummary({ proposal }: { proposal: IndexedProposal }) {
  const shares = voteShares(proposal);
  const votes = `${proposal.voteCount.toLocaleString("en-US")} ${proposal.voteCount === 1 ? "vote" : "votes"}`;
  if (!shares) return <span className="text-muted-foreground">No votes</span>;
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span aria-hidden="true" className="flex h-1.5 w-20 shrink-0 overflow-hidden rounded-full bg-muted">
        <span className="bg-emerald-500" style={{ width: `${shares.for}%` }} />
        <span className="bg-rose-500" style={{ width: `${shares.against}%` }} />
        <span className="bg-zinc-400" style={{ width: `${shares.abstain}%` }} />
      </span>
      <span className="truncate">
        {votes}
        <span className="sr-only">
          : {shares.for}% for, {shares.against}% against, {shares.abstain}% abstain
        </span>
      </span>
    </span>
  );
}

function ProposalRow({
  slug,
  proposal,
  state,
  labels,
}: {
  slug: string;
  proposal: IndexedProposal;
  state: ProposalState | undefined;
  labels: Record<string, string>;
}) {
  const title = proposal.title.trim() || "Untitled proposal";
  const proposer = labels[proposal.proposer.toLowerCase()] ?? shortAddress(proposal.proposer);
  const created = new Date(proposal.createdTimestamp * 1000);
  return (
    <li className="relative rounded-xl border border-border bg-card px-4 py-4 shadow-xs transition-colors has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-accent hover:border-zinc-300 sm:px-5 dark:hover:border-zinc-700">
      <div className="flex items-start justify-between gap-3">
        <h2 className="min-w-0 break-words font-medium leading-snug">
          <Link
            href={`/${slug}/proposals/${proposal.id}`}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
          >
            {title}
          </Link>
        </h2>
        <ProposalStateBadge state={state} className="relative" />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-muted-foreground text-xs">
        <span className="font-mono" title={`Proposal ${proposal.id}`}>
          #{shortProposalId(proposal.id)}
        </span>
        <span>
          by{" "}
          <span className="font-mono" title={proposal.proposer}>
            {proposer}
          </span>
        </span>
        <time dateTime={created.toISOString()}>{dateFormat.format(created)}</time>
        <VoteSummary proposal={proposal} />
      </div>
    </li>
  );
}

function Pagination({ page, pageCount, q }: { page: number; pageCount: number; q: string }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `?${search}` : "?";
  };
  const linkClass = buttonClass({ variant: "secondary", size: "sm" });
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted-foreground">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** @example <ProposalList loaded={loaded} page={1} q="" /> */
export async function ProposalList({ loaded, page, q }: { loaded: UsableDao; page: number; q: string }) {
  const { slug } = loaded.config;
  let result: Page<IndexedProposal>;
  try {
    result = await getIndexer().listProposals(slug, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      q: q || undefined,
    });
  } catch (error) {
    return <IndexerProblem error={error} slug={slug} />;
  }
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));

  if (result.items.length === 0) {
    let message = "No proposals yet";
    let detail = "Proposals appear here as soon as they are created on chain.";
    if (q) {
      message = "No proposals match your search";
      detail = `Nothing matches “${q}”.`;
    } else if (page > 1) {
      message = "No proposals on this page";
      detail = `There are ${pageCount} page${pageCount === 1 ? "" : "s"}.`;
    }
    return (
      <div className="rounded-xl border border-border border-dashed px-6 py-14 text-center">
        <p className="font-medium">{message}</p>
        <p className="mt-1 text-muted-foreground text-sm">{detail}</p>
        {q || page > 1 ? (
          <Link href="?" className={buttonClass({ variant: "secondary", size: "sm", className: "mt-4" })}>
            Show the newest proposals
          </Link>
        ) : null}
      </div>
    );
  }

  const { states, chainDown } = await liveStates(loaded, result.items);
  const labels = Object.fromEntries(
    Object.entries(loaded.config.labels ?? {}).map(([address, label]) => [address.toLowerCase(), label]),
  );
  return (
    <div className="flex flex-col gap-4">
      {chainDown ? (
        <Alert tone="warning" title="Live states unavailable">
          The chain’s RPC did not answer, so proposal states are shown as Unknown. The list itself comes from the
          indexer and is up to date.
        </Alert>
      ) : null}
      <ul aria-label="Proposals" className="flex flex-col gap-3">
        {result.items.map((proposal, index) => (
          <ProposalRow key={proposal.id} slug={slug} proposal={proposal} state={states[index]} labels={labels} />
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} q={q} />
    </div>
  );
}

/** The list's shape while it loads. */
export function ProposalListSkeleton({ className }: { className?: string }) {
  return (
    <ul aria-hidden="true" className={cn("flex flex-col gap-3", className)}>
      {[0, 1, 2, 3].map((key) => (
        <li key={key} className="rounded-xl border border-border bg-card px-5 py-4">
          <div className="flex items-start justify-between gap-3">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-16 rounded-full" />
          </div>
          <Skeleton className="mt-3 h-3 w-1/2" />
        </li>
      ))}
    </ul>
  );
}
