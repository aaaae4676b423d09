/**
 * One voter's vote on one proposal, from the indexer, as JSON: what the vote panel shows to a
 * connected account that has voted (the chain's `hasVoted` says only that it has, not how). The
 * browser never talks to the indexer itself. `{ "vote": null }` when the indexer has no such vote
 * (yet); 503 when it did not answer. A fractional voter's several votes come as one, with the
 * running totals of their split.
 */
import { IndexerNotFoundError } from "@/lib/indexer/client";
import type { CastVote } from "@/lib/proposals/voteFromReceipt";
import { getIndexer } from "@/lib/server/indexer";

const jsonHeaders = { "cache-control": "private, no-store" };
const pageSize = 100;
// The voter's newest votes come first; a vote this far back is on an old, closed proposal.
const maxPages = 5;

type VoteByResponse = { vote: CastVote | null };

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ dao: string; id: string; voter: string }> },
) {
  const { dao: slug, id, voter } = await params;
  if (!/^\d{1,78}$/.test(id) || !/^0x[0-9a-fA-F]{40}$/.test(voter)) {
    return Response.json({ error: "Not found" }, { status: 404, headers: jsonHeaders });
  }
  try {
    for (let page = 0; page < maxPages; page++) {
      const { items, total } = await getIndexer().listVoterVotes(slug, voter.toLowerCase(), {
        limit: pageSize,
        offset: page * pageSize,
      });
      const found = items.find((vote) => vote.proposalId === id);
      if (found) {
        const body: VoteByResponse = {
          vote: {
            support: found.support,
            weight: found.weight,
            reason: found.reason,
            tx: found.tx,
            split: found.split ?? null,
          },
        };
        return Response.json(body, { headers: jsonHeaders });
      }
      if ((page + 1) * pageSize >= total) break;
    }
    return Response.json({ vote: null } satisfies VoteByResponse, { headers: jsonHeaders });
  } catch (error) {
    if (error instanceof IndexerNotFoundError) {
      return Response.json({ vote: null } satisfies VoteByResponse, { headers: jsonHeaders });
    }
    console.error(`[commons] reading the vote of ${voter} on proposal ${id} of "${slug}" failed:`, error);
    return Response.json({ error: "The proposal index is unreachable." }, { status: 503, headers: jsonHeaders });
  }
}
