/**
 * The indexer's RPC transport for a DAO's `rpcUrls`: each request goes to the first endpoint that
 * is up, in config order; an endpoint that fails (unreachable, timed out, HTTP 5xx, rate limited)
 * is skipped for a while (1 s, doubling to a minute) and tried again after; a node that refuses
 * old state hands the read to the next endpoint (which may be an archive). It also words
 * eth_getLogs limits so Ponder splits the range on every provider's wording, including ones its own
 * matcher misses (Alchemy's "Log response size exceeded … up to a 2K block range" without a
 * suggested range, QuickNode's "limited to a 10,000 range" on a range one block too wide, …), and
 * reports a -32005 rate limit as the HTTP 429 Ponder backs off on.
 *
 * Why Ponder gets this transport rather than the URL list (Ponder 0.16.10, node_modules/ponder/src/rpc):
 * with a list, Ponder keeps one bucket per URL, sends each request to the lowest-latency one and
 * retries any other error 9 times (125 ms doubling, ~64 s); a dead URL is not rested (only 429s and
 * timeouts are) but its latency becomes infinite, so only its 10% exploration requests hit it. On
 * eth_getLogs it splits only on the wordings @ponder/utils' getLogsRetryHelper knows: Alchemy's
 * message without "this block range should work: […]" and QuickNode's "limited to a N range" for
 * a range of N+1 blocks are not split but retried until the backfill fails. Ponder still retries,
 * rests the endpoint on 429 and adapts its request rate on top of this transport.
 */
import {
  type Chain,
  custom,
  type EIP1193RequestFn,
  HttpRequestError,
  http,
  numberToHex,
  TimeoutError,
  type Transport,
} from "viem";
import {
  httpStatus,
  isEndpointFailure,
  isRateLimit,
  isStateUnavailable,
  LogsLimitError,
  logsLimitError,
} from "./providerErrors";

export type FailoverTransportOptions = {
  /** Per-request timeout of each endpoint (default 10 s, as Ponder's own). */
  timeoutMs?: number;
  /** Where failover news goes (default console.warn); one line per endpoint going down or up. */
  log?: (message: string) => void;
  /** How often viem retries a failed request on top (default 0: Ponder retries itself). */
  retryCount?: number;
  /**
   * Answer an eth_getLogs result cap by fetching the two halves and joining them (default true).
   * Off for a search that wants the refusal itself (it says: there are logs in this range).
   */
  splitResultCaps?: boolean;
  /** Rounds a rate-limited request is retried here, with backoff, before the error is thrown (default 2). */
  rateLimitRetries?: number;
  /** Publish the endpoints' health under this key, for {@link rpcHealth} (the indexer uses the chain id). */
  healthKey?: string;
};

/** How an endpoint is doing, for a status page: its redacted URL, state and the last failure. */
export type EndpointHealth = {
  url: string;
  state: "up" | "down" | "rate-limited";
  /** Failures since it last answered. */
  failures: number;
  /** Why it last failed, while it is not up ("connect ECONNREFUSED …", "HTTP 503"); provider text, untrusted. */
  reason?: string;
};

const healthByKey = new Map<string, () => EndpointHealth[]>();

/**
 * The health of the endpoints of the transport created with this `healthKey`, or undefined.
 *
 * @example
 * rpcHealth("1") // [{ url: "https://eth.llamarpc.com", state: "up", failures: 0 }, …]
 */
export function rpcHealth(key: string): EndpointHealth[] | undefined {
  return healthByKey.get(key)?.();
}

/**
 * An RPC URL as it may be printed: origin only, since keys often sit in the path
 * (`https://eth-mainnet.g.alchemy.com/v2/KEY`) or the query.
 *
 * @example
 * redactRpcUrl("https://eth-mainnet.g.alchemy.com/v2/abc") // "https://eth-mainnet.g.alchemy.com/…"
 */
export function redactRpcUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const hidden = parsed.pathname.length > 1 || parsed.search.length > 0 || parsed.username.length > 0;
    return `${parsed.protocol}//${parsed.host}${hidden ? "/…" : ""}`;
  } catch {
    return "(invalid URL)";
  }
}

