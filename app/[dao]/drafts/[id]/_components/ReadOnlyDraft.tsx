/**
 * A draft as anyone with its link sees it: read-only, with a clear author line (who wrote it,
 * when it was last edited), the description exactly as the proposal would carry it (the safe
 * markdown renderer), each action in words (or "not complete yet"), and, once every action is
 * complete, the whole sequence simulated on a fork of the chain.
 */
import Link from "next/link";
import { getAddress } from "viem";
import { AddressView } from "@/components/address/AddressView";
import { Markdown } from "@/components/markdown/Markdown";
import { SimulationPreview } from "@/components/simulation/SimulationPreview";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { type Draft, draftTitle } from "@/lib/drafts/draftInput";
import { formatDate } from "@/lib/format/formatDate";
import { shortProposalId } from "@/lib/format/shortProposalId";
import { actionKindLabels, type BuilderContext, encodeAction } from "@/lib/proposals/builder/actions";
import { type DescribeContext, describeAction } from "@/lib/proposals/builder/describeAction";
import { composeDescription } from "@/lib/proposals/builder/description";

export type ReadOnlyDraftProps = {
  draft: Draft;
  slug: string;
  explorer?: string;
  /** null when the chain is unreachable: actions are then listed by kind only. */
  context: { builder: BuilderContext; describe: DescribeContext } | null;
};

/** @example <ReadOnlyDraft draft={draft} slug="commons" context={context} /> */
export function ReadOnlyDraft({ draft, slug, explorer, context }: ReadOnlyDraftProps) {
  const description = composeDescription({
    title: draftTitle(draft),
    body: draft.body,
    discussionUrl: draft.discussionUrl,
  });
  const updated = new Date(draft.updatedAt);
  const encoded = context ? draft.actions.map((action, index) => encodeAction(action, index, context.builder)) : [];
  const complete = encoded.length > 0 && encoded.every((result) => result.ok);
  // Full calldatas: what the executor runs (signatures only matter to a Bravo governor's propose).
  const content = complete
    ? {
        targets: encoded.flatMap((result) => (result.ok ? [result.action.target] : [])),
        values: encoded.flatMap((result) => (result.ok ? [result.action.value] : [])),
        calldatas: encoded.flatMap((result) => (result.ok ? [result.action.calldata] : [])),
      }
    : null;
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-muted-foreground text-sm">Draft proposal · read-only</p>
        <h1 className="break-words font-semibold text-2xl tracking-tight [overflow-wrap:anywhere]">
          {draftTitle(draft)}
        </h1>
        <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm" data-testid="draft-author">
          <span className="text-muted-foreground">Written by</span>
          <AddressView address={getAddress(draft.author)} explorer={explorer} full />
          <span className="text-muted-foreground">
            · last edited <time dateTime={updated.toISOString()}>{formatDate(updated, { time: true })}</time>
          </span>
        </p>
        {draft.proposalId ? (
          <p className="text-sm">
            Proposed on chain as{" "}
            <Link href={`/${slug}/proposals/${draft.proposalId}`} className="font-medium underline underline-offset-2">
              proposal #{shortProposalId(draft.proposalId)}
            </Link>
            .
          </p>
        ) : (
          <p className="text-muted-foreground text-sm">Not proposed on chain yet; its author may still change it.</p>
        )}
      </header>
      <Card>
        <CardHeader>
          <CardTitle>Description</CardTitle>
        </CardHeader>
        <CardContent>
          <Markdown>{description}</Markdown>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Actions</CardTitle>
        </CardHeader>
        <CardContent>
          {draft.actions.length === 0 ? (
            <p className="text-muted-foreground text-sm">No actions yet.</p>
          ) : (
            <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm">
              {draft.actions.map((action, index) => {
                const result = encoded[index];
                return (
                  <li key={action.id} className="break-words [overflow-wrap:anywhere]">
                    {result?.ok && context
                      ? describeAction(result.action, context.describe)
                      : `${actionKindLabels[action.kind]} (not complete yet)`}
                  </li>
                );
              })}
            </ol>
          )}
        </CardContent>
      </Card>
      {content && context ? (
        <Card>
          <CardContent className="pt-5">
            <SimulationPreview
              slug={slug}
              content={content}
              dao={{
                governor: context.describe.contracts.governor,
                timelock: context.describe.contracts.timelock,
                token: context.describe.contracts.token,
                tokenSymbol: context.describe.governanceToken.symbol,
                labels: context.describe.labels,
              }}
            />
          </CardContent>
        </Card>
      ) : null}
    </article>
  );
}
