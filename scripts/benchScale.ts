/**
 * `npm run bench:scale`: how Commons behaves on the large DAO (`npm run seed:large`, issue 12).
 *
 * Starts the cached large DAO's chain (seeding it first when needed), backfills it with the indexer
 * (PGlite, or PostgreSQL when DATABASE_URL is set), starts the production server (`next start`
 * through server.js; builds into NEXT_DIST_DIR, default .next-bench, unless BENCH_SKIP_BUILD=1 and
 * a build is there) with its RPC behind a counting proxy, and measures:
 *
 * - backfill: events indexed (Ponder's ponder_indexing_completed_events), seconds from the
 *   indexer's start to /ready, events per second, peak RSS of the indexer's process tree;
 * - api: p50/p95 of each indexer endpoint the app uses, at the first and a deep page;
 * - pages: server time to first byte p50/p95 (and to the last byte) of each page, and the RPC
 *   requests (HTTP requests to the chain; a batch is one) per page view;
 * - exports: each CSV download once, streamed to its end: seconds, rows and size;
 * - app: peak RSS of the app server's process tree.
 *
 * BENCH_DATABASE=postgres (`npm run bench:scale:postgres`) without DATABASE_URL starts a throwaway
 * PostgreSQL from Debian's binaries (harness/postgres.ts; fsync off) for the indexer and the app's
 * own store, and removes it afterwards. On PostgreSQL the measures start once autovacuum has finished
 * with the backfill's tables (at most 5 minutes later), as on a server that has been running.
 *
 * Printed and written to .commons/bench/scale.json. Figures are printed against the targets,
 * never asserted. BENCH_RUNS (default 20) requests per figure. Everything started is stopped by PID.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { freePort, rpc } from "../harness/anvil";
import { startApp } from "../harness/appService";
import { type CountingRpcProxy, startCountingRpcProxy } from "../harness/countingRpcProxy";
import { startIndexer, waitForIndexedBlock } from "../harness/indexerService";
import { startTempPostgres, type TempPostgres } from "../harness/postgres";
import { type Service, stopAll } from "../harness/services";
import { workDir } from "./lib/paths";
import { summarize } from "./lib/percentile";
import { sampleRss } from "./lib/processRss";
import { productionBuild } from "./lib/productionBuild";
import { runScript } from "./lib/runScript";
import { startLargeChain, writeLargeConfig } from "./scale/largeChain";
import { sizesFromEnv } from "./scale/plan";

const benchDir = resolve(workDir, "bench");
const distDir = process.env.NEXT_DIST_DIR || ".next-bench";
const runs = Number(process.env.BENCH_RUNS || 20);
const targets = { eventsPerSecond: 3_000, apiP95: 50, pageP95: 300, rpcRequests: 3 };

function step(message: string) {
  console.log(`[bench:scale] ${message}`);
}

/** Time to the response's headers (first byte) and to its end, in ms; throws on a non-2xx answer. */
async function timedGet(url: string): Promise<{ ttfb: number; total: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  const ttfb = performance.now() - started;
  const body = await response.text();
  const total = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 200)}`);
  return { ttfb, total, body };
}

type ApiFigure = { p50: number; p95: number; bytes: number };
type PageFigure = {
  p50: number;
  p95: number;
  totalP50: number;
  totalP95: number;
  rpcRequests: number;
  rpcCalls: number;
};

async function measureApi(url: string): Promise<ApiFigure> {
  await timedGet(url); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const { total, body } = await timedGet(url);
    times.push(total);
    bytes = Buffer.byteLength(body);
  }
  return { ...summarize(times), bytes };
}

async function measurePage(url: string, proxy: CountingRpcProxy): Promise<PageFigure> {
  await timedGet(url); // warm-up: the first view resolves the DAO from the chain
  proxy.reset();
  const ttfbs: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ttfb, total } = await timedGet(url);
    ttfbs.push(ttfb);
    totals.push(total);
  }
  const counts = proxy.reset();
  const { p50, p95 } = summarize(ttfbs);
  const total = summarize(totals);
  return {
    p50,
    p95,
    totalP50: total.p50,
    totalP95: total.p95,
    rpcRequests: Math.round((counts.requests / runs) * 10) / 10,
    rpcCalls: Math.round((counts.calls / runs) * 10) / 10,
  };
}

type ExportFigure = { seconds: number; rows: number; megabytes: number };

/** Records in a CSV text: line ends outside quoted fields (a vote's reason may hold line breaks). */
function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === "\n" && !quoted) records += 1;
  }
  return text.length > 0 && !text.endsWith("\n") ? records + 1 : records;
}

/** One CSV download to its end: seconds, data rows (records after the header) and size. */
async function measureExport(url: string): Promise<ExportFigure> {
  const { total, body } = await timedGet(url);
  return {
    seconds: Math.round(total / 100) / 10,
    rows: Math.max(0, csvRecords(body) - 1),
    megabytes: Math.round(Buffer.byteLength(body) / 104_857.6) / 10,
  };
}

/**
 * On PostgreSQL, waits (at most 5 minutes) until autovacuum has nothing left to do after the
 * backfill: no table past its default analyze, insert-vacuum or dead-row threshold and no worker at
 * work, twice in a row. Measured before that, the figures are those of a database busy vacuuming
 * (endpoints p95 up to 80 ms instead of 20). Returns the seconds waited.
 */
async function autovacuumSettled(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  let quiet = 0;
  try {
    while (quiet < 2 && performance.now() - started < 300_000) {
      const { rows } = await client.query<{ tables: number; workers: number }>(`
        select
          (select count(*) from pg_stat_user_tables
            where n_mod_since_analyze > 50 + 0.1 * n_live_tup
               or n_ins_since_vacuum > 1000 + 0.2 * n_live_tup
               or n_dead_tup > 50 + 0.2 * n_live_tup)::int as tables,
          (select count(*) from pg_stat_activity where backend_type = 'autovacuum worker')::int as workers`);
      quiet = rows[0]?.tables === 0 && rows[0]?.workers === 0 ? quiet + 1 : 0;
      if (quiet < 2) await new Promise((done) => setTimeout(done, 2_000));
    }
  } finally {
    await client.end();
  }
  return Math.round((performance.now() - started) / 1000);
}

async function completedEvents(indexerUrl: string): Promise<number> {
  const text = await (await fetch(`${indexerUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split("\n")) {
    const match = /^ponder_indexing_completed_events(?:\{[^}]*\})?\s+([0-9.e+]+)/.exec(line);
    if (match) total += Number(match[1]);
  }
  return total;
}

