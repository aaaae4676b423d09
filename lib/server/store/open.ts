/**
 * Opens and migrates a store from the environment, without the `server-only` guard so scripts and
 * tests can use it. The app uses `getStore()` from `./index`.
 */
import { resolve } from "node:path";
import { migrate } from "./migrate";
import type { StoreBackend } from "./types";

/** The embedded database's directory: COMMONS_DATA_DIR, default `.commons/app-data`. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.COMMONS_DATA_DIR || resolve(/* turbopackIgnore: true */ process.cwd(), ".commons", "app-data");
  return resolve(/* turbopackIgnore: true */ dir);
}

/**
 * PostgreSQL when COMMONS_DATABASE_URL is set, else PGlite in COMMONS_DATA_DIR; migrated.
 *
 * @example const store = await openStore(); await store.query("SELECT 1");
 */
export async function openStore(env: NodeJS.ProcessEnv = process.env): Promise<StoreBackend> {
  let store: StoreBackend;
  if (env.COMMONS_DATABASE_URL) {
    const { createPostgresStore } = await import("./postgres");
    store = await createPostgresStore(env.COMMONS_DATABASE_URL);
  } else {
    const { mkdirSync } = await import("node:fs");
    const dir = dataDirFromEnv(env);
    mkdirSync(/* turbopackIgnore: true */ dir, { recursive: true });
    const { createPgliteStore } = await import("./pglite");
    store = await createPgliteStore(dir);
  }
  try {
    await migrate(store);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
