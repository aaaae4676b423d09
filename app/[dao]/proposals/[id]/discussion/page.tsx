/**
 * Adding a discussion link to a proposal, for its proposer: the links it has, and a form whose
 * wallet signature proves the proposer added the new one. Kept off the proposal page so that
 * page's JavaScript stays as it was.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { shortProposalId } from "@/lib/format/shortProposalId";
import { writeDaoOf } from "@/lib/governor/writeDao";
import { chainProposer } from "@/lib/server/chainReads";
import { loadDao, problemOf } from "@/lib/server/loadDao";
import { AddDiscussionLinkIsland } from "./_components/AddDiscussionLinkIsland";

type Props = { params: Promise<{ dao: string; id: string }> };

export const metadata: Metadata = { title: "Add a discussion link" };

export default async function AddDiscussionLinkPage({ params }: Props) {
  const { dao: slug, id } = await params;
  if (!/^\d{1,78}$/.test(id) || BigInt(id) >= 2n ** 256n) notFound();
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return null;
  const back = (
    <Link href={`/${slug}/proposals/${id}`} className="w-fit text-muted-foreground text-sm hover:text-foreground">
      ← Proposal #{shortProposalId(id)}
    </Link>
  );
  let proposer: Awaited<ReturnType<typeof chainProposer>> | "unavailable";
  try {
    proposer = loaded.status === "ready" ? await chainProposer(slug, BigInt(id)) : "unavailable";
  } catch {
    proposer = "unavailable";
  }
  if (proposer === null) notFound();
  return (
    <div className="flex flex-col gap-6">
      {back}
      <div>
        <h1 className="font-semibold text-2xl tracking-tight">Add a discussion link</h1>
        <p className="mt-1 text-muted-foreground text-sm">
          The proposer can point readers to where proposal #{shortProposalId(id)} is discussed.
        </p>
      </div>
      {proposer === "unavailable" || loaded.status !== "ready" ? (
        <ChainProblemAlert problem={problemOf(loaded)}>
          Adding a link needs the proposer read from the DAO’s chain. Reload the page to try again.
        </ChainProblemAlert>
      ) : (
        <AddDiscussionLinkIsland
          dao={writeDaoOf(loaded.config, loaded.dao)}
          proposalId={BigInt(id).toString()}
          proposer={proposer}
          forumHosts={loaded.config.forumHosts ?? []}
        />
      )}
    </div>
  );
}