function table(title: string, rows: [string, Record<string, number | string>][]) {
  console.log(`\n${title}`);
  const columns = [...new Set(rows.flatMap(([, values]) => Object.keys(values)))];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  console.log(`  ${"".padEnd(nameWidth)}  ${columns.map((column) => column.padStart(10)).join(" ")}`);
  for (const [name, values] of rows) {
    console.log(
      `  ${name.padEnd(nameWidth)}  ${columns.map((column) => String(values[column] ?? "").padStart(10)).join(" ")}`,
    );
  }
}

async function main(): Promise<number> {
  mkdirSync(benchDir, { recursive: true });
  const sizes = sizesFromEnv();
  await productionBuild(distDir, process.env.BENCH_SKIP_BUILD === "1", step);

  const services: Service[] = [];
  let anvil: { stop(): Promise<void> } | undefined;
  let proxy: CountingRpcProxy | undefined;
  let postgres: TempPostgres | undefined;
  const stopEverything = async () => {
    await stopAll(services);
    await proxy?.close();
    await anvil?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
  };
  const onSignal = () => void stopEverything().then(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    if (process.env.BENCH_DATABASE === "postgres" && !process.env.DATABASE_URL) {
      step("starting a throwaway PostgreSQL (Debian's binaries, fsync off)…");
      postgres = await startTempPostgres();
      process.env.DATABASE_URL = postgres.url;
      process.env.COMMONS_DATABASE_URL = postgres.url; // the app's own store, inherited by next start
    }
    const port = (name: string, fallback: () => Promise<number>) =>
      process.env[name] ? Promise.resolve(Number(process.env[name])) : fallback();
    const chainPort = await port("BENCH_CHAIN_PORT", freePort);
    const chain = await startLargeChain({ port: chainPort, sizes, log: step });
    anvil = chain.anvil;
    const { deployment } = chain;
    step(`large DAO loaded: ${JSON.stringify(deployment.counts)}, head ${deployment.headBlock}`);
    proxy = await startCountingRpcProxy({
      upstream: chain.anvil.rpcUrl,
      port: await port("BENCH_PROXY_PORT", freePort),
    });
    // The indexer reads the chain directly; the app through the counting proxy.
    const indexerConfig = resolve(benchDir, "scale-indexer.config.json");
    const appConfig = resolve(benchDir, "scale-app.config.json");
    writeLargeConfig(deployment, chain.anvil.rpcUrl, indexerConfig);
    const config = writeLargeConfig(deployment, proxy.url, appConfig);
    const slug = config.daos[0]?.slug as string;

    const backend = process.env.DATABASE_URL ? "postgres" : "pglite";
    step(`backfilling with the indexer (${backend})…`);
    const started = performance.now();
    let indexerRss: ReturnType<typeof sampleRss> | undefined;
    const indexer = await startIndexer({
      configPath: indexerConfig,
      port: await port("BENCH_INDEXER_PORT", freePort),
      dbDir: resolve(benchDir, "scale-pglite"),
      schema: `scale_${Date.now()}`,
      logFile: resolve(benchDir, "scale-indexer.log"),
      databaseUrl: process.env.DATABASE_URL,
      timeoutMs: 3_600_000,
      onSpawn: (service) => {
        services.push(service);
        indexerRss = sampleRss(service.pid);
      },
    });
    const head = BigInt(await rpc<string>(chain.anvil.rpcUrl, "eth_blockNumber"));
    await waitForIndexedBlock(indexer.url, head, indexer.service);
    const seconds = (performance.now() - started) / 1000;
    const events = await completedEvents(indexer.url);
    const backfill = {
      backend,
      events,
      seconds: Math.round(seconds * 10) / 10,
      eventsPerSecond: Math.round(events / seconds),
      peakRssMb: indexerRss?.peak() ?? 0,
    };
    step(`backfill: ${JSON.stringify(backfill)}`);
    if (process.env.DATABASE_URL) {
      step("waiting for autovacuum to finish with the backfill's tables…");
      step(`autovacuum settled after ${await autovacuumSettled(process.env.DATABASE_URL)} s`);
    }

    // The API, as the app calls it.
    const api = `${indexer.url}/api/daos/${slug}`;
    const largest = deployment.largestProposal;
    const delegate = deployment.largestDelegate.toLowerCase();
    const small = deployment.smallDelegate.toLowerCase();
    const endpoints: [string, string][] = [
      ["proposals newest p1", `${api}/proposals?limit=20&offset=0`],
      ["proposals newest deep", `${api}/proposals?limit=20&offset=1000`],
      ...(["created", "queued", "executed", "canceled"] as const).flatMap((status): [string, string][] => [
        [`proposals status=${status} p1`, `${api}/proposals?status=${status}&limit=100&offset=0`],
        [`proposals status=${status} deep`, `${api}/proposals?status=${status}&limit=100&offset=400`],
      ]),
      ["proposals search", `${api}/proposals?q=grants&limit=20&offset=0`],
      ["proposal", `${api}/proposals/${largest}`],
      ["votes by weight p1", `${api}/proposals/${largest}/votes?sort=weight&limit=20&offset=0`],
      ["votes by weight deep", `${api}/proposals/${largest}/votes?sort=weight&limit=20&offset=4000`],
      ["votes by time p1", `${api}/proposals/${largest}/votes?sort=recent&limit=20&offset=0`],
      ["votes by time deep", `${api}/proposals/${largest}/votes?sort=recent&limit=20&offset=4000`],
      ["delegates p1", `${api}/delegates?limit=20&offset=0`],
      ["delegates p500", `${api}/delegates?limit=20&offset=9980`],
      ["delegates search", `${api}/delegates?q=0xab&limit=20&offset=0`],
      ["delegate (1k votes, 5k delegators)", `${api}/delegates/${delegate}`],
      ["delegate (long tail)", `${api}/delegates/${small}`],
      ["delegators p1", `${api}/delegates/${delegate}/delegators?limit=20&offset=0`],
      ["delegators deep", `${api}/delegates/${delegate}/delegators?limit=20&offset=4000`],
      ["delegate votes p1", `${api}/delegates/${delegate}/votes?limit=20&offset=0`],
      ["delegate votes deep", `${api}/delegates/${delegate}/votes?limit=20&offset=900`],
      ["delegate voting power", `${api}/delegates/${delegate}/voting-power`],
      ["treasury tokens", `${api}/treasury/tokens`],
      ["account", `${api}/accounts/${delegate}`],
      ["analytics p1", `${api}/analytics?limit=50&offset=0`],
      ["analytics deep", `${api}/analytics?limit=50&offset=950`],
    ];
    const apiFigures: Record<string, ApiFigure> = {};
    for (const [name, url] of endpoints) {
      apiFigures[name] = await measureApi(url);
      step(`api ${name}: ${JSON.stringify(apiFigures[name])}`);
    }

    process.env.NEXT_DIST_DIR = distDir; // inherited by the production server
    let appRss: ReturnType<typeof sampleRss> | undefined;
    const app = await startApp({
      mode: "start",
      port: await port("BENCH_APP_PORT", freePort),
      configPath: appConfig,
      indexerUrl: indexer.url,
      logFile: resolve(benchDir, "scale-app.log"),
      env: { COMMONS_SIMULATION: "off" },
      onSpawn: (service) => {
        services.push(service);
        appRss = sampleRss(service.pid);
      },
    });
    const pages: [string, string][] = [
      ["proposals", `/${slug}`],
      ["proposals deep (page 50)", `/${slug}?page=50`],
      ...(["active", "pending", "passed", "executed", "closed"] as const).map((state): [string, string] => [
        `proposals state=${state}`,
        `/${slug}?state=${state}`,
      ]),
      ["proposals search", `/${slug}?q=grants`],
      ["proposal (5,000 votes)", `/${slug}/proposals/${largest}`],
      ["delegates", `/${slug}/delegates`],
      ["delegates page 500", `/${slug}/delegates?page=500`],
      ["delegate (1k votes, 5k delegators)", `/${slug}/delegates/${delegate}`],
      ["treasury", `/${slug}/treasury`],
      ["about", `/${slug}/about`],
      ["analytics", `/${slug}/analytics`],
      ["analytics page 20", `/${slug}/analytics?page=20`],
    ];
    const pageFigures: Record<string, PageFigure> = {};
    for (const [name, path] of pages) {
      pageFigures[name] = await measurePage(`${app.url}${path}`, proxy);
      step(`page ${name}: ${JSON.stringify(pageFigures[name])}`);
    }
    const exports: [string, string][] = [
      ["delegates.csv", `/${slug}/delegates/delegates.csv`],
      ["proposal votes.csv (5,000 votes)", `/${slug}/proposals/${largest}/votes.csv`],
      ["delegate votes.csv", `/${slug}/delegates/${delegate}/votes.csv`],
      ["analytics participation.csv", `/${slug}/analytics/participation.csv`],
      ["analytics concentration.csv", `/${slug}/analytics/concentration.csv`],
    ];
    const exportFigures: Record<string, ExportFigure> = {};
    for (const [name, path] of exports) {
      exportFigures[name] = await measureExport(`${app.url}${path}`);
      step(`export ${name}: ${JSON.stringify(exportFigures[name])}`);
    }
    const appFigures = { peakRssMb: appRss?.peak() ?? 0 };
    const indexerPeak = indexerRss?.peak() ?? 0;

    table(`backfill (${backend}; target ≥ ${targets.eventsPerSecond} events/s)`, [
      [
        "backfill",
        {
          events: backfill.events,
          seconds: backfill.seconds,
          "events/s": backfill.eventsPerSecond,
          "peak MB": indexerPeak,
        },
      ],
    ]);
    table(
      `api (ms; target p95 ≤ ${targets.apiP95})`,
      Object.entries(apiFigures).map(([name, figure]) => [
        name,
        {
          p50: figure.p50,
          p95: figure.p95,
          KB: Math.round(figure.bytes / 102.4) / 10,
          ok: figure.p95 <= targets.apiP95 ? "yes" : "NO",
        },
      ]),
    );
    table(
      `pages (ms to first byte; target p95 ≤ ${targets.pageP95}, ≤ ${targets.rpcRequests} RPC requests a view)`,
      Object.entries(pageFigures).map(([name, figure]) => [
        name,
        {
          p50: figure.p50,
          p95: figure.p95,
          "last p95": figure.totalP95,
          rpc: figure.rpcRequests,
          calls: figure.rpcCalls,
          ok: figure.p95 <= targets.pageP95 && figure.rpcRequests <= targets.rpcRequests ? "yes" : "NO",
        },
      ]),
    );
    table(
      "exports (each CSV once, to its last byte)",
      Object.entries(exportFigures).map(([name, figure]) => [
        name,
        { seconds: figure.seconds, rows: figure.rows, MB: figure.megabytes },
      ]),
    );
    console.log(`\napp peak RSS: ${appFigures.peakRssMb} MB; indexer peak RSS: ${indexerPeak} MB`);

    const result = {
      measuredAt: new Date().toISOString(),
      sizes,
      chain: { headBlock: deployment.headBlock, ...deployment.counts },
      runs,
      targets,
      backfill: { ...backfill, peakRssMb: indexerPeak },
      api: apiFigures,
      pages: pageFigures,
      exports: exportFigures,
      app: appFigures,
    };
    const out = resolve(benchDir, "scale.json");
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    step(`written to ${out}`);
    return 0;
  } finally {
    await stopEverything();
  }
}

runScript("bench:scale", main);
