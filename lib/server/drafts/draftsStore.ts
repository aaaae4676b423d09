/**
 * Proposal drafts in the app's store (table `drafts`, migration 003). Plain functions over a
 * `Store`, so the API routes and the tests (both backends) share them. Addresses are stored
 * lowercase; ids are 128 random bits in hex, so a draft's link cannot be guessed.
 */
import { randomBytes } from "node:crypto";
import type { Draft, DraftFields } from "../../drafts/draftInput";
import type { Store } from "../store/types";

type Row = {
  id: string;
  dao: string;
  author: string;
  title: string;
  body: string;
  form: unknown;
  discussion_url: string;
  proposal_id: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
};

const columns = "id, dao, author, title, body, form, discussion_url, proposal_id, version, created_at, updated_at";

const iso = (value: Date | string) => new Date(value).toISOString();

function toDraft(row: Row): Draft {
  const form = (typeof row.form === "string" ? JSON.parse(row.form) : row.form) as Partial<DraftFields> | null;
  return {
    id: row.id,
    dao: row.dao,
    author: row.author,
    title: row.title,
    body: row.body,
    discussionUrl: row.discussion_url,
    actions: Array.isArray(form?.actions) ? form.actions : [],
    nextId: typeof form?.nextId === "number" ? form.nextId : 1,
    proposalId: row.proposal_id,
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const formJson = (fields: DraftFields) => JSON.stringify({ actions: fields.actions, nextId: fields.nextId });

/** A new draft id: 128 random bits, 32 hex digits. */
export function newDraftId(): string {
  return randomBytes(16).toString("hex");
}

/** Whether `id` has the form of a draft id (checked before touching the store). */
export function isDraftId(id: string): boolean {
  return /^[0-9a-f]{32}$/.test(id);
}

/** @example const draft = await createDraft(store, "commons", "0xabc…", fields); */
export async function createDraft(store: Store, dao: string, author: string, fields: DraftFields): Promise<Draft> {
  const rows = await store.query<Row>(
    `INSERT INTO drafts (id, dao, author, title, body, form, discussion_url)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING ${columns}`,
    [newDraftId(), dao, author.toLowerCase(), fields.title, fields.body, formJson(fields), fields.discussionUrl],
  );
  const row = rows[0];
  if (!row) throw new Error("INSERT INTO drafts returned no row");
  return toDraft(row);
}

/** The draft with this id in this DAO, or null. */
export async function getDraft(store: Store, dao: string, id: string): Promise<Draft | null> {
  if (!isDraftId(id)) return null;
  const rows = await store.query<Row>(`SELECT ${columns} FROM drafts WHERE id = $1 AND dao = $2`, [id, dao]);
  return rows[0] ? toDraft(rows[0]) : null;
}

/** An author's drafts in a DAO, most recently edited first. */
export async function listDrafts(store: Store, dao: string, author: string, limit = 200): Promise<Draft[]> {
  const rows = await store.query<Row>(
    `SELECT ${columns} FROM drafts WHERE dao = $1 AND author = $2 ORDER BY updated_at DESC, id LIMIT $3`,
    [dao, author.toLowerCase(), limit],
  );
  return rows.map(toDraft);
}

/** How many drafts an author has in a DAO (to bound them). */
export async function countDrafts(store: Store, dao: string, author: string): Promise<number> {
  const rows = await store.query<{ n: string | number }>(
    "SELECT count(*)::text AS n FROM drafts WHERE dao = $1 AND author = $2",
    [dao, author.toLowerCase()],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Bytes a draft's fields take (as stored, near enough), for the per-address cap. */
export function draftFieldsBytes(fields: DraftFields): number {
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");
  return bytes(fields.title) + bytes(fields.body) + bytes(fields.discussionUrl) + bytes(formJson(fields));
}

/** Bytes of every draft an author keeps, in all DAOs. */
export async function draftBytesOfAuthor(store: Store, author: string): Promise<number> {
  const rows = await store.query<{ n: string | null }>(
    `SELECT sum(octet_length(title) + octet_length(body) + octet_length(discussion_url) + octet_length(form::text))::text AS n
     FROM drafts WHERE author = $1`,
    [author.toLowerCase()],
  );
  return Number(rows[0]?.n ?? 0);
}

/** How many drafts the store holds, in all DAOs. */
export async function countAllDrafts(store: Store): Promise<number> {
  const rows = await store.query<{ n: string }>("SELECT count(*)::text AS n FROM drafts");
  return Number(rows[0]?.n ?? 0);
}

export type UpdateResult =
  | { status: "updated"; draft: Draft }
  | { status: "notFound" }
  | { status: "forbidden"; draft: Draft }
  | { status: "stale"; draft: Draft };

/**
 * Replaces a draft's fields when `author` wrote it and `version` is still its version; the
 * version then grows by one. Checked and written in one statement, so two writers racing on the
 * same version cannot both win.
 */
export async function updateDraft(
  store: Store,
  dao: string,
  id: string,
  author: string,
  version: number,
  fields: DraftFields,
): Promise<UpdateResult> {
  if (!isDraftId(id)) return { status: "notFound" };
  const rows = await store.query<Row>(
    `UPDATE drafts SET title = $5, body = $6, form = $7::jsonb, discussion_url = $8,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND dao = $2 AND author = $3 AND version = $4 RETURNING ${columns}`,
    [id, dao, author.toLowerCase(), version, fields.title, fields.body, formJson(fields), fields.discussionUrl],
  );
  if (rows[0]) return { status: "updated", draft: toDraft(rows[0]) };
  const current = await getDraft(store, dao, id);
  if (!current) return { status: "notFound" };
  if (current.author !== author.toLowerCase()) return { status: "forbidden", draft: current };
  return { status: "stale", draft: current };
}

/** Records the proposal a draft became (the caller has checked it on chain). */
export async function setDraftProposal(
  store: Store,
  dao: string,
  id: string,
  proposalId: string,
  tx: string | null,
): Promise<Draft | null> {
  const rows = await store.query<Row>(
    `UPDATE drafts SET proposal_id = $3, proposal_tx = $4, version = version + 1, updated_at = now()
     WHERE id = $1 AND dao = $2 RETURNING ${columns}`,
    [id, dao, proposalId, tx],
  );
  return rows[0] ? toDraft(rows[0]) : null;
}

/** Drafts that became this proposal (usually one), oldest first. */
export async function draftsOfProposal(store: Store, dao: string, proposalId: string): Promise<Draft[]> {
  const rows = await store.query<Row>(
    `SELECT ${columns} FROM drafts WHERE dao = $1 AND proposal_id = $2 ORDER BY created_at, id LIMIT 10`,
    [dao, proposalId],
  );
  return rows.map(toDraft);
}
