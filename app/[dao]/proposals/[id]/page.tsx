/**
 * A proposal, minimally: title, live state, proposer, tallies and the description as plain text.
 * (The full page, with markdown, actions and votes, comes with the voting issue.)
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProposalStateBadge } from "@/components/proposals/ProposalStateBadge";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { type ProposalState, readProposalStates } from "@/lib/chain/proposalStates";
import { getPublicClient } from "@/lib/chain/publicClient";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { shortAddress } from "@/lib/format/shortAddress";
import { shortProposalId } from "@/lib/format/shortProposalId";
import { IndexerNotFoundError } from "@/lib/indexer/client";
import type { IndexedProposal } from "@/lib/indexer/types";
import { getIndexer } from "@/lib/server/indexer";
import { loadDao } from "@/lib/server/loadDao";

type Props = { params: Promise<{ dao: string; id: string }> };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

async function fetchProposal(slug: string, id: string): Promise<IndexedProposal | "unavailable" | null> {
  try {
    return await getIndexer().getProposal(slug, id);
  } catch (error) {
    if (error instanceof IndexerNotFoundError) return null;
    console.error(`[commons] reading proposal ${id} of "${slug}" failed:`, error);
    return "unavailable";
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dao: slug, id } = await params;
  if (!/^\d{1,78}$/.test(id)) return {};
  const proposal = await fetchProposal(slug, id);
  return typeof proposal === "object" && proposal ? { title: proposal.title.trim() || "Untitled proposal" } : {};
}

export default async function ProposalPage({ params }: Props) {
  const { dao: slug, id } = await params;
  if (!/^\d{1,78}$/.test(id)) notFound();
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return null;
  const back = (
    <Link href={`/${slug}`} className="text-muted-foreground text-sm hover:text-foreground">
      ← All proposals
    </Link>
  );

  const proposal = await fetchProposal(slug, id);
  if (proposal === null) notFound();
  if (proposal === "unavailable") {
    return (
      <div className="flex flex-col gap-6">
        {back}
        <Alert tone="error" title="The proposal index is unreachable">
          This proposal cannot be shown until the indexer is back. Reload the page to try again.
        </Alert>
      </div>
    );
  }

  let state: ProposalState | undefined;
  let chainDown = loaded.status !== "ready";
  if (loaded.status === "ready") {
    try {
      [state] = await readProposalStates(getPublicClient(loaded.config), loaded.config.governor, [BigInt(id)]);
    } catch (error) {
      console.error(`[commons] reading the state of proposal ${id} failed:`, error);
      chainDown = true;
    }
  }
  const token = loaded.status === "ready" ? loaded.dao : null;
  const amount = (value: string) =>
    token ? `${formatTokenAmount(BigInt(value), token.tokenDecimals, { compact: true })} ${token.tokenSymbol}` : "—";
  const created = new Date(proposal.createdTimestamp * 1000);

  return (
    <article className="flex flex-col gap-6">
      {back}
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3 text-muted-foreground text-sm">
          <ProposalStateBadge state={state} />
          <span className="font-mono" title={proposal.id}>
            #{shortProposalId(proposal.id)}
          </span>
          <span>
            by{" "}
            <span className="font-mono" title={proposal.proposer}>
              {shortAddress(proposal.proposer)}
            </span>
          </span>
          <time dateTime={created.toISOString()}>{dateFormat.format(created)} UTC</time>
        </div>
        <h1 className="break-words font-semibold text-2xl tracking-tight">
          {proposal.title.trim() || "Untitled proposal"}
        </h1>
      </header>
      {chainDown ? (
        <Alert tone="warning" title="Live state unavailable">
          The chain’s RPC did not answer, so this proposal’s state is shown as Unknown.
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Votes</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-3 gap-4 text-sm">
            {(
              [
                ["For", proposal.forVotes],
                ["Against", proposal.againstVotes],
                ["Abstain", proposal.abstainVotes],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="mt-1 font-medium tabular-nums">{amount(value)}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Description</CardTitle>
        </CardHeader>
        <CardContent>
          {/* Plain text on purpose: the description is untrusted; markdown rendering arrives with sanitising. */}
          <div className="whitespace-pre-wrap break-words text-sm leading-relaxed">{proposal.description}</div>
        </CardContent>
      </Card>
    </article>
  );
}
