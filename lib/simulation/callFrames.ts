/**
 * Reading the call tree of a simulated transaction, as anvil's `debug_traceTransaction` with the
 * `callTracer` (and `withLog: true`) answers it: the logs each call emitted in the order they were
 * emitted, the contracts created, who moved ETH, and — for a governor's `execute` — which inner
 * call was which of the proposal's actions.
 */
import { type Address, getAddress, type Hex, hexToBigInt, isAddressEqual } from "viem";
import type { RawLog } from "./decodeSimulationEvent";

/** One frame of the callTracer's answer (geth's format, which anvil follows). */
export type CallFrame = {
  type: string;
  from: Address;
  to?: Address;
  value?: Hex;
  gas?: Hex;
  gasUsed?: Hex;
  input: Hex;
  output?: Hex;
  /** Set when the frame reverted (or failed otherwise). */
  error?: string;
  revertReason?: string;
  calls?: CallFrame[];
  /** With `withLog: true`: the logs this frame emitted itself; `position` counts the calls made before each. */
  logs?: (RawLog & { position?: Hex | number })[];
};

function positionOf(log: { position?: Hex | number }): number {
  if (log.position === undefined) return Number.MAX_SAFE_INTEGER;
  return typeof log.position === "number" ? log.position : Number(hexToBigInt(log.position));
}

/**
 * Every log the frame and its sub-calls emitted, in emission order. A frame that reverted
 * contributes nothing (a revert undoes its logs and its sub-calls' logs).
 *
 * @example frameLogs(trace).map(decodeSimulationEvent)
 */
export function frameLogs(frame: CallFrame): RawLog[] {
  if (frame.error) return [];
  const logs = [...(frame.logs ?? [])].sort((a, b) => positionOf(a) - positionOf(b));
  const calls = frame.calls ?? [];
  const ordered: RawLog[] = [];
  let logIndex = 0;
  for (let callIndex = 0; callIndex <= calls.length; callIndex++) {
    // Logs emitted before the call at `callIndex` (position = number of calls made before the log).
    while (logIndex < logs.length && positionOf(logs[logIndex] as { position?: Hex }) <= callIndex) {
      const log = logs[logIndex] as RawLog;
      ordered.push({ address: log.address, topics: log.topics, data: log.data });
      logIndex++;
    }
    const call = calls[callIndex];
    if (call) ordered.push(...frameLogs(call));
  }
  for (; logIndex < logs.length; logIndex++) {
    const log = logs[logIndex] as RawLog;
    ordered.push({ address: log.address, topics: log.topics, data: log.data });
  }
  return ordered;
}

function* successfulFrames(frame: CallFrame): Generator<CallFrame> {
  if (frame.error) return;
  yield frame;
  for (const call of frame.calls ?? []) yield* successfulFrames(call);
}

/**
 * Contracts created inside the frame (CREATE, CREATE2) that were not reverted.
 *
 * @example createdContracts(trace) // ["0x5FbD…"]
 */
export function createdContracts(frame: CallFrame): Address[] {
  const created: Address[] = [];
  for (const inner of successfulFrames(frame)) {
    if ((inner.type === "CREATE" || inner.type === "CREATE2") && inner.to) {
      created.push(getAddress(inner.to.toLowerCase()));
    }
  }
  return created;
}

/**
 * Every address that sent or received ETH inside the frame (calls with a value, creations with an
 * endowment, self-destruct beneficiaries). A DELEGATECALL's value is its caller's, not a transfer.
 *
 * @example ethMovers(trace) // [timelock, recipient]
 */
export function ethMovers(frame: CallFrame): Address[] {
  const movers = new Set<Address>();
  for (const inner of successfulFrames(frame)) {
    if (inner.type === "DELEGATECALL" || inner.type === "STATICCALL") continue;
    if (!inner.value || hexToBigInt(inner.value) === 0n) continue;
    movers.add(getAddress(inner.from.toLowerCase()));
    if (inner.to) movers.add(getAddress(inner.to.toLowerCase()));
  }
  return [...movers];
}

function* allFrames(frame: CallFrame): Generator<CallFrame> {
  yield frame;
  for (const call of frame.calls ?? []) yield* allFrames(call);
}

/** An action as the executor sends it. */
export type ExecutedAction = { target: Address; value: bigint; calldata: Hex };

/**
 * In the call tree of a governor's `execute`, the call that ran each action: the executor (the
 * timelock, or the governor) calling the action's target with its calldata and value, in order.
 * An action the execution never reached (it reverted earlier) has no frame.
 *
 * @example const frames = actionFrames(trace, timelock, actions); frames[1]?.error // "execution reverted"
 */
export function actionFrames(
  root: CallFrame,
  executor: Address,
  actions: readonly ExecutedAction[],
): (CallFrame | undefined)[] {
  const frames = [...allFrames(root)];
  const found: (CallFrame | undefined)[] = [];
  let from = 0;
  for (const action of actions) {
    const index = frames.findIndex(
      (frame, position) =>
        position >= from &&
        frame.type === "CALL" &&
        frame.to !== undefined &&
        isAddressEqual(frame.from, executor) &&
        isAddressEqual(frame.to, action.target) &&
        frame.input.toLowerCase() === action.calldata.toLowerCase() &&
        (frame.value ? hexToBigInt(frame.value) : 0n) === action.value,
    );
    if (index < 0) {
      found.push(undefined);
      continue;
    }
    found.push(frames[index]);
    from = index + 1;
  }
  return found;
}

/** The gas a frame used, or null when the tracer did not say. */
export function frameGas(frame: CallFrame): bigint | null {
  return frame.gasUsed ? hexToBigInt(frame.gasUsed) : null;
}

/**
 * The revert data of the innermost frame that failed first along the path of failures (what the
 * failing contract itself said, before wrappers re-raised it), or of the frame itself.
 *
 * @example revertData(trace) // "0x08c379a0…"
 */
export function revertData(frame: CallFrame): Hex {
  const failed = (frame.calls ?? []).find((call) => call.error && call.output && call.output !== "0x");
  // A wrapper that re-raises its callee's data says the same thing; one that says something of its
  // own (a Compound timelock's "Transaction execution reverted.") is what the executor saw.
  if (failed && (frame.output === undefined || frame.output === "0x" || frame.output === failed.output)) {
    return revertData(failed);
  }
  return frame.output ?? "0x";
}