type Endpoint = {
  url: string;
  label: string;
  request: EIP1193RequestFn;
  /** Skip until this time (ms since epoch); 0 when up. */
  downUntil: number;
  failures: number;
  /** Down for more than a rate limit (unreachable, timing out, failing): said when it ends. */
  outage: boolean;
  lastFailure?: string;
};

/** "HTTP 503", "timed out", or the innermost cause ("connect ECONNREFUSED 127.0.0.1:8545"). */
function failureReason(error: unknown): string {
  if (error instanceof TimeoutError) return "timed out";
  const status = httpStatus(error);
  if (status !== undefined) return `HTTP ${status}`;
  let innermost: unknown = error;
  while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause;
  return (innermost instanceof Error ? innermost.message : String(innermost)).split("\n")[0] ?? "unknown error";
}

const firstCooldownMs = 1_000;
const maxCooldownMs = 60_000;

/**
 * A viem transport over several RPC URLs with failover, for Ponder's `rpc` and for the indexer's
 * own reads.
 *
 * @example
 * createConfig({ chains: { mainnet: { id: 1, rpc: failoverTransport(["https://a…", "https://b…"]) } }, … })
 */
export function failoverTransport(urls: readonly string[], options: FailoverTransportOptions = {}): Transport {
  if (urls.length === 0) throw new Error("failoverTransport needs at least one RPC URL");
  const log = options.log ?? ((message: string) => console.warn(message));
  const timeout = options.timeoutMs ?? 10_000;
  const splitResultCaps = options.splitResultCaps ?? true;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  let chain: Chain | undefined;
  let endpoints: Endpoint[] | undefined;
  const endpointsFor = (): Endpoint[] => {
    endpoints ??= urls.map((url) => ({
      url,
      label: redactRpcUrl(url),
      request: http(url, { retryCount: 0, timeout, batch: false })({ chain, retryCount: 0 }).request,
      downUntil: 0,
      failures: 0,
      outage: false,
    }));
    return endpoints;
  };

  /** The endpoints up now, in config order; when none is, the one back soonest. */
  const candidates = (): Endpoint[] => {
    const now = Date.now();
    const all = endpointsFor();
    const up = all.filter((endpoint) => endpoint.downUntil <= now);
    if (up.length > 0) return up;
    // All resting: one that was only rate limited before one that was unreachable, then soonest back.
    const soonest = [...all].sort((a, b) => Number(a.outage) - Number(b.outage) || a.downUntil - b.downUntil)[0];
    return soonest ? [soonest] : [];
  };

  // Rate limits are routine on free tiers: counted, and said at most once a minute per endpoint.
  const rateLimits = new Map<Endpoint, { count: number; lastSaid: number }>();
  const noteRateLimit = (endpoint: Endpoint) => {
    const now = Date.now();
    const seen = rateLimits.get(endpoint) ?? { count: 0, lastSaid: 0 };
    seen.count++;
    if (urls.length > 1 && now - seen.lastSaid >= 60_000) {
      const times =
        seen.lastSaid === 0 ? "" : ` ${seen.count} times in the last ${Math.round((now - seen.lastSaid) / 1000)} s`;
      log(`RPC ${endpoint.label} rate limited us${times}; backing off and retrying`);
      seen.count = 0;
      seen.lastSaid = now;
    }
    rateLimits.set(endpoint, seen);
  };

  const markDown = (endpoint: Endpoint, error: unknown) => {
    endpoint.failures++;
    endpoint.lastFailure = isRateLimit(error) ? "rate limited" : failureReason(error).slice(0, 200);
    const cooldown = Math.min(firstCooldownMs * 2 ** (endpoint.failures - 1), maxCooldownMs);
    endpoint.downUntil = Date.now() + cooldown;
    if (isRateLimit(error)) noteRateLimit(endpoint);
    else if (!endpoint.outage) {
      endpoint.outage = true;
      // With one endpoint Ponder's own retry warnings say it all; with several, failover is news.
      if (urls.length > 1) {
        log(
          `RPC ${endpoint.label} failed (${failureReason(error)}); using the other endpoints, retrying it now and then`,
        );
      }
    }
  };

  const markUp = (endpoint: Endpoint) => {
    if (endpoint.outage && urls.length > 1) log(`RPC ${endpoint.label} answers again`);
    endpoint.outage = false;
    endpoint.failures = 0;
    endpoint.downUntil = 0;
    endpoint.lastFailure = undefined;
  };

  if (options.healthKey !== undefined) {
    healthByKey.set(options.healthKey, () =>
      endpointsFor().map((endpoint) => {
        const state = endpoint.outage ? "down" : endpoint.downUntil > Date.now() ? "rate-limited" : "up";
        return {
          url: endpoint.label,
          state,
          failures: endpoint.failures,
          ...(state !== "up" && endpoint.lastFailure ? { reason: endpoint.lastFailure } : {}),
        };
      }),
    );
  }

  type Call = { method: string; params?: unknown };

  /** One pass over the endpoints; the error to report when none answered. */
  const round = async ({
    method,
    params,
  }: Call): Promise<{ result: unknown } | { error: unknown; rateLimited: boolean }> => {
    let failure: unknown;
    let rateLimit: unknown;
    let stateRefusal: unknown;
    for (const endpoint of candidates()) {
      try {
        const result = await endpoint.request({ method, params });
        markUp(endpoint);
        return { result };
      } catch (error) {
        if (method === "eth_getLogs") {
          const filter = (Array.isArray(params) ? params[0] : undefined) as { fromBlock?: unknown } | undefined;
          const limit = logsLimitError(filter ?? {}, error);
          if (limit) return { error: limit, rateLimited: false };
        }
        if (isStateUnavailable(error)) {
          // This node is no archive; another may be.
          stateRefusal ??= error;
          continue;
        }
        if (!isEndpointFailure(error)) return { error, rateLimited: false };
        markDown(endpoint, error);
        if (isRateLimit(error)) rateLimit ??= error;
        else failure ??= error;
      }
    }
    if (stateRefusal !== undefined) return { error: stateRefusal, rateLimited: false };
    if (rateLimit !== undefined && failure === undefined) return { error: rateLimit, rateLimited: true };
    return { error: failure ?? rateLimit, rateLimited: false };
  };

  const request = async (call: Call): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      const outcome = await round(call);
      if ("result" in outcome) return outcome.result;
      const { error } = outcome;
      if (error instanceof LogsLimitError && error.limit.kind === "results" && splitResultCaps) {
        return splitGetLogs(call, error);
      }
      if (!outcome.rateLimited) throw error;
      if (attempt < rateLimitRetries) {
        // A sporadic rate limit is waited out here (250 ms, 500 ms, with jitter); one that persists
        // reaches Ponder, which rests the endpoint and lowers its request rate.
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt * (0.5 + Math.random())));
        continue;
      }
      if (error instanceof HttpRequestError) throw error;
      // -32005 inside a 200: as a 429, so Ponder rests the endpoint and lowers its request rate.
      throw new HttpRequestError({
        url: redactRpcUrl(urls[0] ?? ""),
        status: 429,
        details: (error as Error).message.split("\n")[0],
        cause: error as Error,
      });
    }
  };

  /**
   * Too many logs for one answer: ask for each half and join them, so Ponder never sees the refusal.
   * (Told, Ponder would halve its range for every later request and widen it again by 5% a request;
   * in a dense stretch of a token's history that means thousands of requests.)
   */
  const splitGetLogs = async ({ method, params }: Call, refusal: LogsLimitError): Promise<unknown> => {
    const [filter, ...rest] = params as [{ fromBlock: `0x${string}`; toBlock: `0x${string}` }, ...unknown[]];
    const from = BigInt(filter.fromBlock);
    const to = BigInt(filter.toBlock);
    if (to <= from) throw refusal;
    const middle = from + (to - from) / 2n;
    const half = (fromBlock: bigint, toBlock: bigint) =>
      request({
        method,
        params: [{ ...filter, fromBlock: numberToHex(fromBlock), toBlock: numberToHex(toBlock) }, ...rest],
      });
    const [lower, upper] = await Promise.all([half(from, middle), half(middle + 1n, to)]);
    return [...(lower as unknown[]), ...(upper as unknown[])];
  };

  const transport = custom(
    { request },
    {
      key: "failover",
      name: "Failover JSON-RPC",
      ...(options.retryCount === undefined ? {} : { retryCount: options.retryCount }),
    },
  );
  return (config) => {
    chain ??= config.chain;
    return transport(config);
  };
}
