/**
 * A delegate's voting power over time as a server-rendered SVG step chart (no chart library, no
 * client JavaScript), with a text summary a screen reader reads instead of the picture and the
 * changes as a table on demand.
 */
import { type PowerChange, stepChart, votingPowerSeries } from "@/lib/charts/votingPowerSeries";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import type { IndexedVotingPowerChange } from "@/lib/indexer/types";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const box = { width: 640, height: 180, padding: { top: 12, right: 12, bottom: 24, left: 12 } };
/** Rows shown in the table fallback (the newest). */
const tableRows = 100;

export type VotingPowerChartProps = {
  /** Newest first, as the indexer serves them. */
  changes: IndexedVotingPowerChange[];
  /** How many changes the delegate has in all (more than `changes` when the history was cut). */
  total: number;
  /** Live voting power, when the chain answered. */
  current: bigint | undefined;
  /** Seconds: the chart runs up to this moment. */
  now: number;
  decimals: number;
  symbol: string;
};

/** @example <VotingPowerChart changes={page.items} total={page.total} current={live.votes} now={now} decimals={18} symbol="COMM" /> */
export function VotingPowerChart({ changes, total, current, now, decimals, symbol }: VotingPowerChartProps) {
  const amount = (value: bigint) => `${formatTokenAmount(value, decimals)} ${symbol}`.trim();
  const parsed: PowerChange[] = changes.map((change) => ({
    timestamp: change.timestamp,
    block: BigInt(change.block),
    previousVotes: BigInt(change.previousVotes),
    newVotes: BigInt(change.newVotes),
  }));
  const series = votingPowerSeries(parsed, now, current);
  const chart = stepChart(series, box);
  if (parsed.length === 0 || chart === undefined) {
    return (
      <p className="text-muted-foreground text-sm">
        No voting power changes indexed for this address: nobody has delegated to it
        {current !== undefined && current > 0n ? " since the indexer’s start block" : ""}.
      </p>
    );
  }

  const first = series[0];
  const latest = series[series.length - 1];
  let peak = first;
  for (const point of series) if (peak === undefined || point.votes > peak.votes) peak = point;
  const date = (seconds: number) => dateFormat.format(new Date(seconds * 1000));
  const summary = [
    `${parsed.length === total ? "" : `The latest ${parsed.length} of ${total} changes. `}`,
    first && latest
      ? `Voting power went from ${amount(first.votes)} on ${date(first.timestamp)} to ${amount(latest.votes)} on ${date(latest.timestamp)}`
      : "",
    peak && peak.votes > 0n ? `, peaking at ${amount(peak.votes)} on ${date(peak.timestamp)}` : "",
    `, over ${total.toLocaleString("en-US")} ${total === 1 ? "change" : "changes"}.`,
  ].join("");

  return (
    <div className="flex flex-col gap-3">
      <figure className="flex flex-col gap-2">
        <svg
          viewBox={`0 0 ${box.width} ${box.height}`}
          role="img"
          aria-labelledby="voting-power-chart-title voting-power-chart-summary"
          className="h-auto w-full text-accent"
          preserveAspectRatio="none"
        >
          <title id="voting-power-chart-title">Voting power over time</title>
          <line
            x1={box.padding.left}
            x2={box.width - box.padding.right}
            y1={box.height - box.padding.bottom}
            y2={box.height - box.padding.bottom}
            className="stroke-border"
            strokeWidth={1}
          />
          <path d={chart.area} className="fill-current opacity-10" />
          <path
            d={chart.line}
            className="fill-none stroke-current"
            strokeWidth={2}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        <div aria-hidden="true" className="flex justify-between text-muted-foreground text-xs">
          <span>{date(chart.start)}</span>
          <span>Peak {amount(chart.maxVotes)}</span>
          <span>{date(chart.end)}</span>
        </div>
        <figcaption id="voting-power-chart-summary" className="text-muted-foreground text-sm">
          {summary}
        </figcaption>
      </figure>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-accent">Show the changes as a table</summary>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Voting power changes, newest first</caption>
            <thead className="border-border border-b text-muted-foreground text-xs">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Date (UTC)
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Block
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  Change
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Voting power
                </th>
              </tr>
            </thead>
            <tbody>
              {parsed.slice(0, tableRows).map((change) => {
                const delta = change.newVotes - change.previousVotes;
                return (
                  <tr
                    key={`${change.block}:${change.timestamp}:${change.newVotes}`}
                    className="border-border border-b last:border-0"
                  >
                    <td className="whitespace-nowrap py-2 pr-3">
                      {dateTimeFormat.format(new Date(change.timestamp * 1000))}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{change.block.toString()}</td>
                    <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">
                      {delta >= 0n ? "+" : "−"}
                      {formatTokenAmount(delta >= 0n ? delta : -delta, decimals)}
                    </td>
                    <td className="whitespace-nowrap py-2 text-right tabular-nums">{amount(change.newVotes)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {parsed.length > tableRows ? (
            <p className="mt-2 text-muted-foreground text-xs">The newest {tableRows} changes are listed.</p>
          ) : null}
        </div>
      </details>
    </div>
  );
}
