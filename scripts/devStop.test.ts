/**
 * `npm run dev` stops everything it started, however it is stopped: Ctrl-C pressed twice while
 * the indexer is still starting, and its own process killed outright (SIGKILL, as a wrapper that
 * loses patience would). The chain and the indexer are found by their command lines (each has
 * this test's own port), stopped while the indexer is still starting, and must be gone after.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, isPortFree, waitFor } from "../harness/anvil";
import { repoRoot } from "./lib/paths";

type Dev = { child: ChildProcess; output: () => string; exited: Promise<void>; ports: number[]; dir: string };

const started: Dev[] = [];

async function startDev(): Promise<Dev> {
  const [chain, indexer, app] = [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), "commons-dev-stop-"));
  let output = "";
  const child = spawn("npm", ["run", "dev"], {
    cwd: repoRoot,
    // Its own process group, like a terminal's foreground job: a Ctrl-C signals the whole group.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ANVIL_PORT: String(chain),
      INDEXER_PORT: String(indexer),
      PORT: String(app),
      COMMONS_DEV_DIR: dir,
      NEXT_TELEMETRY_DISABLED: "1",
      PONDER_TELEMETRY_DISABLED: "1",
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const dev = { child, output: () => output, exited, ports: [chain, indexer, app], dir };
  started.push(dev);
  return dev;
}

async function seen(dev: Dev, pattern: RegExp, what: string) {
  await waitFor(async () => pattern.test(dev.output()), {
    what,
    timeoutMs: 120_000,
    intervalMs: 10,
    abort: () => (dev.child.exitCode !== null ? new Error(`npm run dev exited:\n${dev.output()}`) : undefined),
  });
}

/** PIDs of processes whose command line holds `--port <port>` (this test's ports are its own). */
function pidsOnPort(port: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const at = args.indexOf("--port");
      if (at >= 0 && args[at + 1] === String(port)) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The chain's and the indexer's PIDs, once both processes exist. */
async function chainAndIndexer(dev: Dev): Promise<number[]> {
  await seen(dev, /starting the indexer on port/, "the indexer to be starting");
  const [chain = 0, indexer = 0] = dev.ports;
  return waitFor(
    async () => {
      const pids = [...pidsOnPort(chain), ...pidsOnPort(indexer)];
      return pidsOnPort(chain).length > 0 && pidsOnPort(indexer).length > 0 ? pids : false;
    },
    { what: "the chain and the indexer processes", timeoutMs: 30_000, intervalMs: 50 },
  );
}

/** The node process running scripts/dev.ts in this test's process group (npm and sh sit above it). */
function devScriptPid(dev: Dev): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so read after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      const node = /(^|\/)node$/.test(args[0] ?? "");
      if (pgrp === dev.child.pid && node && args.includes("scripts/dev.ts")) return Number(entry);
    } catch {
      // ended meanwhile
    }
  }
  throw new Error(`no scripts/dev.ts process in group ${dev.child.pid}`);
}

async function allGone(dev: Dev, pids: number[]) {
  await waitFor(
    async () => !pids.some(alive) && (await Promise.all(dev.ports.map((port) => isPortFree(port)))).every(Boolean),
    {
      what: "every service of npm run dev to stop",
      timeoutMs: 30_000,
      intervalMs: 250,
    },
  ).catch(() => {
    throw new Error(`still running after npm run dev ended: ${pids.filter(alive).join(", ")}\n${dev.output()}`);
  });
}

/** After a failed test: stop whatever still runs on this test's ports (only processes it started). */
function stopLeftovers(dev: Dev) {
  for (const port of dev.ports) {
    for (const pid of pidsOnPort(port)) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // gone
      }
    }
  }
  try {
    process.kill(-(dev.child.pid ?? 0), "SIGTERM");
  } catch {
    // gone
  }
}

afterEach(async () => {
  for (const dev of started.splice(0)) {
    if (dev.ports.some((port) => port > 0)) stopLeftovers(dev);
    await Promise.race([dev.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    rmSync(dev.dir, { recursive: true, force: true });
  }
});

describe("stopping npm run dev", () => {
  it("stops the chain and an indexer still starting on a second SIGINT mid-stop", async () => {
    const dev = await startDev();
    const pids = await chainAndIndexer(dev);
    // To dev.ts alone, not its whole group: the services then stop because dev.ts stops them (a
    // group-wide Ctrl-C ends them at once, and the stop is over before a second one can arrive).
    const devPid = devScriptPid(dev);
    // The chain held (SIGSTOP) keeps the stop waiting on it, however fast the rest ends, so the
    // second Ctrl-C surely lands mid-stop; SIGCONT then lets the chain end.
    const chainPids = pidsOnPort(dev.ports[0] ?? 0);
    expect(chainPids.length).toBeGreaterThan(0);
    for (const pid of chainPids) process.kill(pid, "SIGSTOP");
    try {
      process.kill(devPid, "SIGINT");
      await seen(dev, /stopping…/, "the stop to begin");
      process.kill(devPid, "SIGINT");
      await seen(dev, /SIGINT again: still stopping/, "the second Ctrl-C to be answered mid-stop");
    } finally {
      for (const pid of chainPids.filter(alive)) process.kill(pid, "SIGCONT");
    }
    await dev.exited;
    // The second Ctrl-C did not cut the stop short: every service is gone, and it said so.
    await allGone(dev, pids);
    expect(dev.output()).toMatch(/stopped\./);
  });

  it("stops every service when its own process is killed outright", async () => {
    const dev = await startDev();
    const pids = await chainAndIndexer(dev);
    // The orchestrator's own PID is in its lock file.
    const pid = Number(readFileSync(join(dev.dir, "dev.lock"), "utf8").trim());
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, "SIGKILL");
    await dev.exited;
    await allGone(dev, pids);
  });
});
