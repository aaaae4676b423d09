/**
 * Versioned migrations: `migrations/NNN_name.sql`, applied in file-name order, each once, each in
 * its own transaction, recorded in `schema_migrations`. A migration that was applied is never
 * edited; change the schema with a new file. Concurrent starters (two app servers on one
 * PostgreSQL) serialise on an advisory lock.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { StoreBackend } from "./types";

/** Where the .sql files live (the app and the tests run from the repository root). */
export const migrationsDir = resolve(/* turbopackIgnore: true */ process.cwd(), "lib", "server", "store", "migrations");

export type Migration = { version: string; name: string; sql: string };

/** The migration files, ordered; throws on a badly named file or a duplicated number. */
export function readMigrations(dir: string = migrationsDir): Migration[] {
  // Read at run time from the repository (next start runs there): not something to bundle or trace.
  const files = readdirSync(/* turbopackIgnore: true */ dir)
    .filter((file) => file.endsWith(".sql"))
    .sort();
  const seen = new Set<string>();
  return files.map((file) => {
    const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match?.[1] || !match[2]) throw new Error(`migration ${file}: name it NNN_name.sql (e.g. 005_votes.sql)`);
    if (seen.has(match[1])) throw new Error(`migration ${file}: number ${match[1]} is used twice`);
    seen.add(match[1]);
    const path = join(/* turbopackIgnore: true */ dir, file);
    return { version: match[1], name: match[2], sql: readFileSync(/* turbopackIgnore: true */ path, "utf8") };
  });
}

const LOCK_ID = 4_242_001;

/**
 * Applies the migrations not yet recorded; returns the versions it applied.
 *
 * @example await migrate(store); // ["001", "002"] on a fresh database, [] afterwards
 */
export async function migrate(store: StoreBackend, migrations: Migration[] = readMigrations()): Promise<string[]> {
  await store.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await store.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_ID]);
      const rows = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [migration.version]);
      if (rows.length > 0) return false;
      // Each statement of the file, in order, inside this transaction.
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/**
 * Splits a migration file on `;` at line ends, dropping `--` comment lines. Keep migrations to
 * plain DDL (no function bodies with `;` inside).
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
