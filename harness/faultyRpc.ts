/**
 * A fault-injecting JSON-RPC proxy: put it in front of any RPC (anvil in the tests) and it answers
 * the way real providers do when they are unhappy — eth_getLogs refused over a block range cap or a
 * result cap, a share of requests rate limited (HTTP 429, or -32005 inside a 200), state older than
 * N blocks behind the head refused as a pruned node does, or every connection dropped (a dead
 * endpoint that still accepts TCP). Every refusal uses a real provider's wording, rotating through
 * several, and is counted: `faults()` here, `GET /faults` over HTTP, so a test can assert that each
 * fault really happened. Single and batch requests; CORS open, so a browser page can call it.
 *
 * Usage (in front of any RPC; prints its URL, and the fault counts on Ctrl-C):
 *   tsx harness/faultyRpc.ts --upstream http://127.0.0.1:8545 --port 8600 \
 *     --max-logs-range 2000 --max-logs-results 1000 --rate-limit 0.1 --state-history 128 --seed 1
 *   (--drop-connections makes it a dead endpoint; curl http://127.0.0.1:8600/faults for the counts)
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { seededRandom } from "../scripts/lib/seededRandom";
import { freePort } from "./anvil";

export type FaultyRpcOptions = {
  /** The RPC the proxy forwards to. */
  upstream: string;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** eth_getLogs over more blocks than this (to - from + 1) is refused. */
  maxLogsRange?: number;
  /** eth_getLogs answers with more logs than this are refused. */
  maxLogsResults?: number;
  /** Share (0..1) of HTTP requests refused as rate limited. */
  rateLimit?: number;
  /** Seed of the generator choosing which requests are rate limited (default 1): reproducible runs. */
  seed?: number;
  /** State reads (eth_call, eth_getBalance, eth_getCode…) at blocks older than head - N are refused. */
  stateHistory?: number;
  /** Answer every request this much later: a slow provider. */
  latencyMs?: number;
  /** Accept every connection and close it at once, answering nothing: a dead endpoint. */
  dropConnections?: boolean;
  /**
   * Only these wordings (as named in FaultCounts.wordings, e.g. "alchemy range"); default: all,
   * taking turns. A kind of refusal with none of its wordings listed is not injected.
   */
  wordings?: readonly string[];
};

/** What the proxy did, by kind of fault. */
export type FaultCounts = {
  /** HTTP requests received (a batch is one). */
  requests: number;
  /** JSON-RPC calls received (a batch of 10 is 10). */
  calls: number;
  /** HTTP 429 answers. */
  rateLimited: number;
  /** HTTP 200 answers whose calls all carry a -32005 rate-limit error (Infura-style). */
  rateLimitedRpc: number;
  /** eth_getLogs refused for its block range. */
  logsRangeRefused: number;
  /** eth_getLogs refused for the number of logs it would return. */
  logsResultsRefused: number;
  /** State reads refused for their age. */
  stateRefused: number;
  /** Connections closed without an answer (dropConnections). */
  dropped: number;
  /** Each refusal by the provider whose words it used ("alchemy range", "infura results"…). */
  wordings: Record<string, number>;
  /** Calls by JSON-RPC method. */
  methods: Record<string, number>;
};

export type FaultyRpc = {
  url: string;
  port: number;
  /** A copy of the counters. */
  faults(): FaultCounts;
  stop(): Promise<void>;
};

type RpcCall = { jsonrpc?: string; id?: unknown; method?: unknown; params?: unknown };
type RpcAnswer = { jsonrpc: "2.0"; id: unknown; result?: unknown; error?: { code: number; message: string } };
type Refusal = { code: number; message: string; wording: string };

const stateMethods: Record<string, number> = {
  // method → index of its block parameter
  eth_call: 1,
  eth_getBalance: 1,
  eth_getCode: 1,
  eth_getTransactionCount: 1,
  eth_getStorageAt: 2,
  eth_getProof: 2,
  eth_estimateGas: 1,
  eth_createAccessList: 1,
};

/** 2000 → "2K", 10000 → "10K", 1500 → "1500" (Alchemy writes its limits this way). */
function kilo(value: number): string {
  return value % 1000 === 0 ? `${value / 1000}K` : String(value);
}

