/**
 * The link-preview image of a DAO (its pages without one of their own): its name, chain and
 * governor, drawn on request.
 */
import { connection } from "next/server";
import { previewSize } from "@/components/og/PreviewCard";
import { previewImage } from "@/components/og/previewImage";
import { chainName } from "@/lib/chain/daoChain";
import { previewText } from "@/lib/og/previewText";
import { loadDao } from "@/lib/server/loadDao";

export const alt = "The DAO's name and chain";
export const size = previewSize;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ dao: string }> }) {
  await connection();
  const loaded = await loadDao((await params).dao);
  if (loaded.status !== "ready" && loaded.status !== "chainUnreachable") return new Response(null, { status: 404 });
  const { config } = loaded;
  const token =
    loaded.status === "ready" ? ` · votes with ${previewText(loaded.dao.tokenSymbol, 12, "its token")}` : "";
  return previewImage({
    eyebrow: `Governance on ${previewText(chainName(config.chainId), 32, "an EVM chain")}`,
    title: previewText(config.name, 80, "A DAO"),
    detail: `Proposals, votes and delegates${token}`,
  });
}
