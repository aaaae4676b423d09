/**
 * The steps of a proposal's life, in order, from what the indexer saw (creation, queueing,
 * execution, cancellation, each with its block and transaction) and what the chain says now
 * (state, snapshot, deadline, ETA, clock). Pure: the page turns clock values into dates.
 *
 * The live state wins over events: a proposal whose timelock operation was cancelled reads
 * Canceled with no governor event, and one that passed its grace period reads Expired.
 */
import type { ProposalState } from "../chain/proposalStates";

export type TimelineStep = {
  key:
    | "created"
    | "votingStarts"
    | "votingEnds"
    | "canceled"
    | "defeated"
    | "succeeded"
    | "queued"
    | "executed"
    | "expired";
  label: string;
  /** Happened (true) or still to come (false). */
  done: boolean;
  /** A governor clock value (block number or timestamp) the step happens at. */
  at?: bigint;
  /** A block the step's transaction is in. */
  block?: bigint;
  /** An exact time, in seconds (a block's timestamp, an ETA). */
  timestamp?: bigint;
  tx?: string;
  note?: string;
};

export type TimelineInput = {
  state: ProposalState | undefined;
  /** The governor's clock now. */
  clock: bigint | null;
  created: { block: bigint; timestamp: bigint; tx: string } | null;
  snapshot: bigint | null;
  deadline: bigint | null;
  queued: { block: bigint; tx: string | null } | null;
  /** Timelock ETA, seconds. */
  eta: bigint | null;
  executed: { block: bigint; tx: string | null } | null;
  canceled: { block: bigint; tx: string | null } | null;
};

/**
 * @example
 * proposalTimeline({ state: "Active", clock: 130n, created, snapshot: 120n, deadline: 180n, … }).map((s) => s.label)
 * // ["Created", "Voting started", "Voting ends"]
 */
export function proposalTimeline(input: TimelineInput): TimelineStep[] {
  const { state, clock } = input;
  const passed = (value: bigint | null) => value !== null && clock !== null && clock > value;
  const steps: TimelineStep[] = [];
  if (input.created) {
    steps.push({
      key: "created",
      label: "Created",
      done: true,
      block: input.created.block,
      timestamp: input.created.timestamp,
      tx: input.created.tx,
    });
  }
  if (input.snapshot !== null) {
    const done = passed(input.snapshot);
    steps.push({
      key: "votingStarts",
      label: done ? "Voting started" : "Voting starts",
      done,
      at: input.snapshot,
      note: "Voting power is counted at this point (the snapshot).",
    });
  }
  const canceled = input.canceled !== null || state === "Canceled";
  if (input.deadline !== null && !(canceled && !passed(input.deadline))) {
    const done = passed(input.deadline);
    steps.push({ key: "votingEnds", label: done ? "Voting ended" : "Voting ends", done, at: input.deadline });
  }
  if (canceled) {
    if (input.queued)
      steps.push({
        key: "queued",
        label: "Queued",
        done: true,
        block: input.queued.block,
        tx: input.queued.tx ?? undefined,
      });
    steps.push({
      key: "canceled",
      label: "Canceled",
      done: true,
      block: input.canceled?.block,
      tx: input.canceled?.tx ?? undefined,
      note: input.canceled ? undefined : "Its timelock operation was cancelled; the governor emitted no event.",
    });
    return steps;
  }
  if (state === "Defeated")
    steps.push({ key: "defeated", label: "Defeated", done: true, at: input.deadline ?? undefined });
  if (state === "Succeeded") {
    steps.push({
      key: "succeeded",
      label: "Succeeded",
      done: true,
      at: input.deadline ?? undefined,
      note: "Ready to be queued.",
    });
  }
  if (input.queued || input.eta !== null) {
    steps.push({
      key: "queued",
      label: "Queued",
      done: true,
      block: input.queued?.block,
      tx: input.queued?.tx ?? undefined,
      note: input.eta !== null ? "Executable from the ETA." : undefined,
    });
  }
  if (input.executed || state === "Executed") {
    steps.push({
      key: "executed",
      label: "Executed",
      done: true,
      block: input.executed?.block,
      tx: input.executed?.tx ?? undefined,
    });
  } else if (state === "Expired") {
    steps.push({ key: "expired", label: "Expired", done: true, note: "It was not executed in time." });
  } else if (state === "Queued" && input.eta !== null) {
    steps.push({
      key: "executed",
      label: "Execution",
      done: false,
      timestamp: input.eta,
      note: "Anyone can execute it from the ETA.",
    });
  }
  return steps;
}
