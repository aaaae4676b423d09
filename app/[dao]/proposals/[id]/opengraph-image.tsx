/**
 * The link-preview image of a proposal (Open Graph and Twitter): its DAO, title, live state and
 * current result, drawn on request (never cached at build: states and results change).
 */
import { connection } from "next/server";
import { previewSize } from "@/components/og/PreviewCard";
import { previewImage } from "@/components/og/previewImage";
import { chainName } from "@/lib/chain/daoChain";
import { proposalPreview } from "@/lib/og/proposalPreview";
import { isProposalIdParam } from "@/lib/proposals/proposalIdParam";
import { loadDao } from "@/lib/server/loadDao";
import { loadProposal, talliesOf } from "./_components/loadProposal";

export const alt = "The proposal's title, state and current result";
export const size = previewSize;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ dao: string; id: string }> }) {
  await connection();
  const { dao: slug, id } = await params;
  const loaded = await loadDao(slug);
  if (!isProposalIdParam(id) || (loaded.status !== "ready" && loaded.status !== "chainUnreachable")) {
    return new Response(null, { status: 404 });
  }
  const { proposal, live } = await loadProposal(loaded, id);
  if (!proposal && live?.state === undefined) return new Response(null, { status: 404 });
  const tallies = talliesOf(proposal, live);
  return previewImage(
    proposalPreview({
      daoName: loaded.config.name,
      chainName: chainName(loaded.config.chainId),
      id,
      title: proposal?.title ?? "",
      state: live?.state,
      tallies,
      quorum: live?.quorum ?? null,
      countingMode: loaded.status === "ready" ? loaded.dao.countingMode : null,
    }),
  );
}
