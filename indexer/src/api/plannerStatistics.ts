/**
 * Planner statistics for the indexer's tables. PGlite runs no autovacuum, so nothing ever analyzed
 * them and the planner guessed: on the large DAO it read an account by its primary key through the
 * delegate index, filtering 50,000 rows (30 ms instead of 0.05 ms on every delegate and account
 * request). PostgreSQL's autovacuum does ANALYZE, but only once its own thresholds and timers are
 * reached: in the minutes after a backfill the delegates list answered in up to 80 ms instead of 20,
 * and PostgreSQL's documentation advises an ANALYZE after bulk loading (Populating a Database).
 *
 * On both, this ANALYZEs the schema's tables whenever the database has grown by half since the last
 * time, checked every 30 s (the first time as soon as it is checked): the spirit of autovacuum's
 * rule. An ANALYZE samples at most 30,000 rows a table, about 1.4 s on the large DAO (on PGlite,
 * other queries wait meanwhile); a backfill from empty runs it a handful of times.
 */
import { db } from "ponder:api";
import schema from "ponder:schema";
import { sql } from "ponder";

/** How often the database's size is checked. */
export const statisticsCheckMs = 30_000;
/** ANALYZE again once the database is this many times its size at the last ANALYZE. */
export const statisticsGrowth = 1.5;

/** Whether the database has grown enough since the last ANALYZE (0: never analyzed) to analyze again. */
export function dueForAnalyze(size: number, sizeAtLastAnalyze: number): boolean {
  return sizeAtLastAnalyze === 0 || size >= sizeAtLastAnalyze * statisticsGrowth;
}

// drizzle marks its tables with this symbol (what its own isTable() checks).
const tables = Object.values(schema).filter(
  (value) => typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value,
);

async function databaseSize(): Promise<number> {
  const result = await db.execute(sql`select pg_database_size(current_database()) as size`);
  const [row] = (result as unknown as { rows: { size: string | number }[] }).rows;
  return Number(row?.size ?? 0);
}

/**
 * Starts the check. Safe to call once per process; the timer never keeps it alive.
 *
 * @example keepPlannerStatistics(); // in the API's entry module
 */
export function keepPlannerStatistics(): void {
  let sizeAtLastAnalyze = 0;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const size = await databaseSize();
      if (!dueForAnalyze(size, sizeAtLastAnalyze)) return;
      for (const table of tables) await db.execute(sql`analyze ${table}`);
      sizeAtLastAnalyze = size;
    } catch (error) {
      console.warn(`[commons] could not ANALYZE the indexer's tables: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  setInterval(() => void check(), statisticsCheckMs).unref();
}
