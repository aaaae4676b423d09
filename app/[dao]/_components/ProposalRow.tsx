/**
 * One proposal in the list: title (the whole card is its link), state badge, short id, proposer,
 * when voting starts/ends or ended, the For/Against/Abstain split and the progress to quorum.
 * Everything from the chain or the indexer is rendered as text.
 */
import Link from "next/link";
import { AccountName } from "@/components/address/AccountName";
import { ProposalStateBadge } from "@/components/proposals/ProposalStateBadge";
import { type ClockContext, clockToDate, withKnownBlock } from "@/lib/chain/clock";
import type { AccountProfile } from "@/lib/chain/ensNames";
import type { LiveProposal } from "@/lib/chain/proposalStates";
import { formatDate } from "@/lib/format/formatDate";
import { formatDuration } from "@/lib/format/formatDuration";
import { formatShare } from "@/lib/format/formatShare";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { shortProposalId } from "@/lib/format/shortProposalId";
import type { IndexedProposal } from "@/lib/indexer/types";
import { quorumProgress } from "@/lib/proposals/quorumProgress";

export type RowToken = { decimals: number; symbol: string; countingMode: string | null };

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

function QuorumSummary({ proposal, quorum, token }: { proposal: IndexedProposal; quorum: bigint; token: RowToken }) {
  const progress = quorumProgress(
    {
      forVotes: BigInt(proposal.forVotes),
      againstVotes: BigInt(proposal.againstVotes),
      abstainVotes: BigInt(proposal.abstainVotes),
    },
    quorum,
    token.countingMode,
  );
  const amount = (value: bigint) => formatTokenAmount(value, token.decimals, { compact: true });
  const figures = `${amount(progress.counted)} / ${amount(quorum)} ${token.symbol}`;
  const share = formatShare(progress.counted, quorum, 0);
  return (
    <span className="flex min-w-0 items-center gap-2">
      {/* The meter is for assistive tech (and tests); the bar is its look (a native meter's is hard to style). */}
      <meter
        aria-label="Quorum"
        min={0}
        max={100}
        value={progress.percent}
        aria-valuetext={`${progress.reached ? "reached" : share}: ${figures}`}
        className="sr-only"
      />
      <span aria-hidden="true" className="flex h-1.5 w-20 shrink-0 overflow-hidden rounded-full bg-muted">
        <span className={progress.reached ? "bg-emerald-500" : "bg-accent"} style={{ width: `${progress.percent}%` }} />
      </span>
      <span className="min-w-0" title="Votes counted towards quorum / quorum at the snapshot">
        Quorum {progress.reached ? "reached" : share} · {figures}
      </span>
    </span>
  );
}

/** "Ends in ~3 hours", "Voting starts in ~2 hours" or "Ended Nov 12, 2026"; null when none fits. */
function Timing({
  proposal,
  state,
  clock,
}: {
  proposal: IndexedProposal;
  state: LiveProposal["state"];
  clock: ClockContext | null;
}) {
  const created = new Date(proposal.createdTimestamp * 1000);
  const createdText = (
    <time dateTime={created.toISOString()} title="Created">
      Created {formatDate(created)}
    </time>
  );
  if (!clock) return createdText;
  // Dates near the proposal's creation are extrapolated from its block, which the indexer dated.
  const rowClock = withKnownBlock(clock, BigInt(proposal.createdBlock), BigInt(proposal.createdTimestamp));
  const now = Number(clock.headTimestamp) * 1000;
  const relative = (target: bigint, lead: string) => {
    const { date, estimated } = clockToDate(target, rowClock);
    const seconds = Math.max(0, (date.getTime() - now) / 1000);
    const span = seconds < 60 ? "less than a minute" : formatDuration(seconds, 1);
    return (
      <time dateTime={date.toISOString()} title={formatDate(date, { time: true })}>
        {lead} {estimated ? "~" : ""}
        {span}
      </time>
    );
  };
  if (state === "Pending") return relative(BigInt(proposal.voteStart), "Voting starts in");
  if (state === "Active") return relative(BigInt(proposal.voteEnd), "Ends in");
  const end = clockToDate(BigInt(proposal.voteEnd), rowClock);
  // Canceled before its deadline (or the state is unknown and voting is still open): no end yet.
  if (end.date.getTime() > now) return createdText;
  return (
    <time
      dateTime={end.date.toISOString()}
      title={end.estimated ? "Estimated from the chain's block times" : formatDate(end.date, { time: true })}
    >
      Ended {formatDate(end.date)}
    </time>
  );
}

export type ProposalRowProps = {
  slug: string;
  proposal: IndexedProposal;
  live: LiveProposal;
  clock: ClockContext | null;
  token: RowToken | null;
  /** Names for known addresses (config `labels`), keyed by lowercase address. */
  labels: Record<string, string>;
  /** The proposer's verified ENS name and avatar, if any. */
  proposer?: AccountProfile | undefined;
};

/** @example <ProposalRow slug="demo" proposal={p} live={{ state: "Active", quorum }} clock={clock} token={token} labels={{}} /> */
export function ProposalRow({ slug, proposal, live, clock, token, labels, proposer }: ProposalRowProps) {
  const title = proposal.title.trim() || "Untitled proposal";
  const proposerName = labels[proposal.proposer.toLowerCase()] ?? proposer?.name;
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
        <ProposalStateBadge state={live.state} className="relative" />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-muted-foreground text-xs">
        <span className="font-mono" title={`Proposal ${proposal.id}`}>
          #{shortProposalId(proposal.id)}
        </span>
        <span className="inline-flex min-w-0 items-center gap-1">
          by{" "}
          <AccountName
            address={proposal.proposer}
            name={proposerName}
            avatar={proposer?.avatar}
            pictureClassName="size-4"
          />
        </span>
        <Timing proposal={proposal} state={live.state} clock={clock} />
      </div>
      <div className="mt-3 grid gap-x-6 gap-y-2 text-muted-foreground text-xs sm:grid-cols-2">
        <VoteSummary proposal={proposal} />
        {token && live.quorum !== undefined && live.state !== "Pending" ? (
          <QuorumSummary proposal={proposal} quorum={live.quorum} token={token} />
        ) : null}
      </div>
    </li>
  );
}
