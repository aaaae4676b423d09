/**
 * Discussion links a proposer adds to a proposal (table `discussion_links`, migration 004) and
 * the API that adds them:
 *
 * - GET  /api/daos/:dao/proposals/:id/discussion-links          → { links }
 * - POST /api/daos/:dao/proposals/:id/discussion-links { url, signature }
 *     The signature is the proposer's personal_sign over `discussionLinkMessage(…)` (exact text in
 *     lib/proposals/discussionLinks.ts). The server reads the proposer from the chain and checks
 *     the signature against it through the DAO's public client (EIP-1271 for contract wallets),
 *     validates the URL (http/https; on a configured forum host) and stores message and signature.
 *     No session is needed: the signature is the proof. Rate limited per client before anything
 *     reads the chain, and per proposer by the links actually added — failed attempts by others
 *     never count against the proposer, so nobody can lock a proposer out.
 */
import { type Address, type Hex, isHex } from "viem";
import { discussionUrl } from "../../proposals/builder/discussionUrl";
import { type DiscussionLink, discussionLinkMessage, maxDiscussionLinks } from "../../proposals/discussionLinks";
import { readBody } from "../drafts/draftsApi";
import { clientIp, json, jsonError } from "../http";
import type { Store } from "../store/types";

export type DiscussionLinkDeps = {
  store: Store;
  /** The DAO's chain, governor and forum hosts; null for an unknown DAO. */
  dao(slug: string): { chainId: number; governor: string; forumHosts: readonly string[] } | null;
  /** Who proposed it, read from the chain; null when no such proposal exists. */
  proposer(slug: string, proposalId: bigint): Promise<Address | null>;
  /** Whether `signature` is `address`'s signature of `message` (EOA or EIP-1271). */
  verify(slug: string, args: { address: Address; message: string; signature: Hex }): Promise<boolean>;
  rateLimit(key: string, limit: number, windowMs: number): Promise<Response | null | undefined>;
};

/** Links one proposer may add in `proposerWindowMinutes` (over all proposals of a DAO). */
export const maxLinksPerProposer = 30;
const proposerWindowMinutes = 10;

type Row = { url: string; signer: string; signature: string; created_at: Date | string };

/** The links added to a proposal, oldest first. */
export async function discussionLinksOf(store: Store, dao: string, proposalId: string): Promise<DiscussionLink[]> {
  const rows = await store.query<Row>(
    `SELECT url, signer, signature, created_at FROM discussion_links
     WHERE dao = $1 AND proposal_id = $2 ORDER BY created_at, url LIMIT $3`,
    [dao, proposalId, maxDiscussionLinks],
  );
  return rows.map((row) => ({
    url: row.url,
    signer: row.signer,
    signature: row.signature,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

function proposalIdOf(id: string): string | null {
  if (!/^\d{1,78}$/.test(id) || BigInt(id) >= 2n ** 256n) return null;
  return BigInt(id).toString();
}

/** GET …/discussion-links */
export async function listDiscussionLinks(deps: DiscussionLinkDeps, slug: string, id: string): Promise<Response> {
  if (!deps.dao(slug)) return jsonError(404, `DAO: no DAO "${slug}" on this server`, "dao");
  const proposalId = proposalIdOf(id);
  if (!proposalId) return jsonError(400, "proposalId: must be a whole number, in decimal", "proposalId");
  return json({ links: await discussionLinksOf(deps.store, slug, proposalId) });
}

/** POST …/discussion-links `{ url, signature }` */
export async function addDiscussionLink(
  deps: DiscussionLinkDeps,
  request: Request,
  slug: string,
  id: string,
): Promise<Response> {
  const dao = deps.dao(slug);
  if (!dao) return jsonError(404, `DAO: no DAO "${slug}" on this server`, "dao");
  const proposalId = proposalIdOf(id);
  if (!proposalId) return jsonError(400, "proposalId: must be a whole number, in decimal", "proposalId");
  const body = await readBody(request, 8_192);
  if (body instanceof Response) return body;
  const value = body.value as { url?: unknown; signature?: unknown } | null;
  if (typeof value?.url !== "string") return jsonError(400, "Link: is required", "url");
  if (value.url.length > 2_000) return jsonError(400, "Link: must be at most 2,000 characters", "url");
  const checked = discussionUrl(value.url, dao.forumHosts, "Link");
  if (!checked.ok) return jsonError(400, checked.error, "url");
  if (checked.value === "") return jsonError(400, "Link: is required", "url");
  const url = value.url.trim();
  const signature = value.signature;
  if (typeof signature !== "string" || !isHex(signature) || signature.length < 4 || signature.length > 20_000) {
    return jsonError(400, "signature: must be a hex signature (0x…)", "signature");
  }
  // Every attempt below reads the chain: bound them per client first.
  const limited = await deps.rateLimit(`discussion-links:client:${clientIp(request)}`, 30, 10 * 60_000);
  if (limited) return limited;
  let proposer: Address | null;
  try {
    proposer = await deps.proposer(slug, BigInt(proposalId));
  } catch (error) {
    console.error(`[commons] reading the proposer of ${proposalId} failed:`, error);
    return jsonError(503, "Proposal: the chain did not answer; try again in a moment", "proposalId");
  }
  if (!proposer) return jsonError(404, "proposalId: no such proposal on the DAO's governor", "proposalId");
  const message = discussionLinkMessage({ slug, chainId: dao.chainId, governor: dao.governor, proposalId, url });
  let valid = false;
  try {
    valid = await deps.verify(slug, { address: proposer, message, signature });
  } catch {
    valid = false;
  }
  if (!valid) {
    return jsonError(
      403,
      `signature: not the proposer's (${proposer}) signature of this link; only the proposer can add links`,
      "signature",
    );
  }
  const [recent] = await deps.store.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM discussion_links
     WHERE dao = $1 AND signer = $2 AND created_at > now() - make_interval(mins => $3)`,
    [slug, proposer.toLowerCase(), proposerWindowMinutes],
  );
  if (Number(recent?.n ?? 0) >= maxLinksPerProposer) {
    return jsonError(
      429,
      `Link: at most ${maxLinksPerProposer} links in ${proposerWindowMinutes} minutes per proposer; try again later`,
      "url",
      { "Retry-After": String(proposerWindowMinutes * 60) },
    );
  }
  const stored = await deps.store.transaction(async (tx) => {
    const rows = await tx.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM discussion_links WHERE dao = $1 AND proposal_id = $2",
      [slug, proposalId],
    );
    if (Number(rows[0]?.n ?? 0) >= maxDiscussionLinks) return false;
    await tx.query(
      `INSERT INTO discussion_links (dao, proposal_id, url, signer, message, signature)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dao, proposal_id, url) DO NOTHING`,
      [slug, proposalId, url, proposer.toLowerCase(), message, signature],
    );
    return true;
  });
  if (!stored) return jsonError(409, `Link: a proposal carries at most ${maxDiscussionLinks} links`, "url");
  return json({ links: await discussionLinksOf(deps.store, slug, proposalId) }, { status: 201 });
}
