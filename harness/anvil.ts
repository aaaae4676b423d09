/*
 * harness/ holds what starts or fakes the local world for `npm run dev`, the tests, e2e and the
 * benchmarks: chains (this file, the seeded demo chain), the indexer and app servers, a throwaway
 * PostgreSQL, faulty and counting RPC proxies, Chromium, stand-ins (standIns/: ENS, Sourcify, a
 * fake chain, an EIP-1271 owner wallet), fixture DAOs (fixtures/) and the indexer-vs-chain checker.
 * The rule: a module lives here when its job is to start, fake or check part of that world. A
 * command (scripts/*.ts) and its own logic (the demo seed, flavour deployers, compile, the large
 * DAO's plan, percentiles) stay in scripts/, which harness/ may use. The app (app/, components/,
 * lib/ and indexer/ outside their tests) never imports harness/. No index file: import the module.
 */
/**
 * Starts and stops a local anvil (from the `@foundry-rs/anvil` npm package) and talks to it.
 * Used by the demo chain, the dev and e2e scripts and the tests: the binary is spawned directly so
 * the PID we hold is anvil's own, and stop() ends exactly that process.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { anvilPackageBinary } from "../lib/process/anvilBinary";
import { spawnSupervised } from "../lib/process/supervisedChild";

/** Options for {@link startAnvil}; each maps to one anvil flag. */
export type StartAnvilOptions = {
  /** Port to listen on; must be free. */
  port: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Fork this RPC URL instead of starting empty. */
  forkUrl?: string;
  /** Fork at this block (with forkUrl). */
  forkBlockNumber?: bigint | number;
  /** Start from a state file written by anvil (`--dump-state`) or from anvil_dumpState's JSON. */
  loadState?: string;
  /** Interval mining every N seconds instead of automine. */
  blockTime?: number;
  /** Number of dev accounts (default 10). */
  accounts?: number;
  /** Chain id (default 31337). */
  chainId?: number;
  /**
   * The EVM rules (default "cancun", what contracts/ is compiled for). Later forks make every mined
   * block cost more (Prague's EIP-2935 block-hash history).
   */
  hardfork?: string;
  /**
   * Keep no per-block state (true) or only the latest N blocks' (a number), like a public full node:
   * calls at older blocks then fail. Anvil's cost per mined block otherwise grows with the chain
   * (40,320 blocks, a GovernorAlpha vote: ~8 min kept, ~1 s with `true`, ~12 s with 128).
   */
  pruneHistory?: boolean | number;
  /** Any other anvil flags, passed last. */
  extraArgs?: string[];
  /** How long to wait for the RPC to answer (default 60 s; forks and big states load slowly). */
  startTimeoutMs?: number;
  /** Told the process as soon as it is spawned, before it answers (to stop it if we are stopped first). */
  onSpawn?: (anvil: Pick<AnvilInstance, "pid" | "stop">) => void;
};

/** A running anvil started by {@link startAnvil}. */
export type AnvilInstance = {
  /** PID of the anvil process itself. */
  pid: number;
  /** `http://host:port`. */
  rpcUrl: string;
  /** SIGTERM, wait for exit, SIGKILL after 10 s. Safe to call twice. */
  stop(): Promise<void>;
};

/**
 * Where the platform package of `@foundry-rs/anvil` puts the binary (its packages say `amd64`
 * where Node says `x64`). Throws naming the path when it is missing.
 *
 * @example
 * anvilBinaryPath() // ".../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
 */
export function anvilBinaryPath(root = resolve(import.meta.dirname, "..")): string {
  const { path, platform } = anvilPackageBinary(root);
  if (!existsSync(path)) {
    throw new Error(
      `anvil binary not found at ${path}. Run \`npm ci\` (@foundry-rs/anvil installs it as an optional dependency for ${platform}).`,
    );
  }
  return path;
}

/**
 * Resolves true when nothing listens on `port` at `host`.
 *
 * @example
 * if (!(await isPortFree(8545))) throw new Error("8545 is taken");
 */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once("error", () => resolvePromise(false));
    server.once("listening", () => server.close(() => resolvePromise(true)));
    server.listen(port, host);
  });
}

/** The error for a taken port, worded for the person who ran a Commons command. */
export function portInUseError(port: number): Error {
  return new Error(
    `port ${port} is already in use — is Commons already running? Stop it or set ANVIL_PORT to another port.`,
  );
}

/** A port the OS reports free right now (for tests that start their own anvil). */
export { freePort } from "../lib/process/freePort";

/** A JSON-RPC error answered by the node (code and message as sent). */
export class RpcError extends Error {
  override name = "RpcError";
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(`${method} failed: ${message} (code ${code})`);
  }
}

/**
 * Sends one JSON-RPC request and returns its result; throws RpcError on an error answer and a
 * plain Error (naming the URL) when the node cannot be reached.
 *
 * @example
 * const chainId = await rpc<string>("http://127.0.0.1:8545", "eth_chainId"); // "0x7a69"
 */