/** The ways real providers refuse an eth_getLogs block range (rotated through). */
const rangeWordings: ((max: number, maxResults: number) => Refusal)[] = [
  // Alchemy, without its "this block range should work" suggestion (which it does not always send).
  (max, maxResults) => ({
    code: -32602,
    wording: "alchemy range",
    message: `Log response size exceeded. You can make eth_getLogs requests with up to a ${kilo(max)} block range and no limit on the response size, or you can request any block range with a cap of ${kilo(maxResults)} logs in the response.`,
  }),
  // QuickNode (its code and wording; the number has thousands separators).
  (max) => ({
    code: -32614,
    wording: "quicknode range",
    message: `eth_getLogs is limited to a ${max.toLocaleString("en-US")} range`,
  }),
  // Base, Monad and other geth-derived endpoints: no number at all.
  () => ({ code: -32000, wording: "generic range", message: "block range too large" }),
  // PublicNode / others: the number after a colon.
  (max) => ({ code: -32000, wording: "publicnode range", message: `exceed maximum block range: ${max}` }),
];

/** The ways real providers refuse an eth_getLogs answer with too many logs. */
const resultWordings: ((maxResults: number, maxRange: number) => Refusal)[] = [
  // Infura (and geth-derived nodes with a result cap).
  (max) => ({ code: -32005, wording: "infura results", message: `query returned more than ${max} results` }),
  // Alchemy's one message for both limits.
  (max, maxRange) => ({
    code: -32602,
    wording: "alchemy results",
    message: `Log response size exceeded. You can make eth_getLogs requests with up to a ${kilo(maxRange)} block range and no limit on the response size, or you can request any block range with a cap of ${kilo(max)} logs in the response.`,
  }),
  // LlamaRPC, Ankr, Altitude.
  (max) => ({ code: -32602, wording: "llamarpc results", message: `query exceeds max results ${max}` }),
];

/** The ways nodes without old state refuse a read at an old block. */
const stateWordings: ((head: number, requested: number) => Refusal)[] = [
  // anvil / foundry (what the issue saw).
  (head, requested) => ({
    code: -32602,
    wording: "anvil state",
    message: `BlockOutOfRangeError: block height is ${head} but requested was ${requested}`,
  }),
  // geth, hash-based state scheme.
  (_, requested) => ({
    code: -32000,
    wording: "geth missing trie node",
    message: `missing trie node ${fakeHash(requested)} (path ) state ${fakeHash(requested + 1)} is not available`,
  }),
  // geth, path-based state scheme.
  (_, requested) => ({
    code: -32000,
    wording: "geth historical state",
    message: `historical state ${fakeHash(requested)} is not available`,
  }),
  // Infura and others for a pruned block.
  () => ({ code: -32000, wording: "header not found", message: "header not found" }),
];

function fakeHash(seed: number): string {
  return `0x${(seed >>> 0).toString(16).padStart(8, "0").repeat(8)}`;
}

