/**
 * Rate limits in the app store, on both backends: a window's limit, its reset, Retry-After, one
 * count shared by two limiters on one database (two app servers), concurrent requests counted
 * exactly, and expired windows purged so the table stays bounded.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestStore, hasPostgres } from "../../harness/testStore";
import { createRateLimiter, resetRateLimits } from "./rateLimit";
import type { StoreBackend } from "./store/types";

const postgres = await hasPostgres();

for (const kind of ["pglite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && !postgres)(`rate limits on ${kind}`, () => {
    let store: StoreBackend;
    let clock: Date;
    const limiter = () => createRateLimiter({ store: async () => store, now: () => clock });

    beforeAll(async () => {
      store = await createTestStore(kind);
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      clock = new Date("2026-01-01T00:00:00Z");
      await resetRateLimits(store);
    });

    it("allows `limit` requests a window, then answers 429 with Retry-After until it ends", async () => {
      const rateLimit = limiter();
      for (let i = 0; i < 3; i++) expect(await rateLimit("k", 3, 60_000)).toBeUndefined();
      clock = new Date(clock.getTime() + 20_000);
      const limited = await rateLimit("k", 3, 60_000);
      expect(limited?.status).toBe(429);
      expect(limited?.headers.get("retry-after")).toBe("40");
      expect(await rateLimit("other", 3, 60_000)).toBeUndefined();
      clock = new Date(clock.getTime() + 40_000);
      expect(await rateLimit("k", 3, 60_000)).toBeUndefined();
    });

    it("counts once for every server on the database", async () => {
      const [serverA, serverB] = [limiter(), limiter()];
      expect(await serverA("shared", 2, 60_000)).toBeUndefined();
      expect(await serverB("shared", 2, 60_000)).toBeUndefined();
      expect((await serverA("shared", 2, 60_000))?.status).toBe(429);
      expect((await serverB("shared", 2, 60_000))?.status).toBe(429);
    });

    it("counts concurrent requests exactly", async () => {
      const [serverA, serverB] = [limiter(), limiter()];
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? serverA : serverB)("burst", 10, 60_000)),
      );
      expect(results.filter((result) => result === undefined)).toHaveLength(10);
    });

    it("purges expired windows, so the table holds only the keys of the current window", async () => {
      const rateLimit = createRateLimiter({ store: async () => store, now: () => clock, purgeEveryMs: 0 });
      for (let i = 0; i < 200; i++) await rateLimit(`client:${i}`, 5, 60_000);
      clock = new Date(clock.getTime() + 61_000);
      await rateLimit("client:new", 5, 60_000);
      const rows = await store.query<{ key: string }>("SELECT key FROM rate_limits");
      expect(rows.map((row) => row.key)).toEqual(["client:new"]);
    });
  });
}
