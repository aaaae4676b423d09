/**
 * Fixed-window rate limits kept in the app's store (table `rate_limits`, migration 005), so every
 * app server on one database counts the same requests: a client cannot multiply its allowance by
 * being spread over several servers. One atomic upsert per check; expired windows are purged as
 * new ones are counted, so the table holds at most the keys active in the last window.
 *
 * No `server-only` guard (tested by vitest over both backends); the app's instance is
 * `rateLimit` from ./appRateLimit.
 */
import { jsonError } from "./http";
import type { Store } from "./store/types";

/** Nothing when allowed; else the 429 Response to return (with Retry-After). */
export type RateLimit = (key: string, limit: number, windowMs: number) => Promise<Response | undefined>;

export type RateLimiterOptions = {
  store: () => Promise<Store>;
  now?: () => Date;
  /** How often (at most) one process deletes expired windows. */
  purgeEveryMs?: number;
};

/** Longest key stored; longer ones (never built by this app) are refused rather than stored. */
const maxKeyLength = 300;

/**
 * @example
 * const rateLimit = createRateLimiter({ store: getStore });
 * const limited = await rateLimit(`statements:${session.address}`, 20, 60_000);
 * if (limited) return limited;
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimit & { purge(): Promise<number> } {
  const now = options.now ?? (() => new Date());
  const purgeEveryMs = options.purgeEveryMs ?? 30_000;
  let lastPurge = 0;

  async function purge(): Promise<number> {
    const store = await options.store();
    const rows = await store.query("DELETE FROM rate_limits WHERE expires_at <= $1::timestamptz RETURNING key", [
      now().toISOString(),
    ]);
    return rows.length;
  }

  const rateLimit = async (key: string, limit: number, windowMs: number): Promise<Response | undefined> => {
    if (key.length > maxKeyLength) throw new Error(`rate-limit key longer than ${maxKeyLength} characters`);
    const store = await options.store();
    const at = now();
    if (at.getTime() - lastPurge >= purgeEveryMs) {
      lastPurge = at.getTime();
      await purge();
    }
    const start = at.toISOString();
    const end = new Date(at.getTime() + windowMs).toISOString();
    // A window that has ended starts again at 1; otherwise the count grows. Row-locked by the
    // conflict, so two servers counting the same key at once both see their own increment.
    const [row] = await store.query<{ count: number; expires_at: Date | string }>(
      `INSERT INTO rate_limits AS r (key, count, window_start, expires_at)
       VALUES ($1, 1, $2::timestamptz, $3::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN r.expires_at <= $2::timestamptz THEN 1 ELSE r.count + 1 END,
         window_start = CASE WHEN r.expires_at <= $2::timestamptz THEN $2::timestamptz ELSE r.window_start END,
         expires_at = CASE WHEN r.expires_at <= $2::timestamptz THEN $3::timestamptz ELSE r.expires_at END
       RETURNING count, expires_at`,
      [key, start, end],
    );
    if (!row || Number(row.count) <= limit) return undefined;
    const retryAfter = Math.max(1, Math.ceil((new Date(row.expires_at).getTime() - at.getTime()) / 1000));
    return jsonError(429, `Too many requests. Try again in ${retryAfter} s.`, undefined, {
      "Retry-After": String(retryAfter),
    });
  };
  return Object.assign(rateLimit, { purge });
}

/** Forget every rate-limit window in `store` (tests). */
export async function resetRateLimits(store: Store): Promise<void> {
  await store.query("DELETE FROM rate_limits");
}
