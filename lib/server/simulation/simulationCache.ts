/**
 * Finished simulations, kept in this process's memory: by (DAO, proposal or content, block hash),
 * and for each proposal the one shown last, so a page shows the same report to everyone until the
 * proposal changes state or someone re-runs it. Bounded (oldest dropped first). Concurrent asks
 * for the same simulation share one run.
 *
 * No `server-only` guard: plain data structures, tested by vitest.
 */
import type { SimulationReport } from "../../simulation/types";

export type SimulationCache = ReturnType<typeof createSimulationCache>;

/**
 * @example
 * const cache = createSimulationCache();
 * cache.put(`commons:42`, report); cache.latest(`commons:42`) // report
 */
export function createSimulationCache(maxEntries = 500) {
  const reports = new Map<string, SimulationReport>();
  const latest = new Map<string, string>();
  const running = new Map<string, Promise<unknown>>();
  const keyAt = (subject: string, blockHash: string) => `${subject}@${blockHash.toLowerCase()}`;

  return {
    /** The report for `subject` at the block with this hash, if one was made. */
    at(subject: string, blockHash: string): SimulationReport | undefined {
      return reports.get(keyAt(subject, blockHash));
    },
    /** The report last stored for `subject`, whatever its block. */
    latest(subject: string): SimulationReport | undefined {
      const key = latest.get(subject);
      return key ? reports.get(key) : undefined;
    },
    /** Stores `report` for `subject` at its block and makes it the latest. */
    put(subject: string, report: SimulationReport): void {
      const key = keyAt(subject, report.blockHash);
      reports.delete(key);
      reports.set(key, report);
      latest.set(subject, key);
      while (reports.size > maxEntries) {
        const oldest = reports.keys().next().value;
        if (oldest === undefined) break;
        reports.delete(oldest);
      }
      if (latest.size > maxEntries * 2) {
        for (const [name, entry] of latest) if (!reports.has(entry)) latest.delete(name);
      }
    },
    /** Runs `make` once for `key` at a time: a second ask while it runs gets the same promise. */
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      const pending = running.get(key) as Promise<T> | undefined;
      if (pending) return pending;
      const promise = make().finally(() => running.delete(key));
      running.set(key, promise);
      return promise;
    },
  };
}
