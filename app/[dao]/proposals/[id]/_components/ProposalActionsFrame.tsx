/**
 * "Next step" without wallet code: the words of each lifecycle step, the ETA countdown, and the
 * server-rendered stand-in for `ProposalActionsPanel` until the wallet stack has loaded (the same
 * steps, computed on the server, with a connect button where the panel will have the action).
 */
import { formatDate } from "@/lib/format/formatDate";
import { formatDuration } from "@/lib/format/formatDuration";
import type { LifecycleAction } from "@/lib/proposals/lifecycleActions";
import { Section } from "./Section";
import { VoteClosedNote, WriteIslandFallback } from "./VotePanelFrame";

export const stepText = {
  queue: {
    intro: "This proposal passed. Queue it in the timelock; it can be executed once the timelock’s delay has passed.",
    button: "Queue proposal",
    verb: "queue it",
  },
  execute: {
    intro: "Ready to execute: anyone can run the proposal’s actions now.",
    button: "Execute proposal",
    verb: "execute it",
  },
  cancel: {
    intro: "You proposed this. You can cancel it until voting opens; a canceled proposal cannot be revived.",
    button: "Cancel proposal",
    verb: "cancel it",
  },
} as const;

/** Queued, ETA not reached: how long until the proposal can be executed, and when. */
export function EtaCountdown({ eta, remaining }: { eta: bigint; remaining: bigint }) {
  const etaDate = new Date(Number(eta) * 1000);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p>Queued in the timelock. It can be executed once its ETA has passed.</p>
      <p role="timer" aria-label="Time until the proposal can be executed" className="font-medium tabular-nums">
        Executable in {formatDuration(remaining)}
      </p>
      <p className="text-muted-foreground text-xs">
        ETA <time dateTime={etaDate.toISOString()}>{formatDate(etaDate, { time: true })}</time>
      </p>
    </div>
  );
}

/** The step cannot be sent: the proposal's exact content is unknown here. */
export function ContentUnknownNote({ kind }: { kind: keyof typeof stepText }) {
  return (
    <VoteClosedNote>
      {stepText[kind].intro} The proposal’s exact actions are needed to {stepText[kind].verb}, and the index that holds
      them cannot be reached: reload the page in a moment.
    </VoteClosedNote>
  );
}

export type ProposalActionsFallbackProps = {
  /** lifecycleActions(…) as the server sees it (the cookie's account, the chain's latest time). */
  actions: LifecycleAction[];
  walletConnected: boolean;
  hasContent: boolean;
};

/** @example <ProposalActionsPanelIsland fallback={<ProposalActionsFallback actions={steps} walletConnected hasContent />} … /> */
export function ProposalActionsFallback({ actions, walletConnected, hasContent }: ProposalActionsFallbackProps) {
  if (actions.length === 0) return null;
  return (
    <Section id="next-step" title="Next step">
      <div className="flex flex-col gap-4">
        {actions.map((action) =>
          action.kind === "waitForEta" ? (
            <EtaCountdown key={action.kind} eta={action.eta} remaining={action.remaining} />
          ) : !hasContent ? (
            <ContentUnknownNote key={action.kind} kind={action.kind} />
          ) : (
            <div key={action.kind} className="flex flex-col gap-3 text-sm">
              <p>{stepText[action.kind].intro}</p>
              <WriteIslandFallback action={stepText[action.kind].verb} walletConnected={walletConnected} />
            </div>
          ),
        )}
      </div>
    </Section>
  );
}
