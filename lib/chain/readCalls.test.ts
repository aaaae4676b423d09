import { createPublicClient, custom, erc20Abi, http, numberToHex } from "viem";
import { afterEach, describe, expect, it } from "vitest";
import { fakeChain, type JsonRpcServer, serveJsonRpc } from "../../harness/standIns/fakeChain";
import { ChainUnreachableError } from "./chainErrors";
import { daoChain } from "./daoChain";
import { clearMulticall3Cache } from "./multicall3";
import { contractCall, ethBalanceCall, readCalls, readCallsAt, readRaw } from "./readCalls";
import { rpcTransport } from "./rpcTransport";

const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const broken = "0x000000000000000000000000000000000000dEaD";
const holder = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

const abi = [
  "function symbol() view returns (string)",
  "function totalSupply() view returns (uint256)",
  "function decimals() view returns (uint8)",
  "function balanceOf(address) view returns (uint256)",
];

function chainWith(multicall3: boolean) {
  return fakeChain({
    abi,
    multicall3,
    contracts: { [token]: { symbol: () => "COMM", totalSupply: () => 42n } },
    balances: { [holder]: 5n },
    block: { number: 150n, timestamp: 1_700_000_000n },
  });
}

function clientOf(request: ReturnType<typeof fakeChain>["request"], chainId = 31337) {
  return createPublicClient({
    chain: daoChain({ chainId, rpcUrls: ["http://fake"] }),
    transport: custom({ request }, { retryCount: 0 }),
  });
}

const calls = () =>
  [
    contractCall({ address: token, abi: erc20Abi, functionName: "symbol" }),
    contractCall({ address: token, abi: erc20Abi, functionName: "totalSupply" }),
    contractCall({ address: token, abi: erc20Abi, functionName: "decimals" }),
    contractCall({ address: broken, abi: erc20Abi, functionName: "balanceOf", args: [holder] }),
    ethBalanceCall(holder),
  ] as const;

const servers: JsonRpcServer[] = [];
afterEach(async () => {
  clearMulticall3Cache();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe.each([
  { path: "multicall3", multicall3: true },
  { path: "batch", multicall3: false },
])("readCalls through $path", ({ path, multicall3 }) => {
  it("decodes each answer, undefined where a call reverts or returns nothing, with the block it was read at", async () => {
    const { request } = chainWith(multicall3);
    const { values, blockNumber, blockTimestamp, via } = await readCallsAt(clientOf(request), calls());
    expect(values).toEqual(["COMM", 42n, undefined, undefined, 5n]);
    expect({ blockNumber, blockTimestamp, via }).toEqual({
      blockNumber: 150n,
      blockTimestamp: 1_700_000_000n,
      via: path,
    });
  });

  it("pins every call to the block asked for", async () => {
    const tags: unknown[] = [];
    const { request } = chainWith(multicall3);
    const client = clientOf(async (call) => {
      if (call.method === "eth_call" || call.method === "eth_getBalance") tags.push((call.params as unknown[])[1]);
      return request(call);
    });
    await readCalls(client, calls(), { blockNumber: 7n });
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set([numberToHex(7n)]));
  });

  it("sends one call once however many times it is asked", async () => {
    const { request, log } = chainWith(multicall3);
    const symbol = contractCall({ address: token, abi: erc20Abi, functionName: "symbol" });
    const answers = await readCalls(clientOf(request), [symbol, symbol, symbol]);
    expect(answers).toEqual(["COMM", "COMM", "COMM"]);
    expect(log.calls.filter((name) => name === "symbol")).toHaveLength(1);
  });

  it("costs one HTTP round trip over the transport", async () => {
    const server = await serveJsonRpc(chainWith(multicall3).request);
    servers.push(server);
    const client = createPublicClient({
      chain: daoChain({ chainId: 31337, rpcUrls: [server.url] }),
      transport: rpcTransport([server.url]),
    });
    await readCalls(client, calls()); // finds (or not) Multicall3 once per chain
    const before = server.httpRequests();
    const { values, roundTrips } = await readCallsAt(client, calls());
    expect(values[0]).toBe("COMM");
    expect(roundTrips).toBe(1);
    expect(server.httpRequests() - before).toBe(1);
  });
});

describe("readCalls", () => {
  it("makes no request for no calls", async () => {
    const { request, log } = chainWith(true);
    expect(await readCalls(clientOf(request), [])).toEqual([]);
    expect(log.methods).toEqual([]);
  });

  it("finds Multicall3 once per chain and says when there is none", async () => {
    const { request, log } = chainWith(false);
    const client = clientOf(request);
    const lines: string[] = [];
    const info = console.info;
    console.info = (line: string) => lines.push(line);
    try {
      await readCalls(client, calls());
      await readCalls(client, calls());
    } finally {
      console.info = info;
    }
    // The canonical address is the only candidate for the local chain: one getCode, ever.
    expect(log.methods.filter((method) => method === "eth_getCode")).toHaveLength(1);
    expect(lines).toEqual(["no Multicall3 on chain 31337 — reading without it (JSON-RPC batches pinned to one block)"]);
  });

  it("reads again, pinned to the newer block, when a block arrives in the middle of a batch", async () => {
    const { request } = chainWith(false);
    let head = 150n;
    const tags: unknown[] = [];
    const client = clientOf(async (call) => {
      const params = (call.params ?? []) as unknown[];
      if (call.method === "eth_blockNumber") return numberToHex(++head);
      if (call.method === "eth_getBlockByNumber") {
        const tag = params[0] as string;
        return { number: tag === "latest" ? numberToHex(150n) : tag, timestamp: "0x1", hash: `0x${"00".repeat(32)}` };
      }
      if (call.method === "eth_call") tags.push(params[1]);
      return request(call);
    });
    const raw = await readRaw(client, [contractCall({ address: token, abi: erc20Abi, functionName: "symbol" })]);
    expect(raw).toMatchObject({ blockNumber: 151n, roundTrips: 2, via: "batch" });
    expect(tags).toEqual(["latest", numberToHex(151n)]);
  });

  it("throws when the chain cannot be reached, naming what each endpoint did", async () => {
    const client = createPublicClient({
      chain: daoChain({ chainId: 31337, rpcUrls: ["http://127.0.0.1:1"] }),
      transport: rpcTransport(["http://127.0.0.1:1"], { maxRounds: 1 }),
    });
    const error = await readCalls(client, calls()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChainUnreachableError);
    expect((error as ChainUnreachableError).kind).toBe("unreachable");
    expect((error as Error).message).toBe("The RPC endpoint of chain 31337 failed: 127.0.0.1:1 refused the connection");
  });

  it("works with a plain viem http client too", async () => {
    const server = await serveJsonRpc(chainWith(false).request);
    servers.push(server);
    const client = createPublicClient({
      chain: daoChain({ chainId: 31337, rpcUrls: [server.url] }),
      transport: http(server.url, { batch: true }),
    });
    expect(await readCalls(client, calls())).toEqual(["COMM", 42n, undefined, undefined, 5n]);
  });
});
