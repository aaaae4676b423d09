/** Every vote on a proposal as CSV, heaviest first, streamed from the indexer. */

import { supportLabel } from "@/lib/proposals/supportLabel";
import { csvResponse, pagedReader } from "@/lib/server/csvResponse";
import { getIndexer } from "@/lib/server/indexer";

export async function GET(_request: Request, { params }: { params: Promise<{ dao: string; id: string }> }) {
  const { dao: slug, id } = await params;
  if (!/^\d{1,78}$/.test(id)) return new Response("Not found\n", { status: 404 });
  return csvResponse(
    `${slug}-proposal-${id.slice(0, 12)}-votes.csv`,
    ["voter", "support", "weight", "against", "for", "abstain", "reason", "block", "timestamp", "tx"],
    pagedReader((page) => getIndexer().listVotes(slug, id, { ...page, sort: "weight" })),
    (vote) => [
      vote.voter,
      supportLabel(vote.support) ?? String(vote.support),
      vote.weight,
      vote.split?.againstVotes ?? (vote.support === 0 ? vote.weight : "0"),
      vote.split?.forVotes ?? (vote.support === 1 ? vote.weight : "0"),
      vote.split?.abstainVotes ?? (vote.support === 2 ? vote.weight : "0"),
      vote.reason,
      vote.block,
      new Date(vote.timestamp * 1000).toISOString(),
      vote.tx,
    ],
  );
}
