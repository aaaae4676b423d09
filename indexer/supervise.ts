/**
 * `ponder start` that survives its chain changing under it. Usage: the arguments of `ponder`
 * itself, e.g. `tsx indexer/supervise.ts start --root indexer --schema commons_1 --port 42069`.
 *
 * Before Ponder starts, chainGuard.ts drops what is stale in the database (a restarted chain or
 * a reset fork: cached blocks and logs, and the indexed schema). While it runs, a reorg deeper
 * than Ponder's finality (30 blocks on unknown chains) makes Ponder log "Encountered unrecoverable
 * reorg" and retry until it gives up ten minutes later; the supervisor stops it at the first such
 * line, cleans the database the same way (the indexed schema always: its finalized rows are
 * stale) and starts it again, which indexes from the cleaned cache. Any other exit of Ponder ends
 * the supervisor with Ponder's exit code; SIGINT and SIGTERM are passed on to Ponder.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BlockNotFoundError, createPublicClient, type Hex } from "viem";
import { readCommonsConfig } from "../lib/config/readCommonsConfig";
import { type GuardDb, type GuardedChain, guardChains } from "./chainGuard";
import { failoverTransport } from "./rpc/failoverTransport";

const indexerDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(indexerDir, "..");
const ponderBin = join(repoRoot, "node_modules", ".bin", "ponder");

/** Ponder's line for a reorg it will not follow (node_modules/ponder/src/sync-realtime). */
export const unrecoverableReorgPattern = /Encountered unrecoverable reorg|Encountered unrecoverable '[^']*' reorg/;

function log(line: string): void {
  console.log(line);
}

function argValue(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** The chains of the DAO config, each with the smallest start block of its DAOs. */
function configuredChains(): GuardedChain[] {
  const configPath = process.env.DAO_CONFIG ? resolve(process.env.DAO_CONFIG) : join(repoRoot, "dao.config.json");
  const byChain = new Map<number, { urls: string[]; startBlock: number }>();
  for (const dao of readCommonsConfig(configPath).daos) {
    const start = Math.min(dao.startBlock, dao.tokenStartBlock ?? dao.startBlock);
    const entry = byChain.get(dao.chainId);
    if (!entry) byChain.set(dao.chainId, { urls: [...dao.rpcUrls], startBlock: start });
    else {
      for (const url of dao.rpcUrls) if (!entry.urls.includes(url)) entry.urls.push(url);
      entry.startBlock = Math.min(entry.startBlock, start);
    }
  }
  return [...byChain].map(([chainId, { urls, startBlock }]) => {
    const client = createPublicClient({ transport: failoverTransport(urls, { retryCount: 5 }), cacheTime: 0 });
    return {
      chainId,
      startBlock: BigInt(startBlock),
      blocks: {
        async blockHash(number: bigint): Promise<Hex | null> {
          try {
            return (await client.getBlock({ blockNumber: number })).hash;
          } catch (error) {
            if (error instanceof BlockNotFoundError) return null;
            throw error;
          }
        },
      },
    };
  });
}

/** Opens the indexer's database (PostgreSQL when DATABASE_URL is set, else its PGlite folder) for `use`. */
async function withDatabase(use: (db: GuardDb) => Promise<void>): Promise<void> {
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await use({ query: (sql, params) => client.query(sql, params) });
    } finally {
      await client.end();
    }
    return;
  }
  const dir = process.env.COMMONS_INDEXER_DB_DIR
    ? resolve(process.env.COMMONS_INDEXER_DB_DIR)
    : join(indexerDir, ".ponder", "pglite");
  // No folder yet: nothing stored, nothing stale. (PGlite allows one process: Ponder is not running.)
  if (!existsSync(join(dir, "PG_VERSION"))) return;
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = new PGlite({ dataDir: dir });
  try {
    await use({ query: (sql, params) => pglite.query(sql, params) });
  } finally {
    await pglite.close();
  }
}

async function guard(schema: string, forceSchemaDrop?: string): Promise<void> {
  const chains = configuredChains();
  await withDatabase(async (db) => {
    await guardChains(db, { schema, chains, log, forceSchemaDrop });
  });
}

function runPonder(args: string[], onReorg: () => void): ChildProcess {
  const child = spawn(ponderBin, args, { cwd: process.cwd(), env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      if (lines.some((line) => unrecoverableReorgPattern.test(line))) onReorg();
    });
  }
  return child;
}

function exitOf(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

async function stopPonder(child: ChildProcess): Promise<void> {
  const exited = exitOf(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const schema = argValue(args, "--schema") ?? process.env.DATABASE_SCHEMA;
  if (args[0] === "start" && schema) await guard(schema);

  let stopping = false;
  let child: ChildProcess | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      child?.kill(signal);
    });
  }
  while (!stopping) {
    let reorged = false;
    const current = runPonder(args, () => {
      if (reorged || stopping) return;
      reorged = true;
      log("[commons] the chain reorganised deeper than Ponder follows: restarting the indexer from a safe point");
      void stopPonder(current);
    });
    child = current;
    const code = await exitOf(current);
    if (stopping || !reorged || !schema) process.exit(code);
    await guard(schema, "the chain reorganised below the block Ponder took as final");
  }
}

await main();
