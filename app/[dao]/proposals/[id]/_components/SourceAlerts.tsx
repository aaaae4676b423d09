/**
 * What the proposal page could not read, said once at the top: the indexer unreachable or behind,
 * the chain unreachable. Each names what is shown instead.
 */
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { Alert } from "@/components/ui/alert";
import type { LoadedProposal } from "./loadProposal";

export type SourceAlertsProps = Pick<LoadedProposal, "indexed" | "fromReceipt" | "live" | "liveProblem">;

/** @example <SourceAlerts indexed="unavailable" fromReceipt={false} live={live} liveProblem={null} /> */
export function SourceAlerts({ indexed, fromReceipt, live, liveProblem }: SourceAlertsProps) {
  return (
    <>
      {indexed === "unavailable" ? (
        <Alert tone="error" title="The proposal index is unreachable">
          {fromReceipt
            ? "The description and actions below are read from the transaction that created the proposal; its votes and history appear once the indexer is back."
            : "The description, actions, votes and history cannot be shown until the indexer is back. The state and tallies below are read live from the chain. Reload the page to try again."}
        </Alert>
      ) : null}
      {indexed === null && fromReceipt ? (
        <Alert tone="info">Shown from the transaction; the index is catching up.</Alert>
      ) : null}
      {indexed === null && !fromReceipt ? (
        <Alert tone="warning" title="Not indexed yet">
          The chain knows this proposal but the index has not caught up with it. Its live state is shown; reload in a
          moment for its description, actions and votes.
        </Alert>
      ) : null}
      {live === null && liveProblem ? (
        <ChainProblemAlert problem={liveProblem} tone="error">
          The state is read live from the chain, so it is shown as Unknown, and the tallies come from the index.
        </ChainProblemAlert>
      ) : null}
    </>
  );
}
