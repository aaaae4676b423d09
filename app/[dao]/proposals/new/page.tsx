/**
 * Drafting a proposal: a title, a markdown body with a live preview (the proposal page's own
 * safe renderer), a discussion link, and ordered actions (ETH or token transfers from the
 * treasury, contract calls, raw calldata). The form is client code without wallet code; only the
 * submit panel (voting power against the threshold, simulations, the propose transaction) is a
 * wallet island. See lib/proposals/builder for parsing, encoding and the description's form.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { knownChain } from "@/lib/chains";
import { writeDaoOf } from "@/lib/governor/writeDao";
import { loadDao } from "@/lib/server/loadDao";
import { loadTreasuryTokens } from "./_components/loadTreasuryTokens";
import { ProposalBuilder } from "./_components/ProposalBuilder";

type Props = { params: Promise<{ dao: string }> };

export const metadata: Metadata = { title: "New proposal" };

export default async function NewProposalPage({ params }: Props) {
  const { dao: slug } = await params;
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
        <Alert tone="warning" title="The chain does not answer">
          Proposing needs the DAO’s chain, and its RPC did not answer. Reload the page to try again.
        </Alert>
      </div>
    );
  }
  const { config, dao } = loaded;
  const executor = dao.timelock ?? dao.governor;
  const holdings = await loadTreasuryTokens(config, dao.token, executor);
  const chain = knownChain(config.chainId);
  return (
    <div className="flex flex-col gap-6">
      {back}
      <div>
        <h1 className="font-semibold text-2xl tracking-tight">New proposal</h1>
        <p className="mt-1 text-muted-foreground text-sm">
          Describe what you propose and what the {dao.timelock ? "timelock (the treasury)" : "governor"} will execute if
          it passes. Your draft is kept in this browser tab until you submit it.
        </p>
      </div>
      <ProposalBuilder
        dao={writeDaoOf(config, dao)}
        executor={executor}
        native={{ symbol: chain?.nativeCurrency.symbol ?? "ETH", decimals: chain?.nativeCurrency.decimals ?? 18 }}
        treasuryEth={holdings.eth}
        tokens={holdings.tokens}
        tokensProblem={holdings.problem}
        forumHosts={config.forumHosts ?? []}
        labels={config.labels ?? {}}
      />
    </div>
  );
}
