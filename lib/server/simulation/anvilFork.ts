/**
 * Spawns and stops the anvil that forks a DAO's chain for simulations. The binary comes from the
 * `@foundry-rs/anvil` npm package, resolved the way harness/anvil.ts does (harness/ is not
 * bundled with the app), or from COMMONS_ANVIL_PATH; when neither exists the error says which
 * platform lacks it and how to provide one.
 *
 * Forks are kept cheap and leave nothing behind: `--prune-history` keeps at most a few states in
 * memory and none on disk (an anvil killed mid-run leaves no per-block state in
 * ~/.foundry/anvil/tmp), `--no-storage-caching` writes no RPC cache under ~/.foundry/cache, and
 * stop() ends anvil with SIGTERM and waits for it (SIGKILL only after 10 s).
 *
 * No `server-only` guard: Node code tested by vitest; the app reaches it through ./index.ts.
 */
import { existsSync } from "node:fs";
import { anvilPackageBinary } from "../../process/anvilBinary";
import { freePort } from "../../process/freePort";
import { type SupervisedChild, spawnSupervised } from "../../process/supervisedChild";

/** The anvil binary is not there for this platform. */
export class AnvilMissingError extends Error {
  override name = "AnvilMissingError";
}

/** Anvil could not fork the chain (it exited, or never answered). */
export class ForkStartError extends Error {
  override name = "ForkStartError";
}

/**
 * The anvil binary: COMMONS_ANVIL_PATH, else the platform package of `@foundry-rs/anvil` under
 * `root`/node_modules (its packages say `amd64` where Node says `x64`).
 *
 * @example simulationAnvilPath() // ".../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
 */
export function simulationAnvilPath(
  env: Record<string, string | undefined> = process.env,
  root = process.cwd(),
): string {
  const configured = env.COMMONS_ANVIL_PATH?.trim();
  if (configured) {
    if (!existsSync(/* turbopackIgnore: true */ configured)) {
      throw new AnvilMissingError(`COMMONS_ANVIL_PATH is set to ${configured}, which does not exist.`);
    }
    return configured;
  }
  const { path, platform } = anvilPackageBinary(root);
  if (!existsSync(/* turbopackIgnore: true */ path)) {
    throw new AnvilMissingError(
      `Simulations run on a local fork made by anvil, and no anvil binary is installed for this platform (${platform}). ` +
        "Run `npm ci` (the @foundry-rs/anvil package installs it where it has one), or install Foundry's anvil and set COMMONS_ANVIL_PATH to it.",
    );
  }
  return path;
}

/** A running fork. */
export type AnvilFork = {
  pid: number;
  url: string;
  /** True once the process has exited (crashed or stopped). */
  exited(): boolean;
  /** SIGTERM, wait for the exit, SIGKILL after 10 s. Safe to call twice. */
  stop(): Promise<void>;
};

export type SpawnForkOptions = {
  /** The RPC to fork (the DAO's own). */
  forkUrl: string;
  blockNumber: bigint;
  /** How long anvil may take to answer (default 30 s). */
  startTimeoutMs?: number;
  /** Extra anvil flags (e.g. ["--hardfork", "cancun"] from COMMONS_SIMULATION_ANVIL_ARGS). */
  extraArgs?: readonly string[];
  binary?: string;
};

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** The first lines anvil printed when it gave up, without its usage text. */
function anvilError(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !/^Context:$/.test(line));
  return lines.slice(0, 3).join(" ").slice(0, 400) || "no output";
}

async function spawnOnce(options: SpawnForkOptions, host: string): Promise<AnvilFork> {
  const port = await freePort(host);
  const args = [
    "--silent",
    "--port",
    String(port),
    "--host",
    host,
    "--fork-url",
    options.forkUrl,
    "--fork-block-number",
    options.blockNumber.toString(),
    // A few recent states in memory (traces need the parent block's), none on disk.
    "--prune-history",
    "16",
    "--no-storage-caching",
    // Fail fast on an RPC that does not answer, rather than anvil's 45 s × 5 retries.
    "--timeout",
    "20000",
    "--retries",
    "2",
    "--accounts",
    "1",
    ...(options.extraArgs ?? []),
  ];
  const binary = options.binary ?? simulationAnvilPath();
  let child: SupervisedChild;
  try {
    child = spawnSupervised(binary, args);
  } catch (error) {
    throw new ForkStartError(`anvil: ${(error as Error).message}`);
  }
  const { pid, exited, stop } = child;
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    const spawnError = child.spawnError();
    if (spawnError) {
      await stop();
      throw new ForkStartError(`anvil could not be started: ${spawnError.message}`);
    }
    if (exited()) throw new ForkStartError(`anvil could not fork the chain: ${anvilError(child.stderr())}`);
    if (await answers(url)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new ForkStartError("anvil did not answer in time while forking the chain");
    }
    await new Promise((resolveTimer) => setTimeout(resolveTimer, 50));
  }
  return { pid, url, exited, stop };
}

/**
 * Starts anvil forking `forkUrl` at `blockNumber` on a free loopback port and resolves once it
 * answers. Retries twice when another process took the port meanwhile.
 *
 * @example
 * const fork = await spawnFork({ forkUrl: dao.rpcUrl, blockNumber: head });
 * try { … fork.url … } finally { await fork.stop(); }
 */
export async function spawnFork(options: SpawnForkOptions): Promise<AnvilFork> {
  const host = "127.0.0.1";
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await spawnOnce(options, host);
    } catch (error) {
      lastError = error;
      if (!(error instanceof ForkStartError) || !/address already in use/i.test(error.message)) throw error;
    }
  }
  throw lastError;
}