const maxBodyBytes = 10 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error("request body too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function cors(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader("access-control-allow-origin", "*");
  response.setHeader("access-control-allow-methods", "POST, GET, OPTIONS");
  response.setHeader(
    "access-control-allow-headers",
    request.headers["access-control-request-headers"] ?? "content-type",
  );
  response.setHeader("access-control-max-age", "600");
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/**
 * Starts the proxy and resolves once it listens.
 *
 * @example
 * const proxy = await startFaultyRpc({ upstream: anvil.rpcUrl, maxLogsRange: 2000, rateLimit: 0.1 });
 * try { … proxy.url … expect(proxy.faults().rateLimited).toBeGreaterThan(0) } finally { await proxy.stop() }
 */
export async function startFaultyRpc(options: FaultyRpcOptions): Promise<FaultyRpc> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  const random = seededRandom(options.seed ?? 1);
  const counts: FaultCounts = {
    requests: 0,
    calls: 0,
    rateLimited: 0,
    rateLimitedRpc: 0,
    logsRangeRefused: 0,
    logsResultsRefused: 0,
    stateRefused: 0,
    dropped: 0,
    wordings: {},
    methods: {},
  };
  const rotation = { range: 0, results: 0, state: 0, rateLimit: 0 };
  const allowed = <T extends (...args: never[]) => Refusal>(wordings: T[], sample: Parameters<T>): T[] =>
    options.wordings === undefined
      ? wordings
      : wordings.filter((wording) => options.wordings?.includes(wording(...sample).wording));
  const range = allowed(rangeWordings, [1, 1]);
  const results = allowed(resultWordings, [1, 1]);
  const state = allowed(stateWordings, [1, 0]);
  const refused = (refusal: Refusal): { code: number; message: string } => {
    counts.wordings[refusal.wording] = (counts.wordings[refusal.wording] ?? 0) + 1;
    return { code: refusal.code, message: refusal.message };
  };

  let upstreamId = 0;
  const upstream = async (method: string, params: unknown): Promise<RpcAnswer> => {
    const response = await fetch(options.upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++upstreamId, method, params }),
    });
    return (await response.json()) as RpcAnswer;
  };

  let head: { block: number; at: number } | undefined;
  const headBlock = async (): Promise<number> => {
    if (head && Date.now() - head.at < 200) return head.block;
    const answer = await upstream("eth_blockNumber", []);
    head = { block: Number(BigInt(answer.result as string)), at: Date.now() };
    return head.block;
  };
  const blockNumbersByHash = new Map<string, number>();

  /** The block a tag, number or EIP-1898 object names; undefined for the head (latest, pending…). */
  const blockOf = async (tag: unknown): Promise<number | undefined> => {
    if (tag === undefined || tag === null) return undefined;
    if (typeof tag === "string") {
      if (tag === "earliest") return 0;
      return /^0x[0-9a-f]+$/i.test(tag) ? Number(BigInt(tag)) : undefined;
    }
    if (typeof tag === "object") {
      const { blockNumber, blockHash } = tag as { blockNumber?: unknown; blockHash?: unknown };
      if (blockNumber !== undefined) return blockOf(blockNumber);
      if (typeof blockHash === "string") {
        const known = blockNumbersByHash.get(blockHash);
        if (known !== undefined) return known;
        const block = (await upstream("eth_getBlockByHash", [blockHash, false])).result as { number?: string } | null;
        if (!block?.number) return undefined;
        blockNumbersByHash.set(blockHash, Number(BigInt(block.number)));
        return Number(BigInt(block.number));
      }
    }
    return undefined;
  };

  const handleCall = async (call: RpcCall): Promise<RpcAnswer> => {
    counts.calls++;
    const id = call.id ?? null;
    if (typeof call.method !== "string") {
      return { jsonrpc: "2.0", id, error: { code: -32600, message: "invalid request" } };
    }
    counts.methods[call.method] = (counts.methods[call.method] ?? 0) + 1;
    const params = Array.isArray(call.params) ? call.params : [];
    const stateIndex = stateMethods[call.method];
    if (options.stateHistory !== undefined && stateIndex !== undefined && state.length > 0) {
      const requested = await blockOf(params[stateIndex]);
      if (requested !== undefined) {
        const current = await headBlock();
        if (requested < current - options.stateHistory) {
          counts.stateRefused++;
          const wording = state[rotation.state++ % state.length];
          if (wording) return { jsonrpc: "2.0", id, error: refused(wording(current, requested)) };
        }
      }
    }
    if (call.method === "eth_getLogs" && typeof params[0] === "object" && params[0] !== null) {
      const filter = params[0] as { fromBlock?: unknown; toBlock?: unknown; blockHash?: unknown };
      const maxRange = options.maxLogsRange ?? Number.POSITIVE_INFINITY;
      const maxResults = options.maxLogsResults ?? Number.POSITIVE_INFINITY;
      if (filter.blockHash === undefined && Number.isFinite(maxRange) && range.length > 0) {
        const from = (await blockOf(filter.fromBlock ?? "latest")) ?? (await headBlock());
        const to = (await blockOf(filter.toBlock ?? "latest")) ?? (await headBlock());
        if (to - from + 1 > maxRange) {
          counts.logsRangeRefused++;
          const wording = range[rotation.range++ % range.length];
          if (wording) return { jsonrpc: "2.0", id, error: refused(wording(maxRange, maxResults)) };
        }
      }
      const answer = await upstream(call.method, params);
      if (Array.isArray(answer.result) && answer.result.length > maxResults && results.length > 0) {
        counts.logsResultsRefused++;
        const wording = results[rotation.results++ % results.length];
        // Alchemy names a block range in this message too; its own is 2K.
        const namedRange = Number.isFinite(maxRange) ? maxRange : 2000;
        if (wording) return { jsonrpc: "2.0", id, error: refused(wording(maxResults, namedRange)) };
      }
      return { ...answer, id };
    }
    return { ...(await upstream(call.method, params)), id };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    cors(request, response);
    if (request.method === "OPTIONS") {
      response.writeHead(204);
      response.end();
      return;
    }
    if (request.method === "GET" && request.url === "/faults") {
      send(response, 200, structuredClone(counts));
      return;
    }
    if (request.method !== "POST") {
      send(response, 405, { error: "POST JSON-RPC, or GET /faults" });
      return;
    }
    counts.requests++;
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      send(response, 200, { jsonrpc: "2.0", id: null, error: { code: -32700, message: "parse error" } });
      return;
    }
    const calls = (Array.isArray(body) ? body : [body]) as RpcCall[];
    if (options.rateLimit !== undefined && random() < options.rateLimit) {
      // Alternate the two ways providers say "slow down": a 429, and -32005 inside a 200.
      if (rotation.rateLimit++ % 2 === 0) {
        counts.rateLimited++;
        const message =
          "Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message. If not, check out https://docs.alchemy.com/reference/throughput";
        send(response, 429, { jsonrpc: "2.0", id: calls[0]?.id ?? null, error: { code: 429, message } });
      } else {
        counts.rateLimitedRpc++;
        const error = { code: -32005, message: "project ID request rate exceeded" };
        const answers = calls.map((call) => ({ jsonrpc: "2.0", id: call.id ?? null, error }));
        send(response, 200, Array.isArray(body) ? answers : answers[0]);
      }
      return;
    }
    try {
      // In order, one after another: which wording a refusal takes rotates, and must not depend on
      // which of a batch's calls happens to finish its own upstream reads first.
      const answers: RpcAnswer[] = [];
      for (const call of calls) answers.push(await handleCall(call));
      send(response, 200, Array.isArray(body) ? answers : answers[0]);
    } catch (error) {
      send(response, 502, { error: `upstream ${options.upstream} failed: ${(error as Error).message}` });
    }
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent) send(response, 500, { error: (error as Error).message });
    });
  });
  // Keep idle connections longer than clients do (undici: 4 s), so the proxy never closes one a
  // client is about to reuse: a fault nobody asked for.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("connection", (socket) => {
    if (options.dropConnections) {
      counts.dropped++;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    faults: () => structuredClone(counts),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      upstream: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "max-logs-range": { type: "string" },
      "max-logs-results": { type: "string" },
      "rate-limit": { type: "string" },
      "state-history": { type: "string" },
      seed: { type: "string" },
      "latency-ms": { type: "string" },
      "drop-connections": { type: "boolean" },
    },
  });
  if (!values.upstream) {
    console.error(
      "usage: tsx harness/faultyRpc.ts --upstream URL [--port N] [--max-logs-range BLOCKS] [--max-logs-results LOGS] [--rate-limit 0..1] [--state-history BLOCKS] [--seed N] [--latency-ms MS] [--drop-connections]",
    );
    process.exit(2);
  }
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const proxy = await startFaultyRpc({
    upstream: values.upstream,
    port: number(values.port),
    host: values.host,
    maxLogsRange: number(values["max-logs-range"]),
    maxLogsResults: number(values["max-logs-results"]),
    rateLimit: number(values["rate-limit"]),
    stateHistory: number(values["state-history"]),
    seed: number(values.seed),
    latencyMs: number(values["latency-ms"]),
    dropConnections: values["drop-connections"],
  });
  console.log(`faulty RPC in front of ${values.upstream}: ${proxy.url} (fault counts: GET ${proxy.url}/faults)`);
  process.on("SIGINT", () => {
    console.log(JSON.stringify(proxy.faults(), null, 2));
    void proxy.stop().then(() => process.exit(0));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) void main();
