/**
 * The drafts API (app/api/daos/[dao]/drafts/…), as plain request handlers over injected
 * dependencies, so the routes stay thin and the tests run the very same code on both backends.
 *
 * - GET    /api/daos/:dao/drafts        your drafts (signed in)                → { drafts }
 * - POST   /api/daos/:dao/drafts        create one (signed in)                 → 201 { draft }
 * - GET    /api/daos/:dao/drafts/:id    anyone with the link (read-only)       → { draft }
 * - PUT    /api/daos/:dao/drafts/:id    its author, naming the version edited  → { draft } | 403 | 409 { draft }
 * - PATCH  /api/daos/:dao/drafts/:id    { proposalId, tx? }: its author records the proposal it became,
 *                                       checked on chain: the proposal exists and its proposer is the author.
 *
 * Errors are JSON `{ error, field? }` with a message naming the field. Writes are rate limited per
 * address. What strangers can store is bounded three ways: creating a draft needs a stake in the
 * DAO (its token or voting power, ../stake.ts), each address keeps at most `maxDraftsPerAuthor`
 * drafts per DAO and `maxDraftBytesPerAuthor` bytes in all, and the server at most
 * `maxDraftsInStore` drafts.
 */
import { type Address, isHash } from "viem";
import { z } from "zod";
import { type Draft, draftInput, maxDraftRequestBytes } from "../../drafts/draftInput";
import { json, jsonError, readJsonBody } from "../http";
import { type HasStake, requireStake } from "../stake";
import type { Store } from "../store/types";
import {
  countAllDrafts,
  countDrafts,
  createDraft,
  draftBytesOfAuthor,
  draftFieldsBytes,
  getDraft,
  isDraftId,
  listDrafts,
  setDraftProposal,
  updateDraft,
} from "./draftsStore";

/** What the handlers need from the outside world (the routes pass the real ones, tests their own). */
export type ApiDeps = {
  store: Store;
  /** The signed-in address, or the 401 response to send. */
  session(request: Request): Promise<{ address: Address } | Response>;
  /** The DAO's forum hosts ([] for any host); null for an unknown DAO. */
  forumHosts(slug: string): readonly string[] | null;
  /** Who proposed `proposalId` on the DAO's governor, read from the chain; null when it does not exist. */
  proposer(slug: string, proposalId: bigint): Promise<Address | null>;
  /** Nothing when allowed; else the 429 response (lib/server/rateLimit). */
  rateLimit(key: string, limit: number, windowMs: number): Promise<Response | null | undefined>;
  /** Whether the address holds the DAO's token or voting power (creating a draft needs a stake). */
  hasStake: HasStake;
  /** Caps other than the defaults below (tests). */
  limits?: Partial<DraftLimits>;
};

export type DraftLimits = { draftsPerAuthor: number; bytesPerAuthor: number; draftsInStore: number };

/** Most drafts one address keeps in one DAO. */
export const maxDraftsPerAuthor = 100;
/** Most bytes of drafts (title, body, actions) one address keeps, over every DAO. */
export const maxDraftBytesPerAuthor = 5_000_000;
/** Most drafts the whole store keeps; past it, new drafts wait until some are deleted. */
export const maxDraftsInStore = 50_000;

