import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, hasPostgres } from "../../../harness/testStore";
import { migrate, readMigrations, splitStatements } from "./migrate";
import type { StoreBackend } from "./types";

describe("readMigrations", () => {
  it("lists NNN_name.sql files in order, starting with 001_auth", () => {
    const migrations = readMigrations();
    expect(migrations[0]?.version).toBe("001");
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort());
  });

  it("splits a file into statements, dropping comment lines", () => {
    expect(splitStatements("-- a comment; here\nCREATE TABLE a (x int);\n\nCREATE INDEX b ON a (x);\n")).toEqual([
      "CREATE TABLE a (x int)",
      "CREATE INDEX b ON a (x)",
    ]);
  });
});

const postgres = await hasPostgres();

for (const kind of ["pglite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && !postgres)(`store on ${kind}`, () => {
    let store: StoreBackend;
    beforeAll(async () => {
      store = await createTestStore(kind);
    });
    afterAll(async () => {
      await store?.close();
    });

    it("records every migration once and applies none twice", async () => {
      const rows = await store.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version");
      expect(rows.map((row) => row.version)).toEqual(readMigrations().map((m) => m.version));
      expect(await migrate(store)).toEqual([]);
    });

    it("runs parameterised queries and reads timestamptz as Date, jsonb as values", async () => {
      await store.query(
        "CREATE TABLE t (id text PRIMARY KEY, at timestamptz NOT NULL, data jsonb NOT NULL, n integer)",
      );
      await store.query("INSERT INTO t VALUES ($1, $2::timestamptz, $3::jsonb, $4)", [
        "a",
        "2026-01-02T03:04:05.000Z",
        JSON.stringify([{ url: "https://x.org" }]),
        7,
      ]);
      const [row] = await store.query<{ id: string; at: Date; data: unknown; n: number }>("SELECT * FROM t");
      expect(row?.at).toBeInstanceOf(Date);
      expect(row?.at.toISOString()).toBe("2026-01-02T03:04:05.000Z");
      expect(row?.data).toEqual([{ url: "https://x.org" }]);
      expect(row?.n).toBe(7);
    });

    it("commits a transaction that resolves and rolls back one that throws", async () => {
      await store.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES ('b', now(), '{}', 1)");
      });
      await expect(
        store.transaction(async (tx) => {
          await tx.query("INSERT INTO t VALUES ('c', now(), '{}', 1)");
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      const rows = await store.query<{ id: string }>("SELECT id FROM t ORDER BY id");
      expect(rows.map((row) => row.id)).toEqual(["a", "b"]);
    });
  });
}
