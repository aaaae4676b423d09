/**
 * The one batching path for live reads: many typed contract reads (and native balances) in one
 * round trip that all describe one block, on any EVM chain.
 *
 * - Where the chain has Multicall3 (./multicall3 finds it once per chain): one `aggregate3` call,
 *   which also answers the block number and timestamp it ran at.
 * - Where it has none: one JSON-RPC batch (the transport sends calls issued together in one HTTP
 *   request): the head block, every `eth_call`, and the head again. When the two heads differ (a
 *   block arrived mid-batch) the calls are read again pinned to the newer block, so the answer
 *   always comes from one block. With `blockNumber` given, the batch is pinned from the start.
 *
 * A call that reverts (or returns nothing, or does not decode) comes back `undefined`; an RPC that
 * cannot be reached throws (./chainErrors), so a page can tell "the contract said no" from
 * "the chain did not answer".
 *
 * Over 300 lines because its two strategies (Multicall3, JSON-RPC batch) must answer one block the same way; kept side by side.
 */
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionReturnType,
  decodeFunctionResult,
  encodeFunctionData,
  type Hex,
  hexToBigInt,
  multicall3Abi,
  numberToHex,
  type PublicClient,
  parseAbi,
} from "viem";
import { unreachableCause } from "./chainErrors";
import { findMulticall3 } from "./multicall3";

type ReadMutability = "pure" | "view";

/** A read ready to send: a contract call, or a native balance (`eth_getBalance` / Multicall3's getEthBalance). */
export type PreparedCall<T> =
  | { kind?: "call"; target: Address; callData: Hex; decode: (data: Hex) => T }
  | { kind: "balance"; account: Address; decode: (data: Hex) => T };

/**
 * Prepares one typed read for {@link readCalls}.
 *
 * @example
 * const supply = contractCall({ address: token, abi: erc20Abi, functionName: "totalSupply" });
 */
export function contractCall<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, ReadMutability>,
  const args extends ContractFunctionArgs<abi, ReadMutability, functionName>,
>(call: {
  address: Address;
  abi: abi;
  functionName: functionName;
  args?: args;
}): PreparedCall<ContractFunctionReturnType<abi, ReadMutability, functionName, args>> {
  const { address, abi, functionName, args } = call;
  const callData = encodeFunctionData({ abi, functionName, args } as never);
  return {
    target: address,
    callData,
    decode: (data) =>
      decodeFunctionResult({ abi, functionName, args, data } as never) as ContractFunctionReturnType<
        abi,
        ReadMutability,
        functionName,
        args
      >,
  };
}

/**
 * The native balance of `account`, in the same round trip as the contract reads.
 *
 * @example const [eth] = await readCalls(client, [ethBalanceCall(timelock)]);
 */
export function ethBalanceCall(account: Address): PreparedCall<bigint> {
  return { kind: "balance", account, decode: (data) => hexToBigInt(data) };
}

export type CallResults<calls extends readonly PreparedCall<unknown>[]> = {
  [index in keyof calls]: calls[index] extends PreparedCall<infer value> ? value | undefined : never;
};

/** One call's raw answer: what aggregate3 gives (`success`, `returnData`), whichever path was used. */
export type RawResult = { success: boolean; returnData: Hex };

export type RawReads = {
  results: RawResult[];
  /** The block every call was read at. */
  blockNumber: bigint;
  /** Its timestamp, in seconds. */
  blockTimestamp: bigint;
  via: "multicall3" | "batch";
  /** HTTP round trips it took (2 only when a block arrived in the middle of a batch). */
  roundTrips: number;
};

export type ReadOptions = {
  /** Read at this block instead of the head (it must still be in the node's state). */
  blockNumber?: bigint;
};

/** The client methods the batching path uses (a viem PublicClient has them all). */
export type ChainReader = Pick<PublicClient, "chain" | "transport" | "getCode" | "request">;

