/**
 * The steps of a proposal's life, in order, from what the indexer saw (creation, queueing,
 * execution, cancellation, each with its block and transaction) and what the chain says now
 * (state, snapshot, deadline, ETA, clock). Pure: the page turns clock values into dates.
 *
 * The live state wins over events: a proposal whose timelock operation was cancelled reads
 * Canceled with no governor event, and one that passed its grace period reads Expired.
 *
 * A deadline that moved (OpenZeppelin's GovernorPreventLateQuorum: quorum reached late extends
 * voting) is said as such: the voting-end step carries where it moved from.
 */
import type { ProposalState } from "../chain/proposalStates";
import { formatDuration } from "../format/formatDuration";

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
  /** Voting end only: the deadline was extended (late-quorum protection) from `from` to `to` (clock values). */
  extension?: DeadlineExtension;
  /** Queued under a timelock with a grace period (Compound): executable until this time, in seconds. */
  expiresAt?: bigint;
};

export type DeadlineExtension = { from: bigint; to: bigint };

/** Why a deadline moves: one sentence, the same on the timeline and in the header. */
export const lateQuorumReason = "quorum was reached late; late-quorum protection gives voters more time";

export type TimelineInput = {
  state: ProposalState | undefined;
  /** The governor's clock now. */
  clock: bigint | null;
  created: { block: bigint; timestamp: bigint; tx: string } | null;
  snapshot: bigint | null;
  /** The effective deadline (extended, when it was). */
  deadline: bigint | null;
  /** The deadline the proposal was created with; differs from `deadline` when it was extended. */
  originalDeadline?: bigint | null;
  queued: { block: bigint; tx: string | null } | null;
  /** Timelock ETA, seconds. */
  eta: bigint | null;
  executed: { block: bigint; tx: string | null } | null;
  canceled: { block: bigint; tx: string | null } | null;
  /** The timelock's grace period (Compound Timelock), seconds: a queued proposal expires at ETA + grace. */
  gracePeriodSeconds?: number | null;
};

/**
 * Where the deadline moved from and to, when late-quorum protection extended it: the effective
 * deadline is later than the one proposed. Null when it did not move (or either is unknown).
 *
 * @example deadlineExtension({ deadline: 250n, originalDeadline: 200n }) // { from: 200n, to: 250n }
 */
export function deadlineExtension(
  input: Pick<TimelineInput, "deadline" | "originalDeadline">,
): DeadlineExtension | null {
  const { deadline, originalDeadline } = input;
  if (deadline === null || originalDeadline === null || originalDeadline === undefined) return null;
  return deadline > originalDeadline ? { from: originalDeadline, to: deadline } : null;
}

/**
 * The extension in words, given how to write a clock value ("block 250 (≈ Nov 12, 2026, 15:04 UTC)"
 * or a date for a timestamp clock).
 *
 * @example
 * extensionNote({ from: 200n, to: 250n }, (v) => `block ${v}`)
 * // "The deadline was extended to block 250, from block 200: quorum was reached late; late-quorum protection gives voters more time."
 */
export function extensionNote(extension: DeadlineExtension, point: (value: bigint) => string): string {
  return `The deadline was extended to ${point(extension.to)}, from ${point(extension.from)}: ${lateQuorumReason}.`;
}

/**
 * Why a proposal is Expired, in words: with a known grace period, how long the timelock waited.
 *
 * @example expiredNote(1_209_600) // "It passed and was queued, but nobody executed it within the timelock’s grace period (2 weeks after its ETA). …"
 */
export function expiredNote(gracePeriodSeconds: number | null | undefined): string {
  return gracePeriodSeconds
    ? `It passed and was queued, but nobody executed it within the timelock’s grace period (${formatDuration(gracePeriodSeconds)} after its ETA). The timelock no longer executes it; to carry it out, propose it again.`
    : "It passed and was queued, but nobody executed it in time. The timelock no longer executes it; to carry it out, propose it again.";
}

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
    const extension = deadlineExtension(input);
    steps.push({
      key: "votingEnds",
      label: `${done ? "Voting ended" : "Voting ends"}${extension ? " (extended)" : ""}`,
      done,
      at: input.deadline,
      ...(extension ? { extension } : {}),
    });
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
    const grace = input.gracePeriodSeconds;
    steps.push({
      key: "expired",
      label: "Expired",
      done: true,
      note: expiredNote(grace),
      // When it expired: the end of the grace period after the ETA.
      ...(grace && input.eta !== null && input.eta > 0n ? { timestamp: input.eta + BigInt(grace) } : {}),
    });
  } else if (state === "Queued" && input.eta !== null) {
    const grace = input.gracePeriodSeconds;
    steps.push({
      key: "executed",
      label: "Execution",
      done: false,
      timestamp: input.eta,
      note: grace
        ? "Anyone can execute it from the ETA until the timelock’s grace period ends; after that it expires."
        : "Anyone can execute it from the ETA.",
      ...(grace ? { expiresAt: input.eta + BigInt(grace) } : {}),
    });
  }
  return steps;
}
