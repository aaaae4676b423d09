/**
 * The indexer's HTTP API (contract: lib/indexer/types.ts), served by Ponder next to its builtin
 * /health, /ready and /status: one Hono sub-app per area. Reads go through Ponder's read-only
 * drizzle `db` with the schema's tables, so every query names the indexer's own database schema;
 * how far indexing has got comes from Ponder's /status (./ponderStatus.ts), hence ApiEnv: the
 * @hono/node-server bindings that say which address and port that server listens on.
 */
import { Hono } from "hono";
import { indexedDaos } from "../../daos";
import { accountsApi } from "./accounts";
import { keepSnapshotFiguresWarm } from "./analytics";
import { analyticsApi } from "./analyticsRoute";
import { delegatesApi } from "./delegates";
import { ParamError } from "./params";
import { keepPlannerStatistics } from "./plannerStatistics";
import type { ApiEnv } from "./ponderStatus";
import { proposalsApi } from "./proposals";
import { statusApi } from "./status";
import { treasuryApi } from "./treasury";

// Analyze the tables as they grow: PGlite has no autovacuum, PostgreSQL's lags a backfill (./plannerStatistics.ts).
keepPlannerStatistics();
// Analytics at each passed snapshot, computed before a page asks (./analytics.ts).
keepSnapshotFiguresWarm(indexedDaos);

const app = new Hono<ApiEnv>();

for (const area of [statusApi, proposalsApi, delegatesApi, treasuryApi, accountsApi, analyticsApi]) {
  app.route("/api", area);
}

app.all("/api/*", (c) => c.json({ error: "not found" }, 404));

app.onError((error, c) => {
  if (error instanceof ParamError) return c.json({ error: error.message }, error.status);
  console.error(`indexer API ${c.req.method} ${c.req.path} failed:`, error);
  return c.json({ error: "internal error" }, 500);
});

export default app;