const blockAbi = parseAbi([
  "function getBlockNumber() view returns (uint256 blockNumber)",
  "function getCurrentBlockTimestamp() view returns (uint256 timestamp)",
  "function getEthBalance(address addr) view returns (uint256 balance)",
]);

function revertDataOf(error: unknown): Hex {
  for (let e = error as { data?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.data === "string" && e.data.startsWith("0x")) return e.data as Hex;
    const nested = (e.data as { data?: unknown } | undefined)?.data;
    if (typeof nested === "string" && nested.startsWith("0x")) return nested as Hex;
  }
  return "0x";
}

async function viaMulticall3(
  client: ChainReader,
  multicall3: Address,
  calls: readonly PreparedCall<unknown>[],
  options: ReadOptions,
): Promise<RawReads> {
  const sub = (functionName: "getBlockNumber" | "getCurrentBlockTimestamp") => ({
    target: multicall3,
    allowFailure: true,
    callData: encodeFunctionData({ abi: blockAbi, functionName }),
  });
  const aggregate = [
    ...calls.map((call) =>
      call.kind === "balance"
        ? {
            target: multicall3,
            allowFailure: true,
            callData: encodeFunctionData({ abi: blockAbi, functionName: "getEthBalance", args: [call.account] }),
          }
        : { target: call.target, allowFailure: true, callData: call.callData },
    ),
    sub("getBlockNumber"),
    sub("getCurrentBlockTimestamp"),
  ];
  const data = (await client.request({
    method: "eth_call",
    params: [
      {
        to: multicall3,
        data: encodeFunctionData({ abi: multicall3Abi, functionName: "aggregate3", args: [aggregate] }),
      },
      options.blockNumber === undefined ? "latest" : numberToHex(options.blockNumber),
    ],
  })) as Hex;
  const decoded = decodeFunctionResult({
    abi: multicall3Abi,
    functionName: "aggregate3",
    data,
  }) as readonly RawResult[];
  const word = (result: RawResult | undefined) =>
    result?.success && result.returnData.length >= 66 ? hexToBigInt(result.returnData) : undefined;
  const blockNumber = word(decoded[calls.length]);
  const blockTimestamp = word(decoded[calls.length + 1]);
  if (blockNumber === undefined || blockTimestamp === undefined) {
    throw new Error(`Multicall3 at ${multicall3} on chain ${client.chain?.id} did not answer getBlockNumber()`);
  }
  return {
    results: calls.map((_, index) => decoded[index] ?? { success: false, returnData: "0x" }),
    blockNumber,
    blockTimestamp,
    via: "multicall3",
    roundTrips: 1,
  };
}

type Header = { number: Hex; timestamp: Hex };

/** Every call and the block header at `tag`, issued together so the transport sends one batch. */
async function batchAt(client: ChainReader, calls: readonly PreparedCall<unknown>[], tag: Hex | "latest") {
  const header = client.request({ method: "eth_getBlockByNumber", params: [tag, false] }) as Promise<Header | null>;
  const answers = calls.map((call) =>
    (call.kind === "balance"
      ? client.request({ method: "eth_getBalance", params: [call.account, tag] })
      : client.request({ method: "eth_call", params: [{ to: call.target, data: call.callData }, tag] })
    ).then(
      (data): RawResult => ({ success: true, returnData: (data as Hex | null) ?? "0x" }),
      (error: unknown): RawResult => {
        // The endpoints failing is the page's problem; one call failing is that call's answer.
        const unreachable = unreachableCause(error);
        if (unreachable) throw unreachable;
        return { success: false, returnData: revertDataOf(error) };
      },
    ),
  );
  const tail =
    tag === "latest" ? (client.request({ method: "eth_blockNumber" }) as Promise<Hex>) : Promise.resolve(undefined);
  const [block, results, after] = await Promise.all([header, Promise.all(answers), tail]);
  if (!block) throw new Error(`chain ${client.chain?.id} has no block ${tag}`);
  return { block, results, after: after === undefined ? undefined : hexToBigInt(after) };
}

