/**
 * Test helper: a pretend chain whose contracts answer the functions a test lists, served either
 * as an EIP-1193 `request` function (for viem's `custom` transport) or over HTTP with JSON-RPC
 * batches (`serveJsonRpc`, which counts HTTP requests — the "round trips" a page costs). With
 * `multicall3: true` it also has Multicall3 at the canonical address (aggregate3, getBlockNumber,
 * getCurrentBlockTimestamp, getEthBalance), so both read paths of lib/chain/readCalls run
 * against the same contracts.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type Abi,
  decodeFunctionData,
  encodeFunctionResult,
  type Hex,
  multicall3Abi,
  numberToHex,
  parseAbi,
  toFunctionSelector,
} from "viem";
import { multicall3Address } from "../../lib/chain/daoChain";

export type FakeHandler = (args: readonly unknown[]) => unknown;
/** By address, then function name; any other call reverts (empty data). */
export type FakeContracts = Record<string, Record<string, FakeHandler>>;

export type FakeChainOptions = {
  /** Every function the contracts may be asked, as human-readable ABI signatures. */
  abi: readonly string[];
  contracts: FakeContracts;
  multicall3?: boolean;
  block?: { number: bigint; timestamp: bigint };
  /** Native balances by address. */
  balances?: Record<string, bigint>;
};

export type FakeChainLog = {
  /** Every JSON-RPC method asked, in order. */
  methods: string[];
  /** Function names asked through eth_call (directly or inside aggregate3), in order. */
  calls: string[];
};

const multicallViews = parseAbi([
  "function getBlockNumber() view returns (uint256 blockNumber)",
  "function getCurrentBlockTimestamp() view returns (uint256 timestamp)",
  "function getEthBalance(address addr) view returns (uint256 balance)",
]);

class RevertError extends Error {
  code = 3;
  data: Hex = "0x";
}

/**
 * @example
 * const { request, log } = fakeChain({ abi: ["function state(uint256) view returns (uint8)"], contracts: { [governor]: { state: () => 1 } } });
 * const client = createPublicClient({ chain, transport: custom({ request }) });
 */
export function fakeChain(options: FakeChainOptions) {
  const abi = parseAbi(options.abi as string[]) as Abi;
  const block = options.block ?? { number: 150n, timestamp: 1_700_000_000n };
  const log: FakeChainLog = { methods: [], calls: [] };
  const contracts = new Map(Object.entries(options.contracts).map(([address, fns]) => [address.toLowerCase(), fns]));
  const isMulticall = (address: string) =>
    options.multicall3 === true && address.toLowerCase() === multicall3Address.toLowerCase();
  const balanceOf = (address: string) =>
    Object.entries(options.balances ?? {}).find(([key]) => key.toLowerCase() === address.toLowerCase())?.[1] ?? 0n;

  /** One contract call: its return data, or a RevertError. */
  function evaluate(target: string, callData: Hex): Hex {
    if (isMulticall(target)) {
      const { functionName, args } = decodeFunctionData({ abi: multicallViews, data: callData });
      log.calls.push(functionName);
      const result =
        functionName === "getBlockNumber"
          ? block.number
          : functionName === "getCurrentBlockTimestamp"
            ? block.timestamp
            : balanceOf(args?.[0] as string);
      return encodeFunctionResult({ abi: multicallViews, functionName, result });
    }
    const item = abi.find((entry) => entry.type === "function" && toFunctionSelector(entry) === callData.slice(0, 10));
    const name = item?.type === "function" ? item.name : "?";
    log.calls.push(name);
    const handler = contracts.get(target.toLowerCase())?.[name];
    if (!handler) throw new RevertError("execution reverted");
    const { args = [] } = decodeFunctionData({ abi, data: callData });
    return encodeFunctionResult({ abi, functionName: name, result: handler(args) });
  }

  async function request({ method, params }: { method: string; params?: unknown }): Promise<unknown> {
    log.methods.push(method);
    const list = (params ?? []) as unknown[];
    switch (method) {
      case "eth_chainId":
        return "0x7a69";
      case "eth_blockNumber":
        return numberToHex(block.number);
      case "eth_getBlockByNumber":
        return {
          number: numberToHex(block.number),
          timestamp: numberToHex(block.timestamp),
          hash: `0x${"ab".repeat(32)}`,
        };
      case "eth_getBalance":
        return numberToHex(balanceOf(list[0] as string));
      case "eth_getCode": {
        const address = list[0] as string;
        return isMulticall(address) || contracts.has(address.toLowerCase()) ? "0x6001" : "0x";
      }
      case "eth_call": {
        const { to, data } = list[0] as { to: string; data: Hex };
        if (isMulticall(to) && data.startsWith(toFunctionSelector("aggregate3((address,bool,bytes)[])"))) {
          const calls = decodeFunctionData({ abi: multicall3Abi, data }).args[0] as readonly {
            target: string;
            callData: Hex;
          }[];
          const results = calls.map(({ target, callData }) => {
            try {
              return { success: true, returnData: evaluate(target, callData) };
            } catch {
              return { success: false, returnData: "0x" as Hex };
            }
          });
          return encodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", result: results });
        }
        return evaluate(to, data);
      }
      default:
        throw new Error(`fakeChain: unexpected ${method}`);
    }
  }

  return { request, log };
}

export type JsonRpcServer = {
  url: string;
  /** HTTP requests received (a JSON-RPC batch is one). */
  httpRequests: () => number;
  close: () => Promise<void>;
};

/**
 * Serves an EIP-1193 `request` function over HTTP, answering JSON-RPC batches as batches, on a
 * free loopback port. Errors with a `code` become JSON-RPC errors (reverts keep their data).
 *
 * @example
 * const server = await serveJsonRpc(fakeChain(options).request);
 * const client = createPublicClient({ transport: rpcTransport([server.url]) });
 */
export async function serveJsonRpc(
  request: (call: { method: string; params?: unknown }) => Promise<unknown>,
): Promise<JsonRpcServer> {
  let count = 0;
  type JsonRpcCall = { id: number; method: string; params?: unknown };
  const answer = async (call: JsonRpcCall) => {
    try {
      return { jsonrpc: "2.0", id: call.id, result: await request(call) };
    } catch (error) {
      const { code, data, message } = error as { code?: number; data?: Hex; message: string };
      return { jsonrpc: "2.0", id: call.id, error: { code: code ?? -32603, message, ...(data ? { data } : {}) } };
    }
  };
  const server: Server = createServer((req, res) => {
    count += 1;
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", async () => {
      const parsed = JSON.parse(body) as unknown;
      const out = Array.isArray(parsed) ? await Promise.all(parsed.map(answer)) : await answer(parsed as JsonRpcCall);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    httpRequests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