export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
  } catch (error) {
    throw new Error(`${method} to ${url} failed: ${(error as Error).message}`, { cause: error });
  }
  const text = await response.text();
  let body: { result?: T; error?: { code: number; message: string; data?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${method} to ${url} answered HTTP ${response.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  if (body.error) throw new RpcError(method, body.error.code, body.error.message, body.error.data);
  return body.result as T;
}

/**
 * JSON-RPC calls sent as batches of `perRequest`, results in call order; throws on the first
 * error, naming the call.
 *
 * @example await rpcBatch(url, [{ method: "anvil_setBalance", params: [address, "0x1"] }], 500);
 */
export async function rpcBatch<T = unknown>(
  url: string,
  calls: readonly { method: string; params: unknown[] }[],
  perRequest: number,
): Promise<T[]> {
  const results: T[] = [];
  for (let offset = 0; offset < calls.length; offset += perRequest) {
    const slice = calls.slice(offset, offset + perRequest);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(slice.map((call, index) => ({ jsonrpc: "2.0", id: index, ...call }))),
    });
    const answers = (await response.json()) as { id: number; result?: T; error?: { message: string } }[];
    for (const answer of answers.sort((a, b) => a.id - b.id)) {
      if (answer.error) throw new Error(`${slice[answer.id]?.method} failed: ${answer.error.message}`);
      results.push(answer.result as T);
    }
  }
  return results;
}

/** Options for {@link waitFor}. */
export type WaitForOptions = {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** Time between attempts (default 100 ms). */
  intervalMs?: number;
  /** What we wait for, for the timeout message ("anvil on :8545 to answer"). */
  what?: string;
  /** Stop early with this error (e.g. the process we wait on exited). */
  abort?: () => Error | undefined;
};

/**
 * Polls `check` until it returns something other than undefined, null or false (a throw counts as
 * "not yet"), and resolves that value; rejects with the last error after the deadline.
 *
 * @example
 * await waitFor(() => rpc(url, "eth_chainId"), { what: "anvil to answer", timeoutMs: 10_000 });
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 30_000, intervalMs = 100, what = "condition", abort }: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = abort?.();
    if (aborted) throw aborted;
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError ? `: ${(lastError as Error).message ?? String(lastError)}` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`, { cause: lastError });
    }
    await new Promise((resolveTimer) => setTimeout(resolveTimer, intervalMs));
  }
}

function anvilArgs(options: StartAnvilOptions, host: string): string[] {
  const args = ["--silent", "--port", String(options.port), "--host", host];
  if (options.forkUrl) args.push("--fork-url", options.forkUrl);
  if (options.forkBlockNumber !== undefined) args.push("--fork-block-number", String(options.forkBlockNumber));
  if (options.loadState) args.push("--load-state", options.loadState);
  if (options.blockTime !== undefined) args.push("--block-time", String(options.blockTime));
  if (options.accounts !== undefined) args.push("--accounts", String(options.accounts));
  if (options.chainId !== undefined) args.push("--chain-id", String(options.chainId));
  args.push("--hardfork", options.hardfork ?? "cancun");
  if (options.pruneHistory === true) args.push("--prune-history");
  else if (typeof options.pruneHistory === "number") args.push("--prune-history", String(options.pruneHistory));
  args.push(...(options.extraArgs ?? []));
  return args;
}

/**
 * Spawns anvil (always `--silent`: its per-block cost is ~6x higher when it logs) and resolves
 * once it answers eth_chainId. Throws a clear error when the port is taken, the binary is missing,
 * or anvil exits before answering (with its stderr).
 *
 * @example
 * const anvil = await startAnvil({ port: 8545, blockTime: 4 });
 * try { … anvil.rpcUrl … } finally { await anvil.stop(); }
 */
export async function startAnvil(options: StartAnvilOptions): Promise<AnvilInstance> {
  const host = options.host ?? "127.0.0.1";
  if (!(await isPortFree(options.port, host))) throw portInUseError(options.port);
  if (options.loadState && !existsSync(options.loadState)) {
    throw new Error(`anvil state file ${options.loadState} does not exist`);
  }
  const child = spawnSupervised(anvilBinaryPath(), anvilArgs(options, host));
  const { pid, stop } = child;
  const rpcUrl = `http://${host.includes(":") ? `[${host}]` : host}:${options.port}`;

  options.onSpawn?.({ pid, stop });
  try {
    await waitFor(() => rpc<string>(rpcUrl, "eth_chainId"), {
      what: `anvil on port ${options.port} to answer eth_chainId`,
      timeoutMs: options.startTimeoutMs ?? 60_000,
      intervalMs: 50,
      abort: () => {
        const spawnError = child.spawnError();
        if (spawnError) return new Error(`anvil failed to start: ${spawnError.message}`);
        const ended = child.exitReason();
        if (ended) return new Error(`anvil exited early (${ended}): ${child.stderr().trim() || "no output"}`);
        return undefined;
      },
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid, rpcUrl, stop };
}
