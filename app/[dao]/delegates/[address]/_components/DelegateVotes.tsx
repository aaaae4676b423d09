/**
 * Every vote an address cast on the DAO's governor, newest first: the proposal (by title, linking
 * to its page), the side, the weight and the reason as safe plain text. Paginated by URL.
 */
import Link from "next/link";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { PageLinks } from "@/components/ui/PageLinks";
import { RevealedText } from "@/components/ui/RevealedText";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { shortProposalId } from "@/lib/format/shortProposalId";
import type { IndexedVoterVote, Page } from "@/lib/indexer/types";

const supportNames: Record<number, { label: string; variant: BadgeVariant }> = {
  0: { label: "Against", variant: "danger" },
  1: { label: "For", variant: "success" },
  2: { label: "Abstain", variant: "neutral" },
};

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export type DelegateVotesProps = {
  slug: string;
  votes: Page<IndexedVoterVote>;
  page: number;
  pageSize: number;
  decimals: number;
  symbol: string;
  /** The page's other search parameters, kept by the pagination links. */
  keep: Record<string, string | undefined>;
};

/** @example <DelegateVotes slug="demo" votes={page} page={1} pageSize={20} decimals={18} symbol="COMM" keep={{}} /> */
export function DelegateVotes({ slug, votes, page, pageSize, decimals, symbol, keep }: DelegateVotesProps) {
  if (votes.items.length === 0) {
    return (
      <p className="rounded-xl border border-border border-dashed px-6 py-10 text-center text-muted-foreground text-sm">
        {page > 1 ? "No votes on this page." : "This address has not voted on any proposal yet."}
      </p>
    );
  }
  const pageCount = Math.max(1, Math.ceil(votes.total / pageSize));
  return (
    <div className="flex flex-col gap-3">
      <ul aria-label="Votes" className="flex flex-col gap-3">
        {votes.items.map((vote) => {
          const support = supportNames[vote.support] ?? { label: `Type ${vote.support}`, variant: "outline" as const };
          const title = vote.proposalTitle?.trim() || `Proposal #${shortProposalId(vote.proposalId)}`;
          const cast = new Date(vote.timestamp * 1000);
          return (
            <li
              key={`${vote.proposalId}:${vote.tx}`}
              className="rounded-xl border border-border bg-card px-4 py-3 shadow-xs"
            >
              <div className="flex items-start justify-between gap-3">
                <Link
                  href={`/${slug}/proposals/${vote.proposalId}`}
                  className="min-w-0 break-words font-medium hover:underline"
                >
                  {title}
                </Link>
                <Badge variant={support.variant}>{support.label}</Badge>
              </div>
              <p className="mt-1 flex flex-wrap gap-x-3 text-muted-foreground text-xs">
                <span className="tabular-nums">
                  {formatTokenAmount(BigInt(vote.weight), decimals)} {symbol}
                </span>
                <time dateTime={cast.toISOString()}>{dateFormat.format(cast)}</time>
              </p>
              {vote.reason ? (
                <blockquote className="mt-2 border-border border-l-2 pl-3 text-sm">
                  <span className="sr-only">Reason: </span>
                  <RevealedText text={vote.reason} className="block max-h-60 overflow-y-auto whitespace-pre-wrap" />
                </blockquote>
              ) : null}
            </li>
          );
        })}
      </ul>
      <PageLinks
        label="Votes pages"
        param="votesPage"
        page={page}
        pageCount={pageCount}
        keep={keep}
        previousText="← Newer"
        nextText="Older →"
        hash="votes"
      />
    </div>
  );
}
