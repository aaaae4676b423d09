/** The live state of a proposal as a badge whose text is exactly the state name. */
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ProposalState } from "@/lib/chain/proposalStates";

const stateVariant: Record<ProposalState, BadgeVariant> = {
  Pending: "warning",
  Active: "info",
  Canceled: "neutral",
  Defeated: "danger",
  Succeeded: "success",
  Queued: "accent",
  Expired: "neutral",
  Executed: "success",
};

export type ProposalStateBadgeProps = { state: ProposalState | undefined; className?: string };

/**
 * `undefined` means the chain could not be asked; the badge then says "Unknown".
 *
 * @example <ProposalStateBadge state="Active" />
 */
export function ProposalStateBadge({ state, className }: ProposalStateBadgeProps) {
  if (!state) {
    return (
      <Badge variant="outline" className={className} title="The chain could not be reached to read this state">
        Unknown
      </Badge>
    );
  }
  return (
    <Badge variant={stateVariant[state]} className={className}>
      {state}
    </Badge>
  );
}
