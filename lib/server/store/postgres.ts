/** PostgreSQL (node-postgres pool) as a Store, for COMMONS_DATABASE_URL. */
import pg from "pg";
import type { Store, StoreBackend } from "./types";

function clientStore(client: pg.PoolClient): Store {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    transaction: (fn) => fn(clientStore(client)),
    close: () => Promise.reject(new Error("close the store, not a transaction")),
  };
}

/**
 * @example const store = await createPostgresStore("postgresql://user@127.0.0.1:5432/commons");
 */
export async function createPostgresStore(url: string, options: { max?: number } = {}): Promise<StoreBackend> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  // Fail at start, with the URL's host in the message, rather than on the first request.
  const probe = await pool.connect().catch((error: unknown) => {
    void pool.end();
    const host = url.replace(/^[^/]*\/\/([^@/]*@)?([^/?]*).*$/, "$2");
    throw new Error(`COMMONS_DATABASE_URL: cannot connect to PostgreSQL at ${host}: ${String(error)}`);
  });
  probe.release();
  return {
    kind: "postgres",
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: Store) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(clientStore(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
