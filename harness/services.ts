/**
 * Child processes for the dev and e2e orchestrators: start a service with its output going to a
 * log file (and optionally the terminal with a prefix), wait for it to answer, and stop exactly
 * the PID we started. A service that dies while we wait for it fails the wait at once with the
 * tail of its log, so a broken start says why instead of hanging.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { waitFor } from "./anvil";

export type Service = {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  hasExited(): boolean;
  /** The last lines of the service's log, for error messages. */
  logTail(lines?: number): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
};

export type StartServiceOptions = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  /** Also copy the output to this process's stdout, each line prefixed with `[name]`. */
  echo?: boolean;
};

export function startService(options: StartServiceOptions): Service {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: "w" });
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group, so Ctrl-C in the terminal reaches us first and we stop children in order.
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${options.name} (${options.command})`);
  const pid = child.pid;
  let exitedFlag = false;
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => {
      exitedFlag = true;
      resolve(code ?? signal ?? "unknown");
    });
    child.on("error", (error) => {
      log.write(`\n[commons] failed to start: ${error.message}\n`);
      exitedFlag = true;
      resolve(`error: ${error.message}`);
    });
  });
  const prefix = `[${options.name}] `;
  const forward = (chunk: Buffer) => {
    log.write(chunk);
    if (options.echo) {
      const text = chunk.toString("utf8");
      process.stdout.write(
        text
          .split(/\r?\n/)
          .filter((line, index, all) => line.length > 0 || index < all.length - 1)
          .map((line) => `${prefix}${line}\n`)
          .join(""),
      );
    }
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);

  return {
    name: options.name,
    pid,
    logFile: options.logFile,
    exited,
    hasExited: () => exitedFlag,
    logTail(lines = 30) {
      try {
        return readFileSync(options.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
      } catch {
        return "(no log)";
      }
    },
    async stop(graceMs = 10_000) {
      if (exitedFlag) return;
      try {
        // Negative PID: the service's own process group (next and ponder spawn workers).
        process.kill(-pid, "SIGTERM");
      } catch {
        return;
      }
      const killed = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
      ]);
      if (!killed) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
        await exited;
      }
      log.end();
    },
  };
}

/**
 * Waits (see `waitFor`) for `check` to succeed, failing at once — with the tail of its log — when
 * `service` exits, and adding that tail to a timeout too. On failure `service` is stopped.
 *
 * @example await waitUntil(() => httpOk(url), { what: "the app", timeoutMs: 60_000, service: app })
 */
export async function waitUntil<T>(
  check: () => Promise<T | false | undefined>,
  options: { what: string; timeoutMs: number; intervalMs?: number; service?: Service },
): Promise<T> {
  const { service } = options;
  const tail = () => (service ? `\nLast log lines (${service.logFile}):\n${service.logTail()}` : "");
  try {
    return await waitFor(check, {
      what: options.what,
      timeoutMs: options.timeoutMs,
      intervalMs: options.intervalMs ?? 250,
      abort: () =>
        service?.hasExited() ? new Error(`${service.name} exited while waiting for ${options.what}`) : undefined,
    });
  } catch (error) {
    const message = `${(error as Error).message}${tail()}`;
    // The caller has not registered a service that never came up; don't leave it running.
    await service?.stop();
    throw new Error(message);
  }
}

/** Resolves true once `url` answers with a 2xx status. */
export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return response.ok;
}

/** Stops services in reverse start order, ignoring ones already gone. */
export async function stopAll(services: Service[]): Promise<void> {
  for (const service of [...services].reverse()) {
    await service.stop().catch(() => undefined);
  }
}
