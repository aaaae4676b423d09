/**
 * How each RPC endpoint has behaved lately, per process (or per browser tab): the transport tries
 * endpoints that failed recently last, and pages say when one is down. Nothing here is a secret:
 * endpoints are shown by host only (providers put API keys in paths and queries).
 */
import type { EndpointFailure } from "./chainErrors";

type Health = {
  lastOkAt?: number;
  lastFailure?: EndpointFailure & { at: number };
  /** Do not try before this time unless every other endpoint failed too (rate limits, outages). */
  coolUntil: number;
};

const health = new Map<string, Health>();

/** How long an endpoint that failed is tried last (longer when it asked us to wait). */
export const endpointCooldownMs = 30_000;

function entry(url: string): Health {
  let found = health.get(url);
  if (!found) {
    found = { coolUntil: 0 };
    health.set(url, found);
  }
  return found;
}

/** @example recordEndpointSuccess("https://rpc.example") */
export function recordEndpointSuccess(url: string, now = Date.now()): void {
  const found = entry(url);
  found.lastOkAt = now;
  found.coolUntil = 0;
}

/** @example recordEndpointFailure(url, { url, kind: "rateLimited", message: "rate-limited us" }, 5_000) */
export function recordEndpointFailure(
  url: string,
  failure: EndpointFailure,
  retryAfterMs = endpointCooldownMs,
  now = Date.now(),
): void {
  const found = entry(url);
  found.lastFailure = { ...failure, at: now };
  found.coolUntil = now + retryAfterMs;
}

/**
 * The endpoints in the order to try them: the config's order, except that endpoints cooling
 * down after a failure come after the others (still tried: they may be the only ones left).
 *
 * @example orderEndpoints(["https://a", "https://b"]) // ["https://b", "https://a"] while a cools down
 */
export function orderEndpoints<T extends { url: string }>(endpoints: readonly T[], now = Date.now()): T[] {
  const cooling = (endpoint: T) => (health.get(endpoint.url)?.coolUntil ?? 0) > now;
  return [...endpoints.filter((endpoint) => !cooling(endpoint)), ...endpoints.filter(cooling)];
}

export type EndpointStatus = {
  url: string;
  /** "down": its latest request failed (within the cooldown); "up": it answered last; "unknown": not used yet. */
  state: "up" | "down" | "unknown";
  failure?: EndpointFailure & { at: number };
  lastOkAt?: number;
};

/**
 * @example
 * const down = endpointStatuses(dao.rpcUrls).filter((s) => s.state === "down");
 */
export function endpointStatuses(urls: readonly string[], now = Date.now()): EndpointStatus[] {
  return urls.map((url) => {
    const found = health.get(url);
    if (!found) return { url, state: "unknown" };
    const failedLast =
      found.lastFailure !== undefined &&
      (found.lastOkAt === undefined || found.lastFailure.at > found.lastOkAt) &&
      now - found.lastFailure.at < endpointCooldownMs;
    return {
      url,
      state: failedLast ? "down" : found.lastOkAt !== undefined ? "up" : "unknown",
      ...(found.lastFailure ? { failure: found.lastFailure } : {}),
      ...(found.lastOkAt !== undefined ? { lastOkAt: found.lastOkAt } : {}),
    };
  });
}

/** Forget everything (tests). */
export function resetEndpointHealth(): void {
  health.clear();
}
