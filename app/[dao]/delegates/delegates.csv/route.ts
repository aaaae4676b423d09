/** The delegates directory as CSV, largest voting power first, with each delegate's participation. */

import { csvResponse, pagedReader } from "@/lib/server/csvResponse";
import { getIndexer } from "@/lib/server/indexer";

export async function GET(_request: Request, { params }: { params: Promise<{ dao: string }> }) {
  const { dao: slug } = await params;
  return csvResponse(
    `${slug}-delegates.csv`,
    [
      "address",
      "voting_power",
      "delegators",
      "votes_cast",
      "proposals_voted",
      "proposals_eligible",
      "last_vote",
      "missed_in_a_row",
    ],
    pagedReader((page) => getIndexer().listDelegates(slug, page)),
    (delegate) => [
      delegate.address,
      delegate.votingPower,
      delegate.delegatorsCount,
      delegate.votesCount,
      delegate.participation?.voted,
      delegate.participation?.eligible,
      delegate.participation?.lastVoteTimestamp
        ? new Date(delegate.participation.lastVoteTimestamp * 1000).toISOString()
        : "",
      delegate.participation?.missedStreak,
    ],
  );
}
