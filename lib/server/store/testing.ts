/**
 * Stores for tests, one fresh database each: PGlite in memory, or a throwaway PostgreSQL server
 * (scripts/lib/postgres.ts; needs Debian's postgresql package). Both are migrated.
 *
 * @example
 * const store = await createTestStore("postgres");
 * try { … } finally { await store.close(); } // also stops the PostgreSQL server
 */
import { migrate } from "./migrate";
import { createPgliteStore } from "./pglite";
import { createPostgresStore } from "./postgres";
import type { StoreBackend } from "./types";

export async function createTestStore(kind: "pglite" | "postgres"): Promise<StoreBackend> {
  if (kind === "pglite") {
    const store = await createPgliteStore();
    await migrate(store);
    return store;
  }
  const { startTempPostgres } = await import("../../../scripts/lib/postgres");
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
  const { postgresBinDir } = await import("../../../scripts/lib/postgres");
  const installed = postgresBinDir() !== undefined;
  if (!installed && process.env.CI) {
    throw new Error("PostgreSQL is not installed, and CI must test both store backends (apt-get install postgresql)");
  }
  return installed;
}
