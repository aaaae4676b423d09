/**
 * Geometry of a small chart with one slot per proposal (oldest left): bars and/or dots joined by a
 * line, every series on a 0..max scale of its own unit. Pure, so the chart renders on the server
 * as inline SVG with no chart library.
 */

export type ChartBox = {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
};

export type SeriesInput = {
  kind: "bar" | "line";
  /** One value per slot; undefined leaves a gap. */
  values: readonly (number | undefined)[];
};

export type SeriesGeometry = {
  kind: "bar" | "line";
  bars: { x: number; y: number; width: number; height: number; slot: number }[];
  /** SVG path through the defined values (a gap starts a new segment). */
  line: string;
  dots: { x: number; y: number; slot: number }[];
};

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * @example
 * const [turnout] = proposalSeries([{ kind: "bar", values: [0.2, 0.5] }], 1, box);
 * turnout.bars.length // 2
 */
export function proposalSeries(series: readonly SeriesInput[], max: number, box: ChartBox): SeriesGeometry[] {
  const slots = Math.max(0, ...series.map((item) => item.values.length));
  const innerWidth = box.width - box.padding.left - box.padding.right;
  const innerHeight = box.height - box.padding.top - box.padding.bottom;
  const slotWidth = slots === 0 ? innerWidth : innerWidth / slots;
  const scale = max > 0 ? max : 1;
  const y = (value: number) =>
    round(box.padding.top + innerHeight - (Math.min(Math.max(value, 0), scale) / scale) * innerHeight);
  const centre = (slot: number) => round(box.padding.left + slotWidth * (slot + 0.5));
  const barWidth = round(Math.max(1, slotWidth * 0.6));
  return series.map((item) => {
    const bars: SeriesGeometry["bars"] = [];
    const dots: SeriesGeometry["dots"] = [];
    let line = "";
    let drawing = false;
    item.values.forEach((value, slot) => {
      if (value === undefined || !Number.isFinite(value)) {
        drawing = false;
        return;
      }
      const top = y(value);
      if (item.kind === "bar") {
        bars.push({
          x: round(centre(slot) - barWidth / 2),
          y: top,
          width: barWidth,
          height: round(box.padding.top + innerHeight - top),
          slot,
        });
      } else {
        dots.push({ x: centre(slot), y: top, slot });
        line += `${drawing ? "L" : "M"}${centre(slot)},${top}`;
        drawing = true;
      }
    });
    return { kind: item.kind, bars, line, dots };
  });
}

/**
 * A round upper bound for a count axis (1, 2, 5, 10, 20, 50… at least `value`).
 *
 * @example niceMax(37) // 50
 */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
