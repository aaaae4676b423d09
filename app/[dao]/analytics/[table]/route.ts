/**
 * The analytics tables as CSV, every proposal (oldest first within each page of 100, pages newest
 * first): `participation.csv` (turnout and voters) and `concentration.csv` (figures at each
 * snapshot, quorums read from the chain per page).
 */
import {
  type ConcentrationRow,
  concentrationRows,
  type ParticipationRow,
  participationRows,
} from "@/lib/analytics/analyticsRows";
import { csvResponse } from "@/lib/server/csvResponse";
import { loadAnalytics } from "@/lib/server/loadAnalytics";
import { loadDao } from "@/lib/server/loadDao";

/** The analytics API's largest page. */
const pageSize = 100;

export async function GET(_request: Request, { params }: { params: Promise<{ dao: string; table: string }> }) {
  const { dao: slug, table } = await params;
  if (table !== "participation.csv" && table !== "concentration.csv")
    return new Response("Not found\n", { status: 404 });
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound" || loaded.status === "misconfigured")
    return new Response("Not found\n", { status: 404 });

  const read = async (offset: number) => {
    const { analytics, quorums } = await loadAnalytics(loaded, slug, { limit: pageSize, offset });
    const done = offset + analytics.proposals.items.length >= analytics.proposals.total;
    return { analytics, quorums: quorums.ok ? quorums.value : new Map<bigint, bigint | undefined>(), done };
  };
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

  if (table === "participation.csv") {
    return csvResponse<ParticipationRow>(
      `${slug}-participation.csv`,
      [
        "proposal_id",
        "title",
        "created",
        "snapshot",
        "votes_cast",
        "voting_power_at_snapshot",
        "supply_at_snapshot",
        "turnout_of_voting_power",
        "turnout_of_supply",
        "unique_voters",
      ],
      async (offset) => {
        const page = await read(offset);
        return { items: participationRows(page.analytics.proposals.items), done: page.done };
      },
      (row) => [
        row.id,
        row.title,
        iso(row.createdTimestamp),
        row.snapshot,
        row.cast,
        row.votingPower,
        row.supply,
        row.ofVotingPower,
        row.ofSupply,
        row.voters,
      ],
    );
  }
  return csvResponse<ConcentrationRow>(
    `${slug}-concentration.csv`,
    [
      "proposal_id",
      "title",
      "created",
      "snapshot",
      "delegates",
      "gini",
      "top10_share",
      "quorum",
      "nakamoto_quorum",
      "nakamoto_majority",
    ],
    async (offset) => {
      const page = await read(offset);
      return { items: concentrationRows(page.analytics.proposals.items, page.quorums), done: page.done };
    },
    (row) => [
      row.id,
      row.title,
      iso(row.createdTimestamp),
      row.snapshot,
      row.delegates,
      row.gini,
      row.top10Share,
      row.quorum,
      row.quorumNakamoto === "more" ? ">100" : row.quorumNakamoto,
      row.majorityNakamoto,
    ],
  );
}
