/**
 * A watchdog for the processes an orchestrator (npm run dev) starts: a tiny separate process that
 * holds a pipe from it. Told each service's PID as it starts, it does nothing while the
 * orchestrator lives — and when the pipe closes without "done" (the orchestrator was killed, even
 * with SIGKILL, or crashed mid-shutdown), it stops every service still listed: SIGTERM to the
 * service's process group (or the process), SIGKILL after a grace period. So no way of ending
 * `npm run dev` leaves an indexer, app server or anvil behind.
 */
import { spawn } from "node:child_process";

export type Reaper = {
  /** Stop this PID (its process group when it leads one) if the orchestrator dies. */
  add(pid: number): void;
  /** The orchestrator stopped it itself. */
  remove(pid: number): void;
  /** Everything is stopped: the watchdog exits without touching anything. */
  done(): void;
};

// Plain JavaScript for `node -e`: no loader, starts in a few milliseconds.
const watchdog = `
const pids = new Set();
let buffer = "";
let finished = false;
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === "EPERM"; } };
const signal = (pid, name) => { try { process.kill(-pid, name); } catch { try { process.kill(pid, name); } catch {} } };
async function reap() {
  if (finished) return;
  finished = true;
  for (const pid of pids) signal(pid, "SIGTERM");
  const deadline = Date.now() + ${10_000};
  while ([...pids].some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) if (alive(pid)) signal(pid, "SIGKILL");
  process.exit(0);
}
for (const name of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(name, () => {});
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  buffer += chunk;
  for (let i = buffer.indexOf("\\n"); i >= 0; i = buffer.indexOf("\\n")) {
    const [command, raw] = buffer.slice(0, i).split(" ");
    buffer = buffer.slice(i + 1);
    const pid = Number(raw);
    if (command === "add" && pid > 0) pids.add(pid);
    else if (command === "remove") pids.delete(pid);
    else if (command === "done") { finished = true; process.exit(0); }
  }
});
process.stdin.on("end", reap);
process.stdin.on("error", reap);
`;

/**
 * @example
 * const reaper = startReaper();
 * const service = startService(…); reaper.add(service.pid);
 * // on a clean stop: await service.stop(); reaper.remove(service.pid); … reaper.done();
 */
export function startReaper(): Reaper {
  const child = spawn(process.execPath, ["-e", watchdog], {
    // Its own process group: a Ctrl-C in the terminal does not reach it.
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  child.unref();
  const stdin = child.stdin;
  // The pipe must not keep the orchestrator alive; it closes when the orchestrator exits.
  (stdin as unknown as { unref?: () => void } | null)?.unref?.();
  const send = (line: string) => {
    if (stdin && !stdin.destroyed) stdin.write(`${line}\n`);
  };
  return {
    add: (pid) => send(`add ${pid}`),
    remove: (pid) => send(`remove ${pid}`),
    done: () => send("done"),
  };
}
