/**
 * The votes cast on a proposal, from the indexer: voter, side, weight and reason (untrusted, shown
 * as safe plain text), sortable by weight or recency, filterable by side, paginated. Controls are
 * links carrying URL search parameters, so everything works without JavaScript.
 *
 * Voters show their verified ENS name and avatar when the DAO has ENS (lib/server/ens), their
 * identicon otherwise.
 *
 * A split vote (fractional counting) shows as a split, "For 600 · Against 300 · Abstain 100",
 * never as one side; an NFT DAO's weights are whole votes ("3 votes").
 */
import Link from "next/link";
import { AddressView } from "@/components/address/AddressView";
import { SafeText } from "@/components/markdown/SafeText";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { AccountProfile } from "@/lib/chain/ensNames";
import { cn } from "@/lib/format/cn";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { formatDate } from "@/lib/format/formatDate";
import type { IndexedVote, Page } from "@/lib/indexer/types";
import { formatVotes, isSplitVote, splitVoteText, type VoteUnit } from "@/lib/proposals/splitVote";
import { type SupportName, supportNames, type VoteQuery, voteQueryHref } from "@/lib/proposals/voteListQuery";
import { getDaoConfig } from "@/lib/server/daos";
import { ensProfilesFor } from "@/lib/server/ens";
import { getIndexer } from "@/lib/server/indexer";
import { Section } from "./Section";

export const votesPageSize = 20;

const supportLabel: Record<number, { label: string; variant: BadgeVariant }> = {
  0: { label: "Against", variant: "danger" },
  1: { label: "For", variant: "success" },
  2: { label: "Abstain", variant: "neutral" },
};

export type VotesSectionProps = {
  slug: string;
  proposalId: string;
  query: VoteQuery;
  /** How weights read (ERC721Votes weights read as votes). */
  token: { decimals: number; symbol: string; kind: VoteUnit["kind"] } | null;
  labels: ReadonlyMap<string, string>;
  explorer?: string;
};

function ControlLinks<T extends string>({
  label,
  options,
  current,
  href,
}: {
  label: string;
  options: readonly { value: T; text: string }[];
  current: T;
  href: (value: T) => string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-1.5">
      <span className="mr-1 text-muted-foreground text-xs">{label}</span>
      {options.map((option) => (
        <Link
          key={option.value}
          href={href(option.value)}
          scroll={false}
          aria-current={option.value === current ? "true" : undefined}
          className={cn(
            "rounded-full border px-2.5 py-0.5 text-xs",
            option.value === current
              ? "border-accent bg-accent text-accent-foreground"
              : "border-border text-foreground hover:bg-muted",
          )}
        >
          {option.text}
        </Link>
      ))}
    </nav>
  );
}

function VoteItem({
  vote,
  token,
  labels,
  explorer,
  profile,
}: { vote: IndexedVote; profile: AccountProfile | undefined } & Omit<
  VotesSectionProps,
  "slug" | "proposalId" | "query"
>) {
  const split = token ? splitVoteText(vote, token) : isSplitVote(vote) ? "split" : null;
  const support =
    split !== null
      ? { label: "Split", variant: "accent" as const }
      : (supportLabel[vote.support] ?? { label: `Other (${vote.support})`, variant: "outline" as const });
  const weight = BigInt(vote.weight);
  const txHref = explorerUrl(explorer, { tx: vote.tx });
  const when = new Date(vote.timestamp * 1000);
  return (
    <li className="flex min-w-0 flex-col gap-1.5 py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <AddressView
          address={vote.voter}
          label={labels.get(vote.voter.toLowerCase())}
          name={profile?.name}
          avatar={profile?.avatar}
          explorer={explorer}
        />
        <span className="flex items-center gap-2">
          <Badge variant={support.variant}>{support.label}</Badge>
          <span className="font-medium text-sm tabular-nums">
            {token ? formatVotes(weight, token) : weight.toString()}
          </span>
        </span>
      </div>
      {split !== null && token ? (
        <p className="text-muted-foreground text-sm tabular-nums">
          <span className="sr-only">Split: </span>
          {split}
        </p>
      ) : null}
      {vote.reason.trim() !== "" ? (
        <blockquote className="max-h-64 overflow-y-auto border-border border-l-2 pl-3 text-sm">
          <SafeText as="p">{vote.reason}</SafeText>
        </blockquote>
      ) : null}
      <p className="text-muted-foreground text-xs">
        <time dateTime={when.toISOString()}>{formatDate(when, { time: true })}</time> · block {vote.block}
        {txHref ? (
          <>
            {" · "}
            <a
              href={txHref}
              target="_blank"
              rel="noopener noreferrer"
              className="text-accent underline underline-offset-2"
            >
              transaction
            </a>
          </>
        ) : null}
      </p>
    </li>
  );
}

