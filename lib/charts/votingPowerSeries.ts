/**
 * Turns a delegate's voting power changes into a step series and the SVG geometry of a small
 * chart: x is time, y is voting power, and power holds its value until the next change. Pure, so
 * the chart renders on the server with no chart library.
 */

export type PowerChange = { timestamp: number; block: bigint; previousVotes: bigint; newVotes: bigint };

export type SeriesPoint = { timestamp: number; votes: bigint };

/**
 * Chronological steps: the power before the first change, then each change's new value, then the
 * current value at `now` (the live reading when there is one).
 *
 * @example
 * votingPowerSeries([{ timestamp: 10, block: 1n, previousVotes: 0n, newVotes: 5n }], 20, 5n)
 * // [{ timestamp: 10, votes: 0n }, { timestamp: 10, votes: 5n }, { timestamp: 20, votes: 5n }]
 */
export function votingPowerSeries(changes: readonly PowerChange[], now: number, current?: bigint): SeriesPoint[] {
  const sorted = [...changes].sort(
    (a, b) => a.timestamp - b.timestamp || (a.block < b.block ? -1 : a.block > b.block ? 1 : 0),
  );
  const first = sorted[0];
  if (first === undefined) return current === undefined ? [] : [{ timestamp: now, votes: current }];
  const points: SeriesPoint[] = [{ timestamp: first.timestamp, votes: first.previousVotes }];
  for (const change of sorted) points.push({ timestamp: change.timestamp, votes: change.newVotes });
  const last = sorted[sorted.length - 1] ?? first;
  points.push({ timestamp: Math.max(now, last.timestamp), votes: current ?? last.newVotes });
  return points;
}

export type ChartBox = {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
};

export type StepChart = {
  /** SVG path of the step line. */
  line: string;
  /** SVG path of the area under it (closed to the x axis). */
  area: string;
  maxVotes: bigint;
  start: number;
  end: number;
};

/** `value / max` as a float in [0, 1], in bigint arithmetic for 18-decimal amounts. */
function ratio(value: bigint, max: bigint): number {
  if (max <= 0n) return 0;
  return Number((value * 1_000_000n) / max) / 1_000_000;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * @example
 * const chart = stepChart(series, { width: 640, height: 200, padding: { top: 8, right: 8, bottom: 24, left: 8 } });
 * <path d={chart.line} />
 */
export function stepChart(series: readonly SeriesPoint[], box: ChartBox): StepChart | undefined {
  const first = series[0];
  const last = series[series.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const { padding } = box;
  const innerWidth = box.width - padding.left - padding.right;
  const innerHeight = box.height - padding.top - padding.bottom;
  const start = first.timestamp;
  const end = Math.max(last.timestamp, start + 1);
  let maxVotes = 0n;
  for (const point of series) if (point.votes > maxVotes) maxVotes = point.votes;
  const x = (timestamp: number) => round(padding.left + ((timestamp - start) / (end - start)) * innerWidth);
  const y = (votes: bigint) => round(padding.top + innerHeight - ratio(votes, maxVotes) * innerHeight);
  const baseline = round(padding.top + innerHeight);

  let line = `M${x(first.timestamp)},${y(first.votes)}`;
  for (const point of series.slice(1)) line += `H${x(point.timestamp)}V${y(point.votes)}`;
  // A single reading (or all at one instant) still draws a visible line across the chart.
  if (last.timestamp <= start) line += `H${x(end)}`;
  const area = `${line}V${baseline}H${x(first.timestamp)}Z`;
  return { line, area, maxVotes, start, end };
}
