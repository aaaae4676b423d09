/**
 * Resident memory of a process and all its descendants, from /proc (Linux), and a sampler that
 * keeps the peak: Ponder and `next start` run their work in child processes and workers.
 */
import { readdirSync, readFileSync } from "node:fs";

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Bytes resident in `pid` and its descendants now (0 when /proc is not there).
 *
 * @example treeRss(process.pid) // 61_231_104
 */
export function treeRss(pid: number): number {
  let pids: number[];
  try {
    pids = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const candidate of pids) {
    const parent = parentOf(candidate);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), candidate]);
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop() as number;
    total += rssOf(next);
    queue.push(...(children.get(next) ?? []));
  }
  return total;
}

/**
 * Samples {@link treeRss} every `intervalMs` until stopped; `peak()` is the largest sample in MB.
 *
 * @example
 * const sampler = sampleRss(indexer.pid); … sampler.stop(); sampler.peak() // 812.4
 */
export function sampleRss(pid: number, intervalMs = 500): { peak(): number; stop(): void } {
  let peak = treeRss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, intervalMs);
  timer.unref();
  return {
    peak: () => Math.round((peak / 1024 / 1024) * 10) / 10,
    stop: () => clearInterval(timer),
  };
}