function limitsOf(deps: ApiDeps): DraftLimits {
  return {
    draftsPerAuthor: deps.limits?.draftsPerAuthor ?? maxDraftsPerAuthor,
    bytesPerAuthor: deps.limits?.bytesPerAuthor ?? maxDraftBytesPerAuthor,
    draftsInStore: deps.limits?.draftsInStore ?? maxDraftsInStore,
  };
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
const tooManyBytes = (limits: DraftLimits) =>
  jsonError(413, `Drafts: at most ${mb(limits.bytesPerAuthor)} per address in all; shorten or delete some`, "drafts");

/** The JSON body (any shape: `draftInput` checks it, naming each field), or a 413 / 415 / 400 response. */
export async function readBody(request: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | Response> {
  const value = await readJsonBody(request, z.unknown(), maxBytes);
  return value instanceof Response ? value : { ok: true, value };
}

const unknownDao = (slug: string) => jsonError(404, `DAO: no DAO "${slug}" on this server`, "dao");
const notFound = () => jsonError(404, "Draft: not found (check the link)", "id");

/** GET /api/daos/:dao/drafts */
export async function listMyDrafts(deps: ApiDeps, request: Request, slug: string): Promise<Response> {
  if (deps.forumHosts(slug) === null) return unknownDao(slug);
  const session = await deps.session(request);
  if (session instanceof Response) return session;
  const drafts = await listDrafts(deps.store, slug, session.address);
  return json({ drafts });
}

/** POST /api/daos/:dao/drafts */
export async function createMyDraft(deps: ApiDeps, request: Request, slug: string): Promise<Response> {
  const hosts = deps.forumHosts(slug);
  if (hosts === null) return unknownDao(slug);
  const session = await deps.session(request);
  if (session instanceof Response) return session;
  const limited = await deps.rateLimit(`drafts:create:${session.address.toLowerCase()}`, 30, 10 * 60_000);
  if (limited) return limited;
  const body = await readBody(request, maxDraftRequestBytes);
  if (body instanceof Response) return body;
  const input = draftInput(body.value, hosts);
  if (!input.ok) return jsonError(400, input.message, input.field);
  const limits = limitsOf(deps);
  if ((await countDrafts(deps.store, slug, session.address)) >= limits.draftsPerAuthor) {
    return jsonError(409, `Drafts: at most ${limits.draftsPerAuthor} per address; delete or reuse one`, "drafts");
  }
  if ((await draftBytesOfAuthor(deps.store, session.address)) + draftFieldsBytes(input.value) > limits.bytesPerAuthor) {
    return tooManyBytes(limits);
  }
  if ((await countAllDrafts(deps.store)) >= limits.draftsInStore) {
    return jsonError(507, "Drafts: this server holds as many drafts as it keeps; try again later", "drafts");
  }
  const noStake = await requireStake(deps.hasStake, slug, session.address);
  if (noStake) return noStake;
  const draft = await createDraft(deps.store, slug, session.address, input.value);
  return json({ draft }, { status: 201 });
}

/** GET /api/daos/:dao/drafts/:id — public, read-only. */
export async function readDraft(deps: ApiDeps, slug: string, id: string): Promise<Response> {
  if (deps.forumHosts(slug) === null) return unknownDao(slug);
  const draft = isDraftId(id) ? await getDraft(deps.store, slug, id) : null;
  if (!draft) return notFound();
  return json({ draft });
}

/** PUT /api/daos/:dao/drafts/:id — `{ version, title, body, discussionUrl, actions, nextId }`. */
export async function updateMyDraft(deps: ApiDeps, request: Request, slug: string, id: string): Promise<Response> {
  const hosts = deps.forumHosts(slug);
  if (hosts === null) return unknownDao(slug);
  const session = await deps.session(request);
  if (session instanceof Response) return session;
  if (!isDraftId(id)) return notFound();
  const limited = await deps.rateLimit(`drafts:write:${session.address.toLowerCase()}`, 240, 60_000);
  if (limited) return limited;
  const body = await readBody(request, maxDraftRequestBytes);
  if (body instanceof Response) return body;
  const version = (body.value as { version?: unknown } | null)?.version;
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 1) {
    return jsonError(400, "version: must be the whole number of the version you edited", "version");
  }
  const input = draftInput(body.value, hosts);
  if (!input.ok) return jsonError(400, input.message, input.field);
  const limits = limitsOf(deps);
  const current = await getDraft(deps.store, slug, id);
  if (
    current &&
    current.author === session.address.toLowerCase() &&
    (await draftBytesOfAuthor(deps.store, session.address)) -
      draftFieldsBytes(current) +
      draftFieldsBytes(input.value) >
      limits.bytesPerAuthor
  ) {
    return tooManyBytes(limits);
  }
  const result = await updateDraft(deps.store, slug, id, session.address, version, input.value);
  switch (result.status) {
    case "updated":
      return json({ draft: result.draft });
    case "notFound":
      return notFound();
    case "forbidden":
      return jsonError(403, "Draft: only its author can edit it; you are signed in as another address");
    case "stale":
      return json(
        {
          error: `version: this draft was saved elsewhere since (now version ${result.draft.version}, yours ${version})`,
          field: "version",
          draft: result.draft,
        },
        { status: 409 },
      );
  }
}

/** PATCH /api/daos/:dao/drafts/:id — `{ proposalId, tx? }` once the proposal is on chain; its author only. */
export async function recordDraftProposal(
  deps: ApiDeps,
  request: Request,
  slug: string,
  id: string,
): Promise<Response> {
  if (deps.forumHosts(slug) === null) return unknownDao(slug);
  const session = await deps.session(request);
  if (session instanceof Response) return session;
  if (!isDraftId(id)) return notFound();
  const limited = await deps.rateLimit(`drafts:proposal:${session.address.toLowerCase()}`, 20, 10 * 60_000);
  if (limited) return limited;
  const body = await readBody(request, 4_096);
  if (body instanceof Response) return body;
  const value = body.value as { proposalId?: unknown; tx?: unknown } | null;
  const proposalId = value?.proposalId;
  if (typeof proposalId !== "string" || !/^\d{1,78}$/.test(proposalId) || BigInt(proposalId) >= 2n ** 256n) {
    return jsonError(400, "proposalId: must be a proposal id (a whole number, in decimal)", "proposalId");
  }
  const tx = value?.tx ?? null;
  if (tx !== null && (typeof tx !== "string" || !isHash(tx))) {
    return jsonError(400, "tx: must be a transaction hash (0x and 64 hex digits)", "tx");
  }
  const draft = await getDraft(deps.store, slug, id);
  if (!draft) return notFound();
  if (draft.author !== session.address.toLowerCase()) {
    return jsonError(403, "Draft: only its author can link it to a proposal; you are signed in as another address");
  }
  const canonical = BigInt(proposalId).toString();
  if (draft.proposalId === canonical) return json({ draft });
  let proposer: Address | null;
  try {
    proposer = await deps.proposer(slug, BigInt(canonical));
  } catch (error) {
    console.error(`[commons] reading the proposer of ${canonical} failed:`, error);
    return jsonError(503, "Proposal: the chain did not answer; try again in a moment", "proposalId");
  }
  if (!proposer) return jsonError(422, "proposalId: no such proposal on the DAO's governor", "proposalId");
  if (proposer.toLowerCase() !== draft.author) {
    return jsonError(403, `proposalId: proposed by ${proposer}, not by the draft's author`, "proposalId");
  }
  const updated = await setDraftProposal(deps.store, slug, id, canonical, typeof tx === "string" ? tx : null);
  return updated ? json({ draft: updated }) : notFound();
}

export type { Draft };
export { jsonError };
