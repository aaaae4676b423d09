/**
 * The risk flags of a simulation, each a sentence with its evidence; or, when there are none,
 * "No risk flags found" with the list of what was checked.
 */
import type { RiskFlag } from "@/lib/simulation/types";

export type RiskFlagsListProps = { flags: readonly RiskFlag[]; checked: readonly string[] };

/** @example <RiskFlagsList flags={report.flags} checked={report.checked} /> */
export function RiskFlagsList({ flags, checked }: RiskFlagsListProps) {
  if (flags.length === 0) {
    return (
      <div className="flex flex-col gap-1 text-sm" data-testid="simulation-no-flags">
        <p className="font-medium text-emerald-700 dark:text-emerald-300">No risk flags found.</p>
        <p className="text-muted-foreground">Checked: {checked.join("; ")}.</p>
      </div>
    );
  }
  return (
    <ul className="flex flex-col gap-2 text-sm" aria-label="Risk flags found">
      {flags.map((flag, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: flags have no id; their order is fixed.
          key={index}
          data-flag={flag.kind}
          className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <p className="font-medium [overflow-wrap:anywhere]">{flag.title}</p>
          {flag.evidence.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 opacity-90 [overflow-wrap:anywhere]">
              {flag.evidence.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
