/**
 * A local anvil holding the seeded demo DAO, fast after the first time: the seeded state is
 * dumped to .commons/ under a key derived from the contracts and the seed's sources, and later
 * starts load it with `--load-state`.
 *
 * Like a public full node, the chain keeps no old per-block state: the seed runs with none (its
 * ~46,500 blocks, a GovernorAlpha's 40,320-block vote among them, then mine in seconds), the dump
 * has the blocks and the latest state only, and a loaded chain keeps the last
 * {@link loadedStateBlocks} blocks' states. Calls at older blocks fail, as on a public RPC.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { createPublicClient, http } from "viem";
import { foundry } from "viem/chains";
import { demoAnvilArgs, deployAndSeedDemo } from "../scripts/demo/deployAndSeedDemo";
import type { DemoDeployment } from "../scripts/demo/types";
import { demoStateProblems } from "../scripts/demo/verifyDemo";
import { repoRoot } from "../scripts/lib/paths";
import { type AnvilInstance, isPortFree, portInUseError, rpc, type StartAnvilOptions, startAnvil } from "./anvil";

/** Per-block states a loaded demo chain keeps (a full node's usual 128): reads pinned to a recent block work. */
export const loadedStateBlocks = 128;

/** Options for {@link startDemoChain}. */
export type StartDemoChainOptions = {
  port: number;
  host?: string;
  /** Switch to interval mining every N seconds once the demo is ready (default: automine). */
  blockTime?: number;
  /** Where cached states live (default .commons/ at the repo root). */
  cacheDir?: string;
  /** Progress lines (default console.log). */
  log?: (line: string) => void;
  /** Told each anvil as soon as it is spawned (see StartAnvilOptions.onSpawn). */
  onSpawn?: StartAnvilOptions["onSpawn"];
};

/** A running demo chain. */
export type DemoChain = { anvil: AnvilInstance; deployment: DemoDeployment; rpcUrl: string };

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The cache key: a hash of everything that decides the seeded chain — the compiled contracts
 * (flavours included, test-only fixtures not), the seed's and the flavour fixtures' sources and descriptions, the title
 * derivation and the anvil version.
 *
 * @example demoCacheKey() // "3f9c0a1b2c4d5e6f"
 */
export function demoCacheKey(): string {
  const files = [
    // Test-only fixtures (contracts-abi/fixtures) are never deployed by the seed.
    ...listFiles(join(repoRoot, "contracts-abi")).filter(
      (file) =>
        file.endsWith(".ts") &&
        !file.endsWith(".test.ts") &&
        !file.startsWith(join(repoRoot, "contracts-abi/fixtures")),
    ),
    ...["scripts/demo", "scripts/flavours"].flatMap((dir) =>
      listFiles(join(repoRoot, dir)).filter((file) => !file.endsWith(".test.ts") && !file.endsWith("README.md")),
    ),
    join(repoRoot, "lib/chain/anvilDevAccounts.ts"),
    join(repoRoot, "lib/proposals/proposalTitle.ts"),
    join(repoRoot, "node_modules/@foundry-rs/anvil/package.json"),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(relative(repoRoot, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function cachePaths(cacheDir: string, key: string) {
  return {
    state: join(cacheDir, `demo-state-${key}.json`),
    deployment: join(cacheDir, `demo-deployment-${key}.json`),
  };
}

/** Writes atomically, so a concurrent start never reads half a file. */
function writeAtomic(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

function removeOtherCaches(cacheDir: string, key: string): void {
  for (const name of readdirSync(cacheDir)) {
    if (/^demo-(state|deployment)-[0-9a-f]+\.json$/.test(name) && !name.includes(key)) rmSync(join(cacheDir, name));
  }
}

async function loadCached(
  options: StartDemoChainOptions,
  paths: ReturnType<typeof cachePaths>,
  log: (line: string) => void,
) {
  if (!existsSync(paths.state) || !existsSync(paths.deployment)) return undefined;
  log("loading the cached demo DAO…");
  const deployment = JSON.parse(readFileSync(paths.deployment, "utf8")) as DemoDeployment;
  let anvil: AnvilInstance;
  try {
    anvil = await startAnvil({
      port: options.port,
      host: options.host,
      loadState: paths.state,
      onSpawn: options.onSpawn,
      pruneHistory: loadedStateBlocks,
    });
  } catch (error) {
    if (!(await isPortFree(options.port, options.host))) throw error;
    log(`the cached demo state did not load (${(error as Error).message.split("\n")[0]}); seeding again`);
    return undefined;
  }
  const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl), cacheTime: 0 });
  const problems = await demoStateProblems(client, deployment).catch((error: Error) => [error.message]);
  if (problems.length === 0) return { anvil, deployment };
  log(`the cached demo state is not what it should be (${problems[0]}); seeding again`);
  await anvil.stop();
  return undefined;
}

/** Seeds on an anvil that keeps no per-block state, dumps it to the cache and stops it. */
async function seedFresh(
  options: StartDemoChainOptions,
  paths: ReturnType<typeof cachePaths>,
  log: (line: string) => void,
): Promise<void> {
  log("seeding the demo DAO (first run only)…");
  const anvil = await startAnvil({
    port: options.port,
    host: options.host,
    extraArgs: demoAnvilArgs(),
    onSpawn: options.onSpawn,
    pruneHistory: true,
  });
  try {
    const deployment = await deployAndSeedDemo(anvil.rpcUrl, log);
    // The blocks and the latest state; no historical states (nothing may rely on them).
    const dump = await rpc<string>(anvil.rpcUrl, "anvil_dumpState", [false]);
    writeAtomic(paths.state, gunzipSync(Buffer.from(dump.slice(2), "hex")));
    writeAtomic(paths.deployment, `${JSON.stringify(deployment, null, 2)}\n`);
  } finally {
    await anvil.stop();
  }
}

/**
 * Starts anvil on `port` with the demo DAO: loaded from the cache when it matches the current
 * sources, else deployed, seeded and cached. With `blockTime`, switches to interval mining
 * afterwards (transactions then wait for the next block).
 *
 * @example
 * const { anvil, deployment, rpcUrl } = await startDemoChain({ port: 8545, blockTime: 4 });
 * // … later
 * await anvil.stop();
 */
export async function startDemoChain(options: StartDemoChainOptions): Promise<DemoChain> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!(await isPortFree(options.port, options.host))) throw portInUseError(options.port);
  const cacheDir = options.cacheDir ?? join(repoRoot, ".commons");
  mkdirSync(cacheDir, { recursive: true });
  const key = demoCacheKey();
  const paths = cachePaths(cacheDir, key);
  const started = performance.now();

  let chain = await loadCached(options, paths, log);
  if (chain) {
    log(
      `demo DAO loaded from ${relative(repoRoot, paths.state)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } else {
    rmSync(paths.state, { force: true });
    rmSync(paths.deployment, { force: true });
    await seedFresh(options, paths, log);
    removeOtherCaches(cacheDir, key);
    // The chain every later start gets: loaded from the dump, keeping recent blocks' states.
    chain = await loadCached(options, paths, () => undefined);
    if (!chain) throw new Error(`the demo state just written to ${relative(repoRoot, paths.state)} did not load`);
    log(`demo DAO seeded and cached in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  if (options.blockTime !== undefined) await rpc(chain.anvil.rpcUrl, "evm_setIntervalMining", [options.blockTime]);
  return { anvil: chain.anvil, deployment: chain.deployment, rpcUrl: chain.anvil.rpcUrl };
}
