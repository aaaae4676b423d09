/**
 * The one viem transport Commons reads a chain through, on the server and in the browser: a DAO's
 * RPC endpoints in config order, each over HTTP with JSON-RPC batching (requests issued together
 * travel in one HTTP request), failing over from one endpoint to the next when one is down,
 * rate-limits, times out or lacks old state, backing off when every endpoint throttles, and giving
 * up with one error that says what each endpoint did (./chainErrors). A reverted call is the
 * contract's answer, the same on every node: it is returned at once, never retried elsewhere.
 *
 * Endpoints that failed lately are tried last (./endpointHealth), so a dead first endpoint costs
 * one refused connection per cooldown, not one per request.
 */
import { createTransport, type EIP1193RequestFn, HttpRequestError, http, type Transport } from "viem";
import { ChainUnreachableError, type EndpointFailure, endpointFailure } from "./chainErrors";
import { orderEndpoints, recordEndpointFailure, recordEndpointSuccess } from "./endpointHealth";

export type RpcTransportOptions = {
  /** Per HTTP request (default 8 s). */
  timeoutMs?: number;
  /** Most JSON-RPC calls in one HTTP batch (default 100; providers cap batches). */
  batchSize?: number;
  /** Rounds over every endpoint before giving up when they throttle or time out (default 3). */
  maxRounds?: number;
  /** Longest wait between rounds, whatever Retry-After says (default 4 s). */
  maxBackoffMs?: number;
};

/** Counts HTTP requests per endpoint URL (for benchmarks: "RPC requests per page view"). */
export const rpcRequestCounts = new Map<string, number>();

/** Kinds worth trying on another endpoint: the endpoint's problem, not the call's. */
const endpointKinds = new Set(["unreachable", "timeout", "rateLimited", "refused", "stateUnavailable"]);
/** Kinds worth another round after a pause (a timeout already cost its full wait: not retried). */
const transientKinds = new Set(["unreachable", "rateLimited"]);

function methodNotFound(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === -32601) return true;
  }
  return false;
}

function retryAfterMs(error: unknown): number | undefined {
  for (let e = error as { cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e instanceof HttpRequestError) {
      const header = e.headers?.get("Retry-After");
      if (!header) return undefined;
      const seconds = Number(header);
      if (Number.isFinite(seconds)) return seconds * 1000;
      const date = Date.parse(header);
      return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
    }
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @example
 * const client = createPublicClient({ chain, transport: rpcTransport(dao.rpcUrls) });
 */
export function rpcTransport(urls: readonly string[], options: RpcTransportOptions = {}): Transport {
  if (urls.length === 0) throw new Error("rpcTransport: at least one RPC URL is required");
  const timeout = options.timeoutMs ?? 8_000;
  const maxRounds = options.maxRounds ?? 3;
  const maxBackoffMs = options.maxBackoffMs ?? 4_000;
  return ({ chain }) => {
    const endpoints = urls.map((url) => ({
      url,
      transport: http(url, {
        batch: { batchSize: options.batchSize ?? 100 },
        retryCount: 0,
        timeout,
        onFetchRequest: () => {
          rpcRequestCounts.set(url, (rpcRequestCounts.get(url) ?? 0) + 1);
        },
      })({ chain, retryCount: 0, timeout }),
    }));
    return createTransport({
      key: "commons-rpc",
      name: "Commons RPC",
      type: "commons-rpc",
      // This transport retries itself (other endpoints, then rounds with back-off).
      retryCount: 0,
      timeout,
      request: (async ({ method, params }: { method: string; params?: unknown }) => {
        const failures: EndpointFailure[] = [];
        for (let round = 0; round < maxRounds; round += 1) {
          let waitMs = 0;
          let transient = false;
          for (const endpoint of orderEndpoints(endpoints)) {
            try {
              // Called without an await before it, so requests issued together share one HTTP batch.
              const result = await endpoint.transport.request({ method, params });
              recordEndpointSuccess(endpoint.url);
              return result;
            } catch (error) {
              const failure = endpointFailure(endpoint.url, error);
              if (!endpointKinds.has(failure.kind) && !methodNotFound(error)) throw error;
              const after = retryAfterMs(error);
              recordEndpointFailure(endpoint.url, failure, after);
              failures.push(failure);
              if (transientKinds.has(failure.kind)) transient = true;
              if (after !== undefined) waitMs = Math.max(waitMs, after);
            }
          }
          if (!transient || round === maxRounds - 1) break;
          await sleep(Math.min(maxBackoffMs, Math.max(waitMs, 250 * 2 ** round) + Math.random() * 100));
        }
        // One line per endpoint: its last failure.
        const last = new Map(failures.map((failure) => [failure.url, failure]));
        throw new ChainUnreachableError(chain?.id, [...last.values()]);
      }) as EIP1193RequestFn,
    });
  };
}
