/**
 * The app's own database (drafts, discussion links, delegate statements, sign-in), separate from
 * the indexer's: embedded PGlite in COMMONS_DATA_DIR (default `.commons/app-data`) or PostgreSQL
 * when COMMONS_DATABASE_URL is set. Opened and migrated once per process, on first use.
 *
 * PGlite allows one process per data directory: every app server (npm run dev, the e2e harness)
 * gets its own COMMONS_DATA_DIR.
 */
import "server-only";
import { openStore } from "./open";
import type { Store } from "./types";

export type { Store } from "./types";

// On globalThis so `next dev`'s module reloads reuse the open database instead of opening the
// same data directory a second time.
const key = Symbol.for("commons.store");
type Holder = { [key]?: Promise<Store> };

/**
 * @example
 * const store = await getStore();
 * const rows = await store.query<{ body: string }>("SELECT body FROM statements WHERE dao = $1", [slug]);
 */
export function getStore(): Promise<Store> {
  const holder = globalThis as Holder;
  let promise = holder[key];
  if (!promise) {
    promise = openStore();
    holder[key] = promise;
    // A failed open (database down, bad URL) is retried on the next request.
    promise.catch(() => {
      if (holder[key] === promise) delete holder[key];
    });
  }
  return promise;
}
