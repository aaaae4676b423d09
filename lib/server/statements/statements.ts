/**
 * Delegate statements in the app store: the current statement per DAO and address, and every
 * saved version in `statement_revisions`. The API (`statementRoutes`) lets anyone read and only
 * the signed-in address write its own statement.
 *
 * No `server-only` guard (tested by vitest); the app's wiring is in ./index.ts.
 */
import { type Address, getAddress, isAddress } from "viem";
import { type Statement, statementInput, statementSummary } from "../../statements/statement";
import type { Auth } from "../auth/auth";
import { isSessionOf } from "../auth/auth";
import { json, jsonError, readJsonBody } from "../http";
import { createRateLimiter, type RateLimit } from "../rateLimit";
import { type HasStake, requireStake } from "../stake";
import type { Store } from "../store/types";

/** Versions of one statement kept in statement_revisions (the newest; older ones are dropped). */
export const maxStatementVersions = 50;

type Row = {
  dao: string;
  address: string;
  body: string;
  links: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
};

function toStatement(row: Row): Statement {
  return {
    dao: row.dao,
    address: row.address,
    statement: row.body,
    links: Array.isArray(row.links) ? row.links : [],
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The current statement, or undefined. `address` must be checksummed (getAddress). */
export async function getStatement(store: Store, dao: string, address: Address): Promise<Statement | undefined> {
  const [row] = await store.query<Row>("SELECT * FROM statements WHERE dao = $1 AND address = $2", [dao, address]);
  return row ? toStatement(row) : undefined;
}

/** Every kept version, newest first (at most `limit`). */
export async function getStatementHistory(
  store: Store,
  dao: string,
  address: Address,
  limit = maxStatementVersions,
): Promise<{ version: number; statement: string; links: string[]; createdAt: string }[]> {
  const rows = await store.query<{ version: number; body: string; links: string[]; created_at: Date }>(
    "SELECT version, body, links, created_at FROM statement_revisions WHERE dao = $1 AND address = $2 ORDER BY version DESC LIMIT $3",
    [dao, address, limit],
  );
  return rows.map((row) => ({
    version: row.version,
    statement: row.body,
    links: Array.isArray(row.links) ? row.links : [],
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/**
 * One-line plain-text summaries for the directory, keyed by lowercase address (only addresses
 * with a non-empty statement appear).
 */
export async function getStatementSummaries(
  store: Store,
  dao: string,
  addresses: string[],
): Promise<Map<string, string>> {
  const wanted = [
    ...new Set(addresses.filter((a) => isAddress(a, { strict: false })).map((a) => getAddress(a.toLowerCase()))),
  ];
  const summaries = new Map<string, string>();
  if (wanted.length === 0) return summaries;
  const rows = await store.query<{ address: string; head: string }>(
    "SELECT address, left(body, 2000) AS head FROM statements WHERE dao = $1 AND address = ANY($2::text[])",
    [dao, wanted],
  );
  for (const row of rows) {
    const summary = statementSummary(row.head);
    if (summary) summaries.set(row.address.toLowerCase(), summary);
  }
  return summaries;
}

/**
 * Saves a new version (the previous `maxStatementVersions - 1` stay in statement_revisions, older
 * ones are dropped: a statement rewritten every minute must not grow the database forever).
 */
export async function saveStatement(
  store: Store,
  input: { dao: string; address: Address; statement: string; links: string[]; now: Date },
): Promise<Statement> {
  const at = input.now.toISOString();
  const links = JSON.stringify(input.links);
  return store.transaction(async (tx) => {
    // Two saves at once must not both write version n+1: take the row (or, for a first save,
    // the insert's conflict) as the lock.
    const [current] = await tx.query<{ version: number }>(
      "SELECT version FROM statements WHERE dao = $1 AND address = $2 FOR UPDATE",
      [input.dao, input.address],
    );
    const version = (current?.version ?? 0) + 1;
    const [row] = await tx.query<Row>(
      `INSERT INTO statements (dao, address, body, links, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6::timestamptz, $6::timestamptz)
       ON CONFLICT (dao, address) DO UPDATE SET body = $3, links = $4::jsonb, version = $5, updated_at = $6::timestamptz
       RETURNING *`,
      [input.dao, input.address, input.statement, links, version, at],
    );
    await tx.query(
      "INSERT INTO statement_revisions (dao, address, version, body, links, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz)",
      [input.dao, input.address, version, input.statement, links, at],
    );
    await tx.query("DELETE FROM statement_revisions WHERE dao = $1 AND address = $2 AND version <= $3", [
      input.dao,
      input.address,
      version - maxStatementVersions,
    ]);
    if (!row) throw new Error("saving the statement returned no row");
    return toStatement(row);
  });
}

export type StatementRouteDeps = {
  store: () => Promise<Store>;
  auth: Pick<Auth, "requireSession">;
  /** Whether a DAO with this slug is configured. */
  daoExists: (slug: string) => boolean;
  /** Whether the address holds the DAO's token or voting power (writing needs a stake). */
  hasStake: HasStake;
  now?: () => Date;
  /** Rate limits (default: windows in `store`). */
  rateLimit?: RateLimit;
};

type Params = { dao: string; address: string };

/** 20 KB of text is at most 80 KB of UTF-8; the links and JSON add little. */
const maxBodyBytes = 100_000;

function parseAddressParam(raw: string): Address | undefined {
  return /^0x[0-9a-fA-F]{40}$/.test(raw) ? getAddress(raw.toLowerCase()) : undefined;
}

/**
 * GET  /api/daos/<dao>/statements/<address>[?history=1] → { statement: Statement | null, history? }
 * PUT  /api/daos/<dao>/statements/<address> { statement, links } → { statement } (the signed-in address only)
 */
export function statementRoutes(deps: StatementRouteDeps) {
  const now = deps.now ?? (() => new Date());
  const rateLimit = deps.rateLimit ?? createRateLimiter({ store: deps.store, now });

  function check(params: Params): { address: Address } | Response {
    if (!deps.daoExists(params.dao)) return jsonError(404, `No DAO "${params.dao}" here.`, "dao");
    const address = parseAddressParam(params.address);
    if (!address) return jsonError(400, "address: must be 0x followed by 40 hex characters", "address");
    return { address };
  }

  async function GET(request: Request, params: Params): Promise<Response> {
    const checked = check(params);
    if (checked instanceof Response) return checked;
    const store = await deps.store();
    const statement = (await getStatement(store, params.dao, checked.address)) ?? null;
    const wantsHistory = new URL(request.url).searchParams.get("history") === "1";
    if (!wantsHistory) return json({ statement });
    return json({ statement, history: await getStatementHistory(store, params.dao, checked.address) });
  }

  async function PUT(request: Request, params: Params): Promise<Response> {
    const checked = check(params);
    if (checked instanceof Response) return checked;
    const session = await deps.auth.requireSession(request);
    if (session instanceof Response) return session;
    if (!isSessionOf(session, checked.address)) {
      return jsonError(
        403,
        `You are signed in as ${session.address}: only ${checked.address} can edit this statement.`,
      );
    }
    const limited = await rateLimit(`statements:${session.address}`, 20, 60_000);
    if (limited) return limited;
    const body = await readJsonBody(request, statementInput, maxBodyBytes);
    if (body instanceof Response) return body;
    // Throwaway wallets must not fill the database: only someone with a stake in the DAO writes.
    const noStake = await requireStake(deps.hasStake, params.dao, checked.address);
    if (noStake) return noStake;
    const store = await deps.store();
    const statement = await saveStatement(store, {
      dao: params.dao,
      address: checked.address,
      statement: body.statement,
      links: body.links,
      now: now(),
    });
    return json({ statement });
  }

  return { GET, PUT };
}
