/** The analytics page's per-proposal charts (turnout, voters, Nakamoto, Gini), each with its summary in words. */
import type { ConcentrationRow, ParticipationRow } from "@/lib/analytics/analyticsRows";
import { niceMax } from "@/lib/charts/proposalSeries";
import { date, nakamotoText, percent } from "./analyticsFormat";
import { ProposalChart } from "./ProposalChart";

function span(rows: readonly { createdTimestamp: number }[]) {
  return { first: date(rows[0]?.createdTimestamp ?? 0), last: date(rows.at(-1)?.createdTimestamp ?? 0) };
}

function average(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : known.reduce((sum, value) => sum + value, 0) / known.length;
}

export function TurnoutChart({ rows }: { rows: ParticipationRow[] }) {
  const { first, last } = span(rows);
  const latest = [...rows].reverse().find((row) => row.ofVotingPower !== undefined);
  const summary =
    `Turnout of ${rows.length} ${rows.length === 1 ? "proposal" : "proposals"} from ${first} to ${last}: on average ` +
    `${percent(average(rows.map((row) => row.ofVotingPower)))} of the voting power at the snapshot and ` +
    `${percent(average(rows.map((row) => row.ofSupply)))} of the supply.` +
    (latest
      ? ` The latest measured, “${latest.title}”, drew ${percent(latest.ofVotingPower)} of the voting power.`
      : "");
  return (
    <ProposalChart
      id="turnout-chart"
      title="Turnout per proposal"
      summary={summary}
      max={1}
      maxLabel="100%"
      firstLabel={first}
      lastLabel={last}
      series={[
        {
          name: "Of voting power at the snapshot",
          kind: "bar",
          values: rows.map((row) => row.ofVotingPower),
          colour: "text-accent",
        },
        {
          name: "Of total supply at the snapshot",
          kind: "line",
          values: rows.map((row) => row.ofSupply),
          colour: "text-foreground",
        },
      ]}
    />
  );
}

export function VotersChart({ rows }: { rows: ParticipationRow[] }) {
  const { first, last } = span(rows);
  const most = Math.max(0, ...rows.map((row) => row.voters));
  const max = niceMax(most);
  const summary = `Unique voters per proposal, from ${first} to ${last}: ${Math.round(average(rows.map((row) => row.voters)) ?? 0)} on average, ${most} at most.`;
  return (
    <ProposalChart
      id="voters-chart"
      title="Unique voters per proposal"
      summary={summary}
      max={max}
      maxLabel={`${max} voters`}
      firstLabel={first}
      lastLabel={last}
      series={[{ name: "Unique voters", kind: "bar", values: rows.map((row) => row.voters), colour: "text-accent" }]}
    />
  );
}

export function NakamotoChart({ rows }: { rows: ConcentrationRow[] }) {
  const { first, last } = span(rows);
  const numeric = (value: number | "more" | undefined) => (typeof value === "number" ? value : undefined);
  const quorumValues = rows.map((row) => numeric(row.quorumNakamoto));
  const majorityValues = rows.map((row) => row.majorityNakamoto);
  const max = niceMax(Math.max(1, ...[...quorumValues, ...majorityValues].filter((v): v is number => v !== undefined)));
  const latest = rows.at(-1);
  const summary =
    `Nakamoto coefficients at the snapshots of ${rows.length} ${rows.length === 1 ? "proposal" : "proposals"} from ${first} to ${last}.` +
    (latest
      ? ` At the latest, ${nakamotoText(latest.quorumNakamoto)} delegates could reach the quorum alone and ${nakamotoText(latest.majorityNakamoto)} held a majority of the voting power.`
      : "");
  return (
    <ProposalChart
      id="nakamoto-chart"
      title="Nakamoto coefficients over time"
      summary={summary}
      max={max}
      maxLabel={`${max} delegates`}
      firstLabel={first}
      lastLabel={last}
      series={[
        { name: "Fewest delegates reaching quorum", kind: "bar", values: quorumValues, colour: "text-accent" },
        { name: "Fewest delegates with a majority", kind: "line", values: majorityValues, colour: "text-foreground" },
      ]}
    />
  );
}

export function GiniChart({ rows }: { rows: ConcentrationRow[] }) {
  const { first, last } = span(rows);
  const summary = `Gini coefficient of delegates’ voting power and the top-10 share at each snapshot, from ${first} to ${last}: Gini averaged ${average(rows.map((row) => row.gini))?.toFixed(2) ?? "—"}, the top 10 held ${percent(average(rows.map((row) => row.top10Share)))} on average.`;
  return (
    <ProposalChart
      id="gini-chart"
      title="Gini and top-10 share over time"
      summary={summary}
      max={1}
      maxLabel="1 (100%)"
      firstLabel={first}
      lastLabel={last}
      series={[
        { name: "Top-10 share", kind: "bar", values: rows.map((row) => row.top10Share), colour: "text-accent" },
        { name: "Gini", kind: "line", values: rows.map((row) => row.gini), colour: "text-foreground" },
      ]}
    />
  );
}
