/**
 * Stores for tests, one fresh database each: PGlite in memory, or a throwaway PostgreSQL server
 * (harness/postgres.ts; needs Debian's postgresql package). Both are migrated.
 *
 * @example
 * const store = await createTestStore("postgres");
 * try { … } finally { await store.close(); } // also stops the PostgreSQL server
 */
import { migrate } from "../lib/server/store/migrate";
import { createPgliteStore } from "../lib/server/store/pglite";
import { createPostgresStore } from "../lib/server/store/postgres";
import type { StoreBackend } from "../lib/server/store/types";

export async function createTestStore(kind: "pglite" | "postgres"): Promise<StoreBackend> {
  if (kind === "pglite") {
    const store = await createPgliteStore();
    await migrate(store);
    return store;
  }
  const { startTempPostgres } = await import("./postgres");
  const server = await startTempPostgres();
  try {
    const store = await createPostgresStore(server.url, { max: 4 });
    await migrate(store);
    return {
      ...store,
      async close() {
        await store.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * Whether PostgreSQL's binaries are installed (tests of the postgres backend need them and are
 * skipped without). In CI (`CI` set) a missing PostgreSQL is an error, not a skip: both backends
 * must run there.
 */
export async function hasPostgres(): Promise<boolean> {
  const { postgresBinDir } = await import("./postgres");
  const installed = postgresBinDir() !== undefined;
  if (!installed && process.env.CI) {
    throw new Error("PostgreSQL is not installed, and CI must test both store backends (apt-get install postgresql)");
  }
  return installed;
}
