/**
 * Embedded PostgreSQL (PGlite, WebAssembly) as a Store. One PGlite owns its data directory: never
 * open the same directory from two processes (give each app server its own COMMONS_DATA_DIR).
 */
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Store, StoreBackend } from "./types";

function txStore(tx: Transaction): Store {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await tx.query<T>(sql, params)).rows;
    },
    // Nested transactions run inline in the outer one (no savepoints needed so far).
    transaction: (fn) => fn(txStore(tx)),
    close: () => Promise.reject(new Error("close the store, not a transaction")),
  };
}

/**
 * @param dataDir a directory (created when missing), or undefined for an in-memory database
 * @example const store = await createPgliteStore(".commons/app-data");
 */
export async function createPgliteStore(dataDir?: string): Promise<StoreBackend> {
  const db = dataDir ? await PGlite.create({ dataDir }) : await PGlite.create();
  return {
    kind: "pglite",
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async transaction<T>(fn: (tx: Store) => Promise<T>) {
      return (await db.transaction((tx) => fn(txStore(tx)))) as T;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}