async function viaBatch(client: ChainReader, calls: readonly PreparedCall<unknown>[], options: ReadOptions) {
  let roundTrips = 1;
  let read = await batchAt(
    client,
    calls,
    options.blockNumber === undefined ? "latest" : numberToHex(options.blockNumber),
  );
  if (read.after !== undefined && read.after !== hexToBigInt(read.block.number)) {
    // A block arrived while the batch ran: read again, pinned to the newer one.
    roundTrips = 2;
    read = await batchAt(client, calls, numberToHex(read.after));
  }
  return {
    results: read.results,
    blockNumber: hexToBigInt(read.block.number),
    blockTimestamp: hexToBigInt(read.block.timestamp),
    via: "batch" as const,
    roundTrips,
  };
}

/**
 * Every call's raw answer, from one block, in one round trip (see the module comment).
 *
 * @example
 * const { results, blockNumber, via } = await readRaw(client, [contractCall({ address, abi, functionName })]);
 */
export async function readRaw(
  client: ChainReader,
  calls: readonly PreparedCall<unknown>[],
  options: ReadOptions = {},
): Promise<RawReads> {
  // The same call asked twice (a Bravo struct read for several fields, one quorum for every
  // proposal) is sent once.
  const unique: PreparedCall<unknown>[] = [];
  const seen = new Map<string, number>();
  const slots = calls.map((call) => {
    const key =
      call.kind === "balance"
        ? `balance:${call.account.toLowerCase()}`
        : `${call.target.toLowerCase()}:${call.callData}`;
    let slot = seen.get(key);
    if (slot === undefined) {
      slot = unique.push(call) - 1;
      seen.set(key, slot);
    }
    return slot;
  });
  let read: RawReads;
  try {
    const multicall3 = await findMulticall3(client);
    read = multicall3
      ? await viaMulticall3(client, multicall3, unique, options)
      : await viaBatch(client, unique, options);
  } catch (error) {
    // viem wraps the transport's error in its own RPC error classes: hand back ours, which names each endpoint.
    throw unreachableCause(error) ?? error;
  }
  return { ...read, results: slots.map((slot) => read.results[slot] ?? { success: false, returnData: "0x" }) };
}

function decodeAll<const calls extends readonly PreparedCall<unknown>[]>(
  calls: calls,
  results: readonly RawResult[],
): CallResults<calls> {
  return calls.map((call, index) => {
    const result = results[index];
    if (!result?.success || result.returnData === "0x") return undefined;
    try {
      return call.decode(result.returnData);
    } catch {
      return undefined;
    }
  }) as unknown as CallResults<calls>;
}

/**
 * The decoded answers with the block they describe.
 *
 * @example
 * const { values: [supply], blockNumber } = await readCallsAt(client, [totalSupplyCall]);
 */
export async function readCallsAt<const calls extends readonly PreparedCall<unknown>[]>(
  client: ChainReader,
  calls: calls,
  options: ReadOptions = {},
): Promise<Omit<RawReads, "results"> & { values: CallResults<calls> }> {
  const { results, ...rest } = await readRaw(client, calls, options);
  return { ...rest, values: decodeAll(calls, results) };
}

/**
 * Runs every call in one round trip (optionally at a past block). A call that reverts or whose
 * answer does not decode is `undefined`; an unreachable chain throws.
 *
 * @example
 * const [supply, symbol] = await readCalls(client, [
 *   contractCall({ address: token, abi: erc20Abi, functionName: "totalSupply" }),
 *   contractCall({ address: token, abi: erc20Abi, functionName: "symbol" }),
 * ]); // [10000000000000000000000000n, "COMM"]
 */
export async function readCalls<const calls extends readonly PreparedCall<unknown>[]>(
  client: ChainReader,
  calls: calls,
  options: ReadOptions = {},
): Promise<CallResults<calls>> {
  if (calls.length === 0) return [] as unknown as CallResults<calls>;
  return (await readCallsAt(client, calls, options)).values;
}
