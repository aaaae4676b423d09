/**
 * A simulation report (lib/simulation/types) as a voter reads it: where and how it ran, whether
 * the execution reverts and why, the risk flags with their evidence (or "no risk flags found" and
 * what was checked), every balance that changes, and what each action did. Shared by the proposal
 * page (rendered on the server), the propose form and drafts (rendered in the browser). Everything
 * from the chain is shown as text.
 */
import type { Address } from "viem";
import { Alert } from "@/components/ui/alert";
import { formatDate } from "@/lib/format/formatDate";
import { addressNamer, type NamerInput } from "@/lib/simulation/addressNamer";
import { describeEvent } from "@/lib/simulation/describeEvent";
import type { SimulationReport as Report } from "@/lib/simulation/types";
import { BalanceChangesTable } from "./BalanceChangesTable";
import { RiskFlagsList } from "./RiskFlagsList";

export type SimulationReportProps = {
  report: Report;
  /** The DAO's contracts and labels, to name addresses. */
  dao: Omit<NamerInput, "assets">;
  /** "Executing this proposal" / "These actions": how the report refers to what ran. */
  subject?: string;
};

function modeSentence(report: Report, timelock: Address | null): string {
  const executor = timelock && timelock.toLowerCase() === report.executor.toLowerCase() ? "timelock" : "governor";
  return report.mode === "execute"
    ? "The proposal is queued: time was moved past its ETA and the governor’s execute was called."
    : `Each action was run in order from the ${executor}, with its value.`;
}

/** @example <SimulationReport report={report} dao={{ governor, timelock, token, tokenSymbol }} /> */
export function SimulationReport({ report, dao, subject = "Executing this proposal" }: SimulationReportProps) {
  const name = addressNamer({ ...dao, assets: report.assets });
  const at = new Date(Number(report.blockTimestamp) * 1000);
  const failedAction = report.failure?.action ?? null;
  return (
    <div className="flex flex-col gap-5" data-testid="simulation-report" data-status={report.status}>
      <p className="text-muted-foreground text-sm" data-testid="simulation-block">
        Simulated on a fork of the chain at block{" "}
        <span className="font-medium text-foreground tabular-nums">
          {Number(report.blockNumber).toLocaleString("en")}
        </span>{" "}
        (<time dateTime={at.toISOString()}>{formatDate(at, { time: true })}</time>).{" "}
        {modeSentence(report, dao.timelock)}
      </p>

      {report.failure ? (
        <Alert
          tone="error"
          title={
            failedAction === null
              ? `${subject} would revert`
              : `${subject} would revert: action ${failedAction + 1} fails`
          }
        >
          <span data-testid="simulation-failure">{report.failure.reason}</span>
        </Alert>
      ) : (
        <p className="text-emerald-700 text-sm dark:text-emerald-300">
          Every action runs without reverting
          {report.gasUsed ? ` (${BigInt(report.gasUsed).toLocaleString("en")} gas)` : ""}.
        </p>
      )}

      <section aria-labelledby="simulation-flags-heading" className="flex flex-col gap-2">
        <h3 id="simulation-flags-heading" className="font-medium text-sm">
          Risk flags
        </h3>
        <RiskFlagsList flags={report.flags} checked={report.checked} />
      </section>

      <section aria-labelledby="simulation-balances-heading" className="flex flex-col gap-2">
        <h3 id="simulation-balances-heading" className="font-medium text-sm">
          Balance changes
        </h3>
        {report.status === "reverted" ? (
          <p className="text-muted-foreground text-sm">None: a reverting execution changes nothing.</p>
        ) : report.balanceChanges.length === 0 ? (
          <p className="text-muted-foreground text-sm">No balance changes.</p>
        ) : (
          <BalanceChangesTable changes={report.balanceChanges} assets={report.assets} name={name} />
        )}
      </section>

      <section aria-labelledby="simulation-actions-heading" className="flex flex-col gap-2">
        <h3 id="simulation-actions-heading" className="font-medium text-sm">
          What each action did
        </h3>
        <ol className="flex flex-col gap-2 text-sm" aria-label="Simulated actions">
          {report.actions.map((action) => (
            <li
              key={action.index}
              className="rounded-lg border border-border p-3"
              data-testid={`simulated-action-${action.index + 1}`}
              data-status={action.status}
            >
              <p className="font-medium">
                Action {action.index + 1}:{" "}
                {action.status === "success"
                  ? "runs"
                  : action.status === "reverted"
                    ? "reverts"
                    : "does not run (an earlier action reverts)"}
                {action.gasUsed ? (
                  <span className="font-normal text-muted-foreground">
                    {" "}
                    · {BigInt(action.gasUsed).toLocaleString("en")} gas
                  </span>
                ) : null}
              </p>
              {action.reason ? <p className="text-rose-700 dark:text-rose-300">{action.reason}</p> : null}
              {action.events.length > 0 ? (
                <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">
                  {action.events.map((event, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; their order is fixed.
                    <li key={index}>{describeEvent(event, report.assets, name)}</li>
                  ))}
                </ul>
              ) : action.status === "success" ? (
                <p className="text-muted-foreground">No events.</p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {report.notes.length > 0 ? (
        <ul className="flex flex-col gap-1 text-muted-foreground text-xs">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
