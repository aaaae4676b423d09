/**
 * The large DAO's chain, cached like the demo's (harness/demoChain.ts): seeded once on an anvil
 * that keeps no per-block state, dumped to .commons/ under a key derived from its sources, the
 * compiled contracts, the anvil version and the sizes, and loaded from there afterwards.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type AnvilInstance, startAnvil, waitFor } from "../../harness/anvil";
import { parseCommonsConfig } from "../../lib/config/parseCommonsConfig";
import type { CommonsConfig } from "../../lib/config/schema";
import { serializeCommonsConfig } from "../../lib/config/serializeCommonsConfig";
import { repoRoot } from "../lib/paths";
import type { ScaleSizes } from "./plan";
import { type LargeDeployment, largeHistoryStart, seedLargeDao } from "./seedLargeDao";
import { stripTracesFromDump } from "./stripTraces";

/** Anvil flags of the seed and of every later start: blocks that take hundreds of transactions. */
export const largeAnvilArgs = ["--gas-limit", "10000000000"];

/**
 * The cache key: the seed's sources, the contracts it deploys, the anvil version and the sizes.
 *
 * @example
 * largeCacheKey(fullSizes) // "9a0c…" (16 hex digits)
 */
export function largeCacheKey(sizes: ScaleSizes): string {
  const files = [
    "scripts/scale/plan.ts",
    "scripts/scale/seedLargeDao.ts",
    "scripts/lib/seededRandom.ts",
    "contracts-abi/demoGovernor.ts",
    "contracts-abi/demoTimelock.ts",
    "contracts-abi/demoToken.ts",
    "contracts-abi/multicall3.ts",
    "contracts-abi/fixtures/scaleSeeder.ts",
    "node_modules/@foundry-rs/anvil/package.json",
  ];
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file);
    hash.update("\0");
    hash.update(readFileSync(join(repoRoot, file)));
    hash.update("\0");
  }
  hash.update(JSON.stringify(sizes));
  return hash.digest("hex").slice(0, 16);
}

function cachePaths(cacheDir: string, key: string) {
  return {
    state: join(cacheDir, `large-state-${key}.json`),
    deployment: join(cacheDir, `large-deployment-${key}.json`),
  };
}

function writeAtomic(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/**
 * Seeds the large DAO on a fresh anvil on `port` and writes it to the cache, unless the cache
 * already holds it. Returns the deployment and whether it was seeded now.
 *
 * @example
 * const { deployment } = await ensureLargeChain({ port: 47401, sizes: sizesFromEnv() });
 */
export async function ensureLargeChain(options: {
  port: number;
  sizes: ScaleSizes;
  cacheDir?: string;
  log?: (line: string) => void;
}): Promise<{ deployment: LargeDeployment; seeded: boolean; statePath: string; seconds: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const cacheDir = options.cacheDir ?? join(repoRoot, ".commons");
  mkdirSync(cacheDir, { recursive: true });
  const key = largeCacheKey(options.sizes);
  const paths = cachePaths(cacheDir, key);
  if (existsSync(paths.state) && existsSync(paths.deployment)) {
    const deployment = JSON.parse(readFileSync(paths.deployment, "utf8")) as LargeDeployment;
    return { deployment, seeded: false, statePath: paths.state, seconds: 0 };
  }
  const started = performance.now();
  const raw = `${paths.state}.${process.pid}.raw`;
  // anvil writes the dump itself on exit (`--dump-state`): through anvil_dumpState, a dump of
  // gigabytes would have to fit in one JavaScript string.
  const anvil = await startAnvil({
    port: options.port,
    // The history starts in the past: genesis just before it.
    extraArgs: [...largeAnvilArgs, "--timestamp", String(largeHistoryStart - 3_600), "--dump-state", raw],
    pruneHistory: true,
  });
  try {
    const deployment = await seedLargeDao(anvil.rpcUrl, options.sizes, log);
    log(`[seed:large] dumping the state… (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    process.kill(anvil.pid, "SIGTERM");
    await waitFor(() => !isAlive(anvil.pid), {
      what: "anvil to write its state and exit",
      timeoutMs: 900_000,
      intervalMs: 250,
    });
    if (!existsSync(raw)) throw new Error(`anvil exited without writing ${raw}`);
    await stripTracesFromDump(raw, `${paths.state}.tmp`);
    renameSync(`${paths.state}.tmp`, paths.state);
    writeAtomic(paths.deployment, `${JSON.stringify(deployment, null, 2)}\n`);
    for (const name of readdirSync(cacheDir)) {
      if (/^large-(state|deployment)-[0-9a-f]+\.json$/.test(name) && !name.includes(key)) rmSync(join(cacheDir, name));
    }
    return { deployment, seeded: true, statePath: paths.state, seconds: (performance.now() - started) / 1000 };
  } finally {
    await anvil.stop();
    rmSync(raw, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts anvil on `port` from the cached large DAO (seeding it first when needed), keeping the
 * last 128 blocks' states like a full node.
 */
export async function startLargeChain(options: {
  port: number;
  sizes: ScaleSizes;
  log?: (line: string) => void;
}): Promise<{ anvil: AnvilInstance; deployment: LargeDeployment }> {
  const { deployment, statePath } = await ensureLargeChain(options);
  const anvil = await startAnvil({
    port: options.port,
    loadState: statePath,
    extraArgs: largeAnvilArgs,
    pruneHistory: 128,
    startTimeoutMs: 300_000,
  });
  return { anvil, deployment };
}

/** The config that points the app and the indexer at the large DAO (validated like any). */
export function writeLargeConfig(deployment: LargeDeployment, rpcUrl: string, path: string): CommonsConfig {
  const config = parseCommonsConfig(
    JSON.stringify({
      daos: [
        {
          slug: "large",
          name: "Large DAO",
          chainId: deployment.chainId,
          rpcUrl,
          governor: deployment.governor,
          // See writeDemoConfig's seededChainStartBlock: the seeded chain keeps no old state.
          startBlock: 0,
          token: deployment.token,
          timelock: deployment.timelock,
          labels: { [deployment.timelock]: "Treasury (timelock)", [deployment.seeder]: "Scale seeder" },
        },
      ],
    }),
    "the large DAO config",
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeCommonsConfig(config));
  return config;
}
