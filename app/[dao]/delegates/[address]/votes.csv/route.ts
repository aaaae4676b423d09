/** Every vote a delegate cast on the DAO's governor as CSV, newest first, with proposal titles. */

import { supportLabel } from "@/lib/proposals/supportLabel";
import { csvResponse, pagedReader } from "@/lib/server/csvResponse";
import { getIndexer } from "@/lib/server/indexer";

export async function GET(_request: Request, { params }: { params: Promise<{ dao: string; address: string }> }) {
  const { dao: slug, address } = await params;
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return new Response("Not found\n", { status: 404 });
  return csvResponse(
    `${slug}-${address.toLowerCase()}-votes.csv`,
    ["proposal_id", "proposal_title", "support", "weight", "reason", "block", "timestamp", "tx"],
    pagedReader((page) => getIndexer().listVoterVotes(slug, address.toLowerCase(), page)),
    (vote) => [
      vote.proposalId,
      vote.proposalTitle,
      supportLabel(vote.support) ?? String(vote.support),
      vote.weight,
      vote.reason,
      vote.block,
      new Date(vote.timestamp * 1000).toISOString(),
      vote.tx,
    ],
  );
}
