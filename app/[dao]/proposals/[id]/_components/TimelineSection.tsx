/**
 * The proposal's life as a list of steps with their dates, blocks and transactions (linked to the
 * explorer when one is configured). Block-clock points are dated with the chain's observed block
 * time and say "estimated"; timestamps (creation, ETA, timestamp clocks) are exact. A deadline
 * moved by late-quorum protection says so, to when and from when; a proposal queued under a
 * Compound timelock says until when it can be executed, and an Expired one why.
 */
import { type ClockContext, clockToDate } from "@/lib/chain/clock";
import { cn } from "@/lib/format/cn";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { formatDate } from "@/lib/format/formatDate";
import { extensionNote, type TimelineStep } from "@/lib/proposals/proposalTimeline";
import { Section } from "./Section";

export type TimelineSectionProps = {
  steps: TimelineStep[];
  clock: ClockContext | null;
  clockUnit: "block" | "timestamp";
  explorer?: string;
};

/**
 * A clock value in words: a date for a timestamp clock; "block 250 (≈ Nov 12, 2026, 15:04 UTC)" for
 * a block clock.
 *
 * @example clockPoint(250n, clock, "block") // "block 250 (≈ Nov 12, 2026, 15:04 UTC)"
 */
export function clockPoint(value: bigint, clock: ClockContext | null, clockUnit: "block" | "timestamp"): string {
  if (clockUnit === "timestamp") return formatDate(new Date(Number(value) * 1000), { time: true });
  if (!clock) return `block ${value}`;
  const { date, estimated } = clockToDate(value, clock);
  return `block ${value} (${estimated ? "≈ " : ""}${formatDate(date, { time: true })})`;
}

function When({
  step,
  clock,
  clockUnit,
}: {
  step: TimelineStep;
  clock: ClockContext | null;
  clockUnit: "block" | "timestamp";
}) {
  let date: Date | null = null;
  let estimated = false;
  if (step.timestamp !== undefined) {
    date = new Date(Number(step.timestamp) * 1000);
  } else if (step.at !== undefined && clock) {
    ({ date, estimated } = clockToDate(step.at, clock));
  } else if (step.at !== undefined && clockUnit === "timestamp") {
    // A timestamp clock's values are dates, with or without the chain's context.
    date = new Date(Number(step.at) * 1000);
  } else if (step.block !== undefined && clock?.mode === "blocknumber") {
    ({ date, estimated } = clockToDate(step.block, clock));
  }
  if (!date) return null;
  return (
    <p className="text-sm">
      <time dateTime={date.toISOString()}>
        {estimated ? "≈ " : ""}
        {formatDate(date, { time: true })}
      </time>
      {estimated ? <span className="text-muted-foreground text-xs"> (estimated)</span> : null}
    </p>
  );
}

function Reference({ label, value, href }: { label: string; value: string; href: string | undefined }) {
  return (
    <span className="text-muted-foreground text-xs">
      {label}{" "}
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          className="font-mono text-accent underline underline-offset-2"
        >
          {value}
        </a>
      ) : (
        <span className="font-mono">{value}</span>
      )}
    </span>
  );
}

/** @example <TimelineSection steps={proposalTimeline(input)} clock={clock} clockUnit="block" /> */
export function TimelineSection({ steps, clock, clockUnit, explorer }: TimelineSectionProps) {
  return (
    <Section id="timeline" title="Timeline">
      {steps.length === 0 ? (
        <p className="text-muted-foreground text-sm">The timeline is unavailable.</p>
      ) : (
        <ol aria-label="Timeline" className="flex flex-col">
          {steps.map((step) => {
            const at = step.at !== undefined && clockUnit === "block" && step.block === undefined ? step.at : undefined;
            const block = step.block ?? at;
            return (
              <li key={step.key} className="relative flex gap-3 pb-4 last:pb-0">
                <span
                  aria-hidden="true"
                  className={cn(
                    "mt-1.5 size-2.5 shrink-0 rounded-full ring-2 ring-card",
                    step.done ? "bg-accent" : "border border-muted-foreground bg-card",
                  )}
                />
                <div className="flex min-w-0 flex-col gap-0.5">
                  <p className={cn("font-medium text-sm", !step.done && "text-muted-foreground")}>{step.label}</p>
                  <When step={step} clock={clock} clockUnit={clockUnit} />
                  <p className="flex flex-wrap gap-x-3">
                    {block !== undefined ? (
                      <Reference label="Block" value={block.toString()} href={explorerUrl(explorer, { block })} />
                    ) : null}
                    {step.at !== undefined && clockUnit === "timestamp" ? (
                      <Reference label="Clock" value={step.at.toString()} href={undefined} />
                    ) : null}
                    {step.tx ? (
                      <Reference
                        label="Tx"
                        value={`${step.tx.slice(0, 10)}…${step.tx.slice(-8)}`}
                        href={explorerUrl(explorer, { tx: step.tx })}
                      />
                    ) : null}
                  </p>
                  {step.extension ? (
                    <p className="text-muted-foreground text-xs" data-testid="deadline-extended">
                      {extensionNote(step.extension, (value) => clockPoint(value, clock, clockUnit))}
                    </p>
                  ) : null}
                  {step.note ? <p className="text-muted-foreground text-xs">{step.note}</p> : null}
                  {step.expiresAt !== undefined ? (
                    <p className="text-muted-foreground text-xs">
                      Expires if not executed by{" "}
                      <time dateTime={new Date(Number(step.expiresAt) * 1000).toISOString()}>
                        {formatDate(new Date(Number(step.expiresAt) * 1000), { time: true })}
                      </time>
                      .
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
