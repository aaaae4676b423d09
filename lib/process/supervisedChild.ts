/**
 * A child process this one owns: the last of its stderr kept for error messages, told to stop
 * (SIGTERM) if this process exits without stopping it — an uncaught error, process.exit — rather
 * than left orphaned on its port, and stopped with SIGTERM, then SIGKILL if it lingers. A SIGKILL
 * of this process cannot be caught. Used for anvil by the simulation's forks and the test harness.
 *
 * No `server-only` guard: plain Node code, run by vitest and the harness as well as the server.
 */
import { type ChildProcess, spawn } from "node:child_process";

export type SupervisedChild = {
  pid: number;
  /** The last 4,000 characters it wrote to stderr. */
  stderr(): string;
  /** Why it could not be started, once Node has said so. */
  spawnError(): Error | undefined;
  exited(): boolean;
  /** How it ended ("code 1", "signal SIGTERM"); undefined while it runs. */
  exitReason(): string | undefined;
  /** SIGTERM, then SIGKILL after 10 s; resolves once it has exited (or 5 s after the SIGKILL). */
  stop(): Promise<void>;
};

/** Children started here and not exited yet. */
const running = new Set<ChildProcess>();

function stopAllOnExit(): void {
  for (const child of running) child.kill("SIGTERM");
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/**
 * Spawns `binary` with stdin and stdout ignored. Throws only when Node gives no process id; a
 * binary that cannot run shows as `spawnError()` (asynchronously) or an early exit.
 *
 * @example
 * const child = spawnSupervised(anvilPath, ["--port", "8545"]);
 * if (child.exited()) throw new Error(`anvil stopped: ${child.stderr()}`);
 * await child.stop();
 */
export function spawnSupervised(binary: string, args: readonly string[]): SupervisedChild {
  // A host binary found at run time, not a file of the app: nothing for Next's file tracing to follow.
  const child = spawn(/* turbopackIgnore: true */ binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  // Listened for at once: a binary that cannot be spawned emits "error", which unheard would crash us.
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${binary} did not start (no process id)`);
  if (running.size === 0) process.on("exit", stopAllOnExit);
  running.add(child);
  child.once("exit", () => {
    running.delete(child);
    if (running.size === 0) process.off("exit", stopAllOnExit);
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const exitReason = () =>
    child.exitCode !== null
      ? `code ${child.exitCode}`
      : child.signalCode !== null
        ? `signal ${child.signalCode}`
        : undefined;
  return {
    pid,
    stderr: () => stderr,
    spawnError: () => spawnError,
    exited,
    exitReason,
    async stop() {
      if (exited()) return;
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 10_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    },
  };
}
