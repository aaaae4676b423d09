/**
 * One draft. Its author (signed in) gets the editor: the propose form, autosaved to this device
 * and the server, with "Submit on-chain". Everyone else with the link gets it read-only, with a
 * clear author line. The id is 128 random bits: the link is the only way to find it.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignInPrompt } from "@/components/auth/SignInPrompt";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { Alert } from "@/components/ui/alert";
import { chainTableEntry, daoExplorerUrl } from "@/lib/chain/daoChain";
import { draftTitle } from "@/lib/drafts/draftInput";
import { writeDaoOf } from "@/lib/governor/writeDao";
import { pageSessionAddress } from "@/lib/server/auth";
import { loadDraft } from "@/lib/server/drafts";
import { isDraftId } from "@/lib/server/drafts/draftsStore";
import { loadDao, problemOf } from "@/lib/server/loadDao";
import { loadTreasuryTokens } from "@/lib/server/loadTreasuryTokens";
import { DraftEditor } from "./_components/DraftEditor";
import { ReadOnlyDraft } from "./_components/ReadOnlyDraft";

type Props = { params: Promise<{ dao: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dao, id } = await params;
  const draft = isDraftId(id) ? await loadDraft(dao, id) : null;
  // Shared links must not be indexed by search engines.
  const robots = { index: false, follow: false };
  return typeof draft === "object" && draft ? { title: `Draft: ${draftTitle(draft)}`, robots } : { robots };
}

export default async function DraftPage({ params }: Props) {
  const { dao: slug, id } = await params;
  if (!isDraftId(id)) notFound();
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return null;
  const [draft, address] = await Promise.all([loadDraft(slug, id), pageSessionAddress()]);
  const back = (
    <Link href={`/${slug}/drafts`} className="w-fit text-muted-foreground text-sm hover:text-foreground">
      ← My drafts
    </Link>
  );
  if (draft === "unavailable") {
    return (
      <div className="flex flex-col gap-6">
        {back}
        <Alert tone="error" title="Drafts are unavailable">
          The app’s database did not answer. Nothing typed on this device is lost; reload the page in a moment.
        </Alert>
      </div>
    );
  }
  if (!draft) notFound();
  const { config } = loaded;
  const chain = chainTableEntry(config.chainId);
  const native = { symbol: chain?.nativeCurrency.symbol ?? "ETH", decimals: chain?.nativeCurrency.decimals ?? 18 };
  const isAuthor = address !== null && address.toLowerCase() === draft.author;

  if (loaded.status !== "ready") {
    return (
      <div className="flex flex-col gap-6">
        {back}
        <ChainProblemAlert problem={problemOf(loaded)}>
          Editing a draft needs the DAO’s chain (to check its actions), so it is shown read-only; reload the page to try
          again.
        </ChainProblemAlert>
        <ReadOnlyDraft draft={draft} slug={slug} explorer={daoExplorerUrl(config)} context={null} />
      </div>
    );
  }
  const { dao } = loaded;
  const executor = dao.timelock ?? dao.governor;
  const holdings = await loadTreasuryTokens(config, dao.token, executor);

  if (!isAuthor) {
    return (
      <div className="flex flex-col gap-6">
        <ReadOnlyDraft
          draft={draft}
          slug={slug}
          explorer={daoExplorerUrl(config)}
          context={{
            builder: { native, tokens: holdings.tokens },
            describe: {
              contracts: { governor: dao.governor, token: dao.token, timelock: dao.timelock },
              governanceToken: { symbol: dao.tokenSymbol, decimals: dao.tokenDecimals },
              native,
              tokens: holdings.tokens,
              labels: config.labels ?? {},
            },
          }}
        />
        {address === null ? (
          <div className="flex flex-col gap-2 rounded-xl border border-border border-dashed p-4 text-sm">
            <p className="text-muted-foreground">
              Are you its author? Sign in with the wallet that wrote it to edit it.
            </p>
            <SignInPrompt chainId={config.chainId} />
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {back}
      <div>
        <h1 className="font-semibold text-2xl tracking-tight">Edit draft</h1>
        <p className="mt-1 text-muted-foreground text-sm">
          Every change is kept on this device at once and saved to Commons a second later. Anyone with this page’s link
          can read the draft; only you can change it.
        </p>
      </div>
      <DraftEditor
        draft={draft}
        builder={{
          dao: writeDaoOf(config, dao),
          native,
          treasuryEth: holdings.eth,
          tokens: holdings.tokens,
          tokensProblem: holdings.problem,
          forumHosts: config.forumHosts ?? [],
          labels: config.labels ?? {},
        }}
      />
    </div>
  );
}
