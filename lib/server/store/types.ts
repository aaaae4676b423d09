/**
 * The app's own store (drafts, discussion links, delegate statements, sign-in nonces and
 * sessions): one SQL interface over embedded PGlite or PostgreSQL. Write plain PostgreSQL with
 * `$1` placeholders; the same SQL runs on both backends.
 *
 * Portable types: use text, integer, boolean, jsonb and timestamptz (read back as Date on both
 * backends). Avoid bigint/numeric columns (pg returns strings, PGlite numbers/bigints) or cast
 * them to text in the SELECT.
 */
export type Store = {
  /** One statement with `$1…$n` parameters; returns the rows (empty for writes without RETURNING). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Closes the connection(s) (PGlite: the database). The store is unusable afterwards. */
  close(): Promise<void>;
};

/** A backend's raw handle: the Store plus multi-statement execution for migrations. */
export type StoreBackend = Store & {
  kind: "pglite" | "postgres";
  /** Runs several `;`-separated statements without parameters (migration files). */
  exec(sql: string): Promise<void>;
};
