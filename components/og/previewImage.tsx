/**
 * Renders a PreviewCard to the PNG a link preview shows, with next/og (its bundled font only: the
 * texts must come through lib/og/previewText), and records the card's title in the PNG's metadata
 * (lib/og/pngText). Served with a short public cache: states and results change.
 */
import { ImageResponse } from "next/og";
import { withPngText } from "@/lib/og/pngText";
import { PreviewCard, type PreviewCardProps, previewSize } from "./PreviewCard";

/** @example return previewImage({ eyebrow: "Demo DAO · Foundry", title: "Fund the grants program" }); */
export async function previewImage(card: PreviewCardProps): Promise<Response> {
  const rendered = new ImageResponse(<PreviewCard {...card} />, previewSize);
  const png = withPngText(new Uint8Array(await rendered.arrayBuffer()), "Title", card.title);
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=300" },
  });
}
