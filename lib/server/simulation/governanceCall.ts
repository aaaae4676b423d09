/**
 * OpenZeppelin's Governor (4.x and 5.x) with a timelock accepts a call to its own `onlyGovernance`
 * functions (setVotingPeriod, updateQuorumNumerator, relay…) only while it is executing a proposal
 * that contains that call: `execute` first pushes the hash of each such calldata onto a queue
 * (`_governanceCall`), and `onlyGovernance` pops it. An action sent straight from the timelock
 * therefore reverts (an empty-queue panic), though the same action passes when executed.
 *
 * To run such an action as `execute` would, this pushes its hash onto the governor's queue first.
 * The queue's storage slot is not at a fixed place, so it is found once per governor: trace the
 * refused call (`prestateTracer` lists the storage it read: the executor's address, then the
 * queue's begin/end word), take the slots whose word holds two equal 128-bit halves (an empty
 * queue), and keep the one that, overridden to hold the hash, lets the call through.
 */
import { type Address, encodeAbiParameters, type Hex, hexToBigInt, keccak256, numberToHex, pad } from "viem";
import { type ForkRpc, ForkRpcError } from "./forkRpc";

/** OpenZeppelin 5's DoubleEndedQueue.popFront on an empty queue: Panic(0x31). */
const emptyPopPanic = "0x4e487b710000000000000000000000000000000000000000000000000000000000000031";
/** OpenZeppelin 4.x's DoubleEndedQueue.Empty(). */
const emptyError = "0x3db2a12a";

const slots = new Map<string, bigint | null>();

const mask128 = (1n << 128n) - 1n;

function revertDataOf(error: unknown): Hex | undefined {
  if (error instanceof ForkRpcError && typeof error.data === "string") return error.data as Hex;
  return undefined;
}

/** Whether the call reverts the way an empty governance queue makes it revert. */
export function isEmptyQueueRevert(data: Hex | undefined): boolean {
  if (!data) return false;
  const lower = data.toLowerCase();
  return lower === emptyPopPanic || lower.startsWith(emptyError);
}

function elementSlot(queueSlot: bigint, index: bigint): Hex {
  return keccak256(encodeAbiParameters([{ type: "uint256" }, { type: "uint256" }], [index, queueSlot + 1n]));
}

function word(value: bigint): Hex {
  return pad(numberToHex(value), { size: 32 });
}

type Call = { from: Address; to: Address; data: Hex; value: bigint; gas: Hex };

async function callReverts(rpc: ForkRpc, call: Call, overrides?: Record<string, unknown>): Promise<Hex | null> {
  try {
    await rpc("eth_call", [
      { from: call.from, to: call.to, data: call.data, value: numberToHex(call.value), gas: call.gas },
      "latest",
      ...(overrides ? [overrides] : []),
    ]);
    return null;
  } catch (error) {
    return revertDataOf(error) ?? "0x";
  }
}

async function findQueueSlot(rpc: ForkRpc, call: Call): Promise<bigint | null> {
  const trace = await rpc<Record<string, { storage?: Record<Hex, Hex> }>>("debug_traceCall", [
    { from: call.from, to: call.to, data: call.data, value: numberToHex(call.value), gas: call.gas },
    "latest",
    { tracer: "prestateTracer" },
  ]);
  const storage = Object.entries(trace).find(([address]) => address.toLowerCase() === call.to.toLowerCase())?.[1]
    ?.storage;
  for (const [slotHex, valueHex] of Object.entries(storage ?? {})) {
    const value = hexToBigInt(valueHex as Hex);
    const begin = value & mask128;
    const end = value >> 128n;
    if (begin !== end) continue;
    const slot = hexToBigInt(slotHex as Hex);
    const reverted = await callReverts(rpc, call, {
      [call.to]: {
        stateDiff: { [word(slot)]: word(((end + 1n) << 128n) | begin), [elementSlot(slot, end)]: keccak256(call.data) },
      },
    });
    if (!isEmptyQueueRevert(reverted ?? undefined)) return slot;
  }
  return null;
}

/**
 * Lets `call` (an action from the timelock to its governor) through `onlyGovernance` as `execute`
 * would, when the governor refuses it only for want of the queued hash. Returns true when it
 * queued the hash, false when the call needs nothing (or the queue could not be found: the action
 * then runs as it is and its revert is reported).
 *
 * @example if (await queueGovernanceCall(rpc, chainId, call)) notes.push("…");
 */
export async function queueGovernanceCall(rpc: ForkRpc, chainId: number, call: Call): Promise<boolean> {
  const reverted = await callReverts(rpc, call);
  if (!isEmptyQueueRevert(reverted ?? undefined)) return false;
  const key = `${chainId}:${call.to.toLowerCase()}`;
  let slot = slots.get(key);
  if (slot === undefined) {
    slot = await findQueueSlot(rpc, call).catch(() => null);
    if (slots.size > 1_000) slots.clear();
    slots.set(key, slot);
  }
  if (slot === null) return false;
  const current = hexToBigInt(await rpc<Hex>("eth_getStorageAt", [call.to, word(slot), "latest"]));
  const begin = current & mask128;
  const end = current >> 128n;
  await rpc("anvil_setStorageAt", [call.to, elementSlot(slot, end), keccak256(call.data)]);
  await rpc("anvil_setStorageAt", [call.to, word(slot), word(((end + 1n) << 128n) | begin)]);
  return true;
}