async function fetchVotes(slug: string, proposalId: string, query: VoteQuery): Promise<Page<IndexedVote> | Error> {
  try {
    return await getIndexer().listVotes(slug, proposalId, {
      limit: votesPageSize,
      offset: (query.page - 1) * votesPageSize,
      support: query.support === undefined ? undefined : supportNames[query.support],
      sort: query.sort,
    });
  } catch (error) {
    console.error(`[commons] listing votes of proposal ${proposalId} of "${slug}" failed:`, error);
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** @example <VotesSection slug="demo" proposalId={id} query={query} … /> */
export async function VotesSection({ slug, proposalId, query, token, labels, explorer }: VotesSectionProps) {
  const page = await fetchVotes(slug, proposalId, query);
  const supportOptions = [
    { value: "all", text: "All" },
    { value: "for", text: "For" },
    { value: "against", text: "Against" },
    { value: "abstain", text: "Abstain" },
  ] as const;
  const controls = (
    <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:justify-between">
      <ControlLinks
        label="Show"
        options={supportOptions}
        current={query.support ?? "all"}
        href={(value) =>
          voteQueryHref(query, { support: value === "all" ? undefined : (value as SupportName), page: 1 })
        }
      />
      <ControlLinks
        label="Sort"
        options={[
          { value: "weight", text: "By weight" },
          { value: "recent", text: "Most recent" },
        ]}
        current={query.sort}
        href={(value) => voteQueryHref(query, { sort: value, page: 1 })}
      />
      <a
        href={`/${encodeURIComponent(slug)}/proposals/${proposalId}/votes.csv`}
        download
        className="self-start text-accent text-sm underline sm:self-center"
      >
        Download every vote (CSV)
      </a>
    </div>
  );
  if (page instanceof Error) {
    return (
      <Section id="votes" title="Votes">
        <Alert tone="error" title="Votes unavailable">
          The proposal index did not answer, so the list of votes cannot be shown. The tallies above are read from the
          chain. Reload the page to try again.
        </Alert>
      </Section>
    );
  }
  const config = getDaoConfig(slug);
  const profiles = config
    ? await ensProfilesFor(
        config,
        page.items.map((vote) => vote.voter as `0x${string}`),
      )
    : new Map();
  const pageCount = Math.max(1, Math.ceil(page.total / votesPageSize));
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.items.length;
  return (
    <Section
      id="votes"
      title="Votes"
      aside={`${page.total.toLocaleString("en-US")} ${page.total === 1 ? "vote" : "votes"}${query.support ? ` ${query.support}` : ""}`}
    >
      {controls}
      {page.items.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          {query.page > 1
            ? "No votes on this page."
            : query.support
              ? `No ${query.support} votes yet.`
              : "No votes yet."}
        </p>
      ) : (
        <ol aria-label="Votes list" className="flex flex-col divide-y divide-border">
          {page.items.map((vote) => (
            <VoteItem
              key={`${vote.tx}:${vote.voter}`}
              vote={vote}
              token={token}
              labels={labels}
              explorer={explorer}
              profile={profiles.get(vote.voter.toLowerCase())}
            />
          ))}
        </ol>
      )}
      {page.total > votesPageSize || query.page > 1 ? (
        <nav aria-label="Votes pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
          {query.page > 1 ? (
            <Link
              href={voteQueryHref(query, { page: Math.min(query.page - 1, pageCount) })}
              scroll={false}
              rel="prev"
              className={buttonClass({ variant: "secondary", size: "sm" })}
            >
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted-foreground">
            {first}–{last} of {page.total.toLocaleString("en-US")}
          </span>
          {query.page < pageCount ? (
            <Link
              href={voteQueryHref(query, { page: query.page + 1 })}
              scroll={false}
              rel="next"
              className={buttonClass({ variant: "secondary", size: "sm" })}
            >
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Section>
  );
}
