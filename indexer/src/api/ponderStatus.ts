/**
 * How far Ponder has indexed each chain, read through Ponder's documented `GET /status` on the
 * same HTTP server as this API (`{ [chainName]: { id, block: { number, timestamp } } }`), not from
 * its internal checkpoint table.
 */
import type { IncomingMessage } from "node:http";

/**
 * What @hono/node-server, the server Ponder runs this API on, passes every route as `c.env`: the
 * Node request, whose socket says which of this machine's addresses and ports the request reached.
 */
export type ApiEnv = { Bindings: { incoming: IncomingMessage } };

/** A route's context, as far as reading Ponder's progress needs it. */
export type ApiContext = { env: ApiEnv["Bindings"] };

export type IndexedHead = { block: bigint; timestamp: bigint };

/** How long one read of Ponder's progress serves every API call that asks (a page makes several). */
const headsCacheMs = 1_000;
let cachedHeads: { at: number; heads: Promise<Map<number, IndexedHead>> } | undefined;

/**
 * Ponder's own `/status` on the server that received `incoming`: the same process, reached on the
 * address and port the request came in on (an IPv4-mapped IPv6 address as plain IPv4; IPv6 in
 * brackets).
 *
 * @example statusUrl(c.env.incoming) // "http://127.0.0.1:42069/status", "http://[::1]:42069/status"
 */
export function statusUrl(incoming: Pick<IncomingMessage, "socket">): string {
  const { localAddress, localPort } = incoming.socket;
  if (!localAddress || !localPort) throw new Error("indexer API: the request's socket has no local address and port");
  const address = localAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return `http://${address.includes(":") ? `[${address}]` : address}:${localPort}/status`;
}

/** Ponder's `GET /status` answer: per chain name, its id and the latest block indexed. */
export function parseStatus(body: unknown): Map<number, IndexedHead> {
  const heads = new Map<number, IndexedHead>();
  if (typeof body !== "object" || body === null) throw new Error("not a JSON object");
  for (const [name, chain] of Object.entries(body)) {
    const { id, block } = (chain ?? {}) as { id?: unknown; block?: { number?: unknown; timestamp?: unknown } };
    if (typeof id !== "number" || typeof block?.number !== "number" || typeof block.timestamp !== "number") {
      throw new Error(`chain "${name}" has no numeric id, block.number and block.timestamp`);
    }
    heads.set(id, { block: BigInt(block.number), timestamp: BigInt(block.timestamp) });
  }
  return heads;
}

async function fetchHeads(url: string): Promise<Map<number, IndexedHead>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return parseStatus(await response.json());
  } catch (error) {
    throw new Error(
      `indexer API: could not read Ponder's progress from ${url}: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/**
 * The latest block (number and timestamp) Ponder has indexed per chain id, from Ponder's documented
 * `GET /status` on this same server (the route's context `c` says where that is). One answer
 * serves every call for about a second, so a burst of API calls makes one request; a failed read
 * is not kept, and throws naming the URL.
 */
export function indexedHeads(c: ApiContext): Promise<Map<number, IndexedHead>> {
  const now = performance.now();
  if (cachedHeads === undefined || now - cachedHeads.at >= headsCacheMs) {
    const entry = { at: now, heads: fetchHeads(statusUrl(c.env.incoming)) };
    cachedHeads = entry;
    entry.heads.catch(() => {
      if (cachedHeads === entry) cachedHeads = undefined;
    });
  }
  return cachedHeads.heads;
}
