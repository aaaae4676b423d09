/**
 * A proposal's full description as plain text, for descriptions too long for the page to render
 * as markdown. Served as text/plain with nosniff, so a browser shows it as text whatever it
 * contains (the Content-Security-Policy of proxy.ts applies too).
 */
import { IndexerNotFoundError } from "@/lib/indexer/client";
import { getIndexer } from "@/lib/server/indexer";

const plainHeaders = {
  "content-type": "text/plain; charset=utf-8",
  "x-content-type-options": "nosniff",
  "cache-control": "private, max-age=60",
};

export async function GET(_request: Request, { params }: { params: Promise<{ dao: string; id: string }> }) {
  const { dao: slug, id } = await params;
  if (!/^\d{1,78}$/.test(id)) return new Response("Not found\n", { status: 404, headers: plainHeaders });
  try {
    const proposal = await getIndexer().getProposal(slug, id);
    return new Response(proposal.description, { headers: plainHeaders });
  } catch (error) {
    if (error instanceof IndexerNotFoundError)
      return new Response("Not found\n", { status: 404, headers: plainHeaders });
    console.error(`[commons] reading the description of proposal ${id} of "${slug}" failed:`, error);
    return new Response("The proposal index is unreachable. Try again in a moment.\n", {
      status: 503,
      headers: plainHeaders,
    });
  }
}
