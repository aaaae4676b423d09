/**
 * Whether the proposal's id commits to what this page shows. OpenZeppelin ids are the hash of the
 * targets, values, calldatas and description; recomputing it here and finding the on-chain id
 * proves the actions and text are exactly those voted on. A mismatch is announced as an alert.
 */
import { Alert } from "@/components/ui/alert";
import type { ProposalIdCheck } from "@/lib/proposals/verifyProposalId";
import { Section } from "./Section";

/** @example <IntegritySection check={verifyProposalId(id, content)} /> */
export function IntegritySection({ check }: { check: ProposalIdCheck | null }) {
  return (
    <Section id="integrity" title="Integrity">
      {check === null ? (
        <p className="text-muted-foreground text-sm">
          The id cannot be checked until the index returns the proposal’s actions and description.
        </p>
      ) : check.status === "verified" ? (
        <div role="status" className="flex flex-col gap-1 text-sm">
          <p className="font-medium text-emerald-800 dark:text-emerald-300">✓ Proposal id verified</p>
          <p className="text-muted-foreground">
            The id is the hash of the actions and the description shown here (OpenZeppelin’s hashProposal), recomputed
            on this page: they are exactly what is being voted on.
          </p>
        </div>
      ) : check.status === "sequential" ? (
        <div role="status" className="flex flex-col gap-1 text-sm">
          <p className="font-medium">Id check: not applicable (sequential ids)</p>
          <p className="text-muted-foreground">
            This governor numbers its proposals 1, 2, 3…, so the id does not commit to the content. The actions and
            description shown come from the proposal’s creation event.
          </p>
        </div>
      ) : (
        <Alert tone="error" title="The proposal id does not match its content">
          The hash of the actions and description shown here is{" "}
          <span className="break-all font-mono text-xs">{check.computed.toString()}</span>, not this proposal’s id. What
          this page shows may not be what is voted on: do not rely on it, and check the proposal on chain.
        </Alert>
      )}
    </Section>
  );
}
