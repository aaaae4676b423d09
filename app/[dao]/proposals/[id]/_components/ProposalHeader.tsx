/**
 * The top of the proposal page: its state, short id (copyable), proposer and date, the title, and
 * a note when late-quorum protection moved the deadline.
 */
import { AddressView } from "@/components/address/AddressView";
import { CopyButton } from "@/components/proposals/CopyButton";
import { ProposalStateBadge } from "@/components/proposals/ProposalStateBadge";
import type { ClockContext } from "@/lib/chain/clock";
import type { AccountProfile } from "@/lib/chain/ensNames";
import type { ProposalState } from "@/lib/chain/proposalStates";
import { formatDate } from "@/lib/format/formatDate";
import { shortProposalId } from "@/lib/format/shortProposalId";
import type { DeadlineExtension } from "@/lib/proposals/proposalTimeline";
import { clockPoint } from "./TimelineSection";

export type ProposalHeaderProps = {
  id: string;
  state: ProposalState | undefined;
  title: string;
  /** Unknown while the proposal is only known to the chain. */
  proposer: { address: string; label?: string; profile?: AccountProfile } | null;
  created: Date | null;
  extension: DeadlineExtension | null;
  clock: ClockContext | null;
  clockUnit: "block" | "timestamp";
  explorer?: string;
};

/** @example <ProposalHeader id="4242" state="Active" title="Fund the grants round" proposer={{ address }} created={date} extension={null} clock={clock} clockUnit="block" /> */
export function ProposalHeader({
  id,
  state,
  title,
  proposer,
  created,
  extension,
  clock,
  clockUnit,
  explorer,
}: ProposalHeaderProps) {
  return (
    <header className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-muted-foreground text-sm">
        <ProposalStateBadge state={state} />
        <span className="inline-flex items-center gap-1.5">
          <span className="font-mono" title={id}>
            #{shortProposalId(id)}
          </span>
          <CopyButton value={id} label="proposal id" />
        </span>
        {proposer ? (
          <span className="inline-flex flex-wrap items-center gap-1.5">
            by{" "}
            <AddressView
              address={proposer.address}
              label={proposer.label === "Proposer" ? undefined : proposer.label}
              name={proposer.profile?.name}
              avatar={proposer.profile?.avatar}
              explorer={explorer}
            />
          </span>
        ) : null}
        {created ? <time dateTime={created.toISOString()}>{formatDate(created, { time: true })}</time> : null}
      </div>
      <h1 className="break-words font-semibold text-2xl tracking-tight [overflow-wrap:anywhere]">{title}</h1>
      {extension ? (
        <p className="text-muted-foreground text-sm" data-testid="deadline-extended-header">
          The voting deadline was extended by late-quorum protection, to {clockPoint(extension.to, clock, clockUnit)}.{" "}
          <a href="#timeline" className="underline underline-offset-2">
            See the timeline
          </a>
        </p>
      ) : null}
    </header>
  );
}
