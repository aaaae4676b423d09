/**
 * Drafting a proposal: a title, a markdown body with a live preview (the proposal page's own
 * safe renderer), a discussion link, and ordered actions (ETH or token transfers from the
 * treasury, contract calls, raw calldata). The form is client code without wallet code; only the
 * submit panel (voting power against the threshold, simulations, the propose transaction) is a
 * wallet island. See lib/proposals/builder for parsing, encoding and the description's form.
 *
 * `?draft=<id>` proposes a saved draft (app/[dao]/drafts): the form starts from it, and once the
 * proposal is on chain the draft records its id (checked on chain: the proposer is its author).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { ProposalBuilder } from "@/components/proposalBuilder/ProposalBuilder";
import { Alert } from "@/components/ui/alert";
import { chainTableEntry } from "@/lib/chain/daoChain";
import { draftTitle } from "@/lib/drafts/draftInput";
import { shortProposalId } from "@/lib/format/shortProposalId";
import { writeDaoOf } from "@/lib/governor/writeDao";
import { loadDraft } from "@/lib/server/drafts";
import { isDraftId } from "@/lib/server/drafts/draftsStore";
import { loadDao, problemOf } from "@/lib/server/loadDao";
import { loadTreasuryTokens } from "@/lib/server/loadTreasuryTokens";

type Props = {
  params: Promise<{ dao: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "New proposal" };

export default async function NewProposalPage({ params, searchParams }: Props) {
  const [{ dao: slug }, search] = await Promise.all([params, searchParams]);
  const draftId = typeof search.draft === "string" && isDraftId(search.draft) ? search.draft : null;
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  // The layout shows the config error in place of the page.
  if (loaded.status === "misconfigured") return null;
  const back = (
    <Link href={`/${slug}`} className="w-fit text-muted-foreground text-sm hover:text-foreground">
      ← All proposals
    </Link>
  );
  if (loaded.status !== "ready") {
    return (
      <div className="flex flex-col gap-6">
        {back}
        <h1 className="font-semibold text-2xl tracking-tight">New proposal</h1>
        <ChainProblemAlert problem={problemOf(loaded)}>
          Proposing needs the DAO’s chain. Reload the page to try again.
        </ChainProblemAlert>
      </div>
    );
  }
  const { config, dao } = loaded;
  const executor = dao.timelock ?? dao.governor;
  const holdings = await loadTreasuryTokens(config, dao.token, executor);
  const chain = chainTableEntry(config.chainId);
  const draft = draftId ? await loadDraft(slug, draftId) : null;
  const fromDraft =
    draft && draft !== "unavailable"
      ? {
          id: draft.id,
          version: draft.version,
          form: {
            title: draft.title,
            body: draft.body,
            discussionUrl: draft.discussionUrl,
            actions: draft.actions,
            nextId: draft.nextId,
          },
        }
      : null;
  return (
    <div className="flex flex-col gap-6">
      {back}
      <div>
        <h1 className="font-semibold text-2xl tracking-tight">New proposal</h1>
        <p className="mt-1 text-muted-foreground text-sm">
          Describe what you propose and what the {dao.timelock ? "timelock (the treasury)" : "governor"} will execute if
          it passes. Your draft is kept in this browser tab until you submit it.{" "}
          <Link href={`/${slug}/drafts`} className="underline underline-offset-2 hover:text-foreground">
            Save drafts to come back to and share: My drafts
          </Link>
          .
        </p>
      </div>
      {draftId && draft === "unavailable" ? (
        <Alert tone="warning" title="The draft could not be loaded">
          The app’s database did not answer, so the form is not filled in from your draft. Reload in a moment.
        </Alert>
      ) : null}
      {draftId && draft === null ? (
        <Alert tone="warning" title="No such draft">
          The draft in this link does not exist (in this DAO). The form starts empty.
        </Alert>
      ) : null}
      {draft && draft !== "unavailable" ? (
        <Alert tone="info" title="Filled in from your draft">
          From{" "}
          <Link href={`/${slug}/drafts/${draft.id}`} className="font-medium underline underline-offset-2">
            {draftTitle(draft)}
          </Link>
          . Once the proposal is on chain, the draft links to it.
          {draft.proposalId ? (
            <>
              {" "}
              It was already proposed as{" "}
              <Link href={`/${slug}/proposals/${draft.proposalId}`} className="underline underline-offset-2">
                #{shortProposalId(draft.proposalId)}
              </Link>
              .
            </>
          ) : null}
        </Alert>
      ) : null}
      <ProposalBuilder
        dao={writeDaoOf(config, dao)}
        native={{ symbol: chain?.nativeCurrency.symbol ?? "ETH", decimals: chain?.nativeCurrency.decimals ?? 18 }}
        treasuryEth={holdings.eth}
        tokens={holdings.tokens}
        tokensProblem={holdings.problem}
        forumHosts={config.forumHosts ?? []}
        labels={config.labels ?? {}}
        fromDraft={fromDraft}
      />
    </div>
  );
}
