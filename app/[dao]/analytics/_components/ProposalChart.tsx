/**
 * A chart with one slot per proposal (oldest left) drawn as inline SVG on the server, no chart
 * library and no client JavaScript. The picture is described by `summary` (read by screen readers
 * instead of the picture) and listed in full by the table the page puts beside it.
 */
import { type ChartBox, proposalSeries } from "@/lib/charts/proposalSeries";

export type ChartSeries = {
  name: string;
  kind: "bar" | "line";
  values: readonly (number | undefined)[];
  /** Tailwind text colour class: the series is drawn in currentColor. */
  colour: string;
};

export type ProposalChartProps = {
  id: string;
  title: string;
  summary: string;
  series: readonly ChartSeries[];
  /** Top of the y axis, in the series' unit. */
  max: number;
  /** The label of the y axis's top ("100%", "50 voters"). */
  maxLabel: string;
  /** Under the first and last slot (dates). */
  firstLabel: string;
  lastLabel: string;
};

const box: ChartBox = { width: 640, height: 180, padding: { top: 12, right: 8, bottom: 12, left: 8 } };

/** @example <ProposalChart id="turnout" title="Turnout" summary="…" series={[…]} max={1} maxLabel="100%" firstLabel="Jan 1" lastLabel="Mar 3" /> */
export function ProposalChart({
  id,
  title,
  summary,
  series,
  max,
  maxLabel,
  firstLabel,
  lastLabel,
}: ProposalChartProps) {
  const geometry = proposalSeries(series, max, box);
  const baseline = box.height - box.padding.bottom;
  return (
    <figure className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-muted-foreground text-xs" aria-hidden="true">
        {series.map((item) => (
          <span key={item.name} className="inline-flex items-center gap-1.5">
            <span
              className={`inline-block ${item.kind === "bar" ? "h-2.5 w-2.5" : "h-0.5 w-4"} bg-current ${item.colour}`}
            />
            {item.name}
          </span>
        ))}
        <span className="ml-auto">Top of the scale: {maxLabel}</span>
      </div>
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        className="h-auto w-full"
        preserveAspectRatio="none"
      >
        <title id={`${id}-title`}>{title}</title>
        <line
          x1={box.padding.left}
          x2={box.width - box.padding.right}
          y1={box.padding.top}
          y2={box.padding.top}
          className="stroke-border"
          strokeDasharray="4 4"
          strokeWidth={1}
        />
        <line
          x1={box.padding.left}
          x2={box.width - box.padding.right}
          y1={baseline}
          y2={baseline}
          className="stroke-border"
          strokeWidth={1}
        />
        {geometry.map((item, index) => {
          const colour = series[index]?.colour ?? "";
          return (
            <g key={series[index]?.name ?? index} className={colour}>
              {item.bars.map((bar) => (
                <rect
                  key={bar.slot}
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  className="fill-current opacity-70"
                />
              ))}
              {item.line ? (
                <path
                  d={item.line}
                  className="fill-none stroke-current"
                  strokeWidth={2}
                  strokeLinejoin="round"
                  vectorEffect="non-scaling-stroke"
                />
              ) : null}
              {item.dots.map((dot) => (
                <circle key={dot.slot} cx={dot.x} cy={dot.y} r={3} className="fill-current" />
              ))}
            </g>
          );
        })}
      </svg>
      <div aria-hidden="true" className="flex justify-between text-muted-foreground text-xs">
        <span>{firstLabel}</span>
        <span>{lastLabel}</span>
      </div>
      <figcaption id={`${id}-summary`} className="text-muted-foreground text-sm">
        {summary}
      </figcaption>
    </figure>
  );
}
