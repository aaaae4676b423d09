/**
 * Starts the Ponder indexer (indexer/, through indexer/supervise.ts) for a DAO config and waits
 * until its backfill is done.
 */
import { rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { bin, repoRoot } from "../scripts/lib/paths";
import { isPortFree } from "./anvil";
import { httpOk, type Service, startService, waitUntil } from "./services";

export type IndexerOptions = {
  configPath: string;
  port: number;
  /** Embedded PGlite directory (wiped first); ignored when DATABASE_URL is set. */
  dbDir: string;
  /** Database schema Ponder writes to; a fresh one per chain lifetime (see DESIGN.md). */
  schema: string;
  logFile: string;
  echo?: boolean;
  databaseUrl?: string;
  /** Where the indexer remembers what it found on the chain (token start blocks); default: beside dbDir. */
  cacheDir?: string;
  /** How long to wait for the backfill (default 180 s). */
  timeoutMs?: number;
  /** "ready" waits for the backfill to finish; "health" only for the server to answer. */
  waitFor?: "ready" | "health";
  /**
   * The interface to listen on. Default INDEXER_HOSTNAME, else 127.0.0.1: the indexer (and its
   * /metrics) is for the app servers, not the public. Set 0.0.0.0 only on a private network.
   */
  hostname?: string;
  /** Told the service as soon as it is spawned, before it is ready (to stop it if we are stopped first). */
  onSpawn?: (service: Service) => void;
};

export async function startIndexer(options: IndexerOptions): Promise<{ service: Service; url: string }> {
  // Ponder silently moves to the next free port when --port is taken; we would then wait on the wrong URL.
  if (!(await isPortFree(options.port))) {
    throw new Error(`port ${options.port} (for the indexer) is already in use by another program`);
  }
  if (!options.databaseUrl) rmSync(options.dbDir, { recursive: true, force: true });
  const service = startService({
    name: "indexer",
    // The supervisor runs `ponder start` and recovers from a changed chain and from deep reorgs.
    command: bin("tsx"),
    args: [
      "indexer/supervise.ts",
      "start",
      "--root",
      "indexer",
      "--schema",
      options.schema,
      "--port",
      String(options.port),
      "--hostname",
      options.hostname ?? (process.env.INDEXER_HOSTNAME || "127.0.0.1"),
    ],
    cwd: repoRoot,
    env: {
      DAO_CONFIG: resolve(options.configPath),
      PONDER_TELEMETRY_DISABLED: "1",
      // Ponder prefers $PORT over --port; `PORT=3001 npm run dev` means the app's port, not its.
      PORT: String(options.port),
      COMMONS_INDEXER_DB_DIR: options.dbDir,
      COMMONS_INDEXER_CACHE_DIR: options.cacheDir ?? dirname(resolve(options.dbDir)),
      // undefined removes an inherited DATABASE_URL: the caller decides the backend.
      DATABASE_URL: options.databaseUrl,
    },
    logFile: options.logFile,
    echo: options.echo,
  });
  options.onSpawn?.(service);
  const url = `http://127.0.0.1:${options.port}`;
  const endpoint = options.waitFor ?? "ready";
  await waitUntil(() => httpOk(`${url}/${endpoint}`), {
    what: endpoint === "ready" ? `the indexer to finish its backfill (${url}/ready)` : `the indexer at ${url}`,
    timeoutMs: options.timeoutMs ?? 180_000,
    intervalMs: 500,
    service,
  });
  return { service, url };
}

/**
 * Waits until the indexer has processed `block` for every DAO. Ponder's /ready fires when the
 * backfill reaches head minus its finality depth (30 blocks on unknown chains); the newest blocks
 * follow in the live phase a moment later.
 */
export async function waitForIndexedBlock(
  url: string,
  block: bigint,
  service: Service,
  /** Only the DAOs on this chain (blocks of different chains do not compare). */
  chainId?: number,
): Promise<void> {
  await waitUntil(
    async () => {
      const response = await fetch(`${url}/api/status`, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) return false;
      const status = (await response.json()) as { daos: { chainId: number; indexedBlock: string | null }[] };
      return status.daos
        .filter((dao) => chainId === undefined || dao.chainId === chainId)
        .every((dao) => dao.indexedBlock !== null && BigInt(dao.indexedBlock) >= block);
    },
    {
      what: `the indexer to reach block ${block}${chainId === undefined ? "" : ` of chain ${chainId}`}`,
      timeoutMs: 120_000,
      intervalMs: 250,
      service,
    },
  );
}
