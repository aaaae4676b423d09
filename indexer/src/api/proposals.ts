/**
 * GET /api/daos/:slug/proposals (newest first; search, statuses, a state filter's candidates),
 * /proposals/:id and /proposals/:id/votes.
 */
import { db } from "ponder:api";
import { proposal, vote } from "ponder:schema";
import { Hono } from "hono";
import { and, count, desc, eq, gt, ilike, inArray, or, sql } from "ponder";
import { fractionalSupport } from "../../voteParts";
import {
  likeLiteral,
  ParamError,
  readAddress,
  readClock,
  readPage,
  readProposalId,
  readSearch,
  readStateFilter,
  readStatuses,
  readSupport,
  readVoteSort,
} from "./params";
import type { ApiEnv } from "./ponderStatus";
import { serializeProposal, serializeVote } from "./serialize";
import { newestProposals, paged, readDao } from "./shared";
import { stateCandidates } from "./stateCandidates";

export const proposalsApi = new Hono<ApiEnv>();

proposalsApi.get("/daos/:slug/proposals", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const q = readSearch(c.req.query("q"));
  const statuses = readStatuses(c.req.query("status"));
  // `state` (a state filter of the app) with `clock` (the governor clock now): its candidates.
  const stateFilter = readStateFilter(c.req.query("state"));
  const clock = stateFilter === undefined ? undefined : readClock(c.req.query("clock"));
  let search: ReturnType<typeof or>;
  if (q !== undefined) {
    const byTitle = ilike(proposal.title, `%${likeLiteral(q)}%`);
    // Compared as text: drizzle would pass a bound hex value through the column's encoder.
    const byProposer = /^0x[0-9a-f]{1,40}$/i.test(q)
      ? sql`${proposal.proposer} like ${`${q.toLowerCase()}%`}`
      : undefined;
    search = or(byTitle, byProposer);
  }
  const where = and(
    eq(proposal.chainId, dao.chainId),
    eq(proposal.governor, dao.governor),
    search,
    statuses === undefined ? undefined : inArray(proposal.status, statuses),
    stateFilter === undefined || clock === undefined ? undefined : stateCandidates(stateFilter, clock),
  );
  const { rows, total } = await newestProposals(where, limit, offset);
  return c.json({ items: rows.map(serializeProposal), total, limit, offset });
});

async function findProposal(chainId: number, governor: `0x${string}`, proposalId: bigint) {
  const [row] = await db
    .select()
    .from(proposal)
    .where(and(eq(proposal.chainId, chainId), eq(proposal.governor, governor), eq(proposal.proposalId, proposalId)));
  if (row === undefined) throw new ParamError(`unknown proposal ${proposalId}`, 404);
  return row;
}

proposalsApi.get("/daos/:slug/proposals/:id", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const row = await findProposal(dao.chainId, dao.governor, readProposalId(c.req.param("id")));
  return c.json(serializeProposal(row));
});

/** Votes with weight on `support`'s side: its nominal votes, and split votes with a part there. */
function supportFilter(support: number) {
  const part = [vote.againstWeight, vote.forWeight, vote.abstainWeight][support];
  const nominal = eq(vote.support, support);
  if (part === undefined) return nominal;
  return or(nominal, and(eq(vote.support, fractionalSupport), gt(part, 0n)));
}

/** A proposal's votes; `voter` (an address) narrows them to that voter's (at most one row). */
proposalsApi.get("/daos/:slug/proposals/:id/votes", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const proposalId = readProposalId(c.req.param("id"));
  // Up to 1000 a page for CSV exports.
  const { limit, offset } = readPage((name) => c.req.query(name), 1000);
  const support = readSupport(c.req.query("support"));
  const sort = readVoteSort(c.req.query("sort"));
  const voterQuery = c.req.query("voter");
  const voterAddress = voterQuery === undefined || voterQuery === "" ? undefined : readAddress(voterQuery, "voter");
  await findProposal(dao.chainId, dao.governor, proposalId);
  const where = and(
    eq(vote.chainId, dao.chainId),
    eq(vote.governor, dao.governor),
    eq(vote.proposalId, proposalId),
    support === undefined ? undefined : supportFilter(support),
    voterAddress === undefined ? undefined : eq(vote.voter, voterAddress),
  );
  const recent = [desc(vote.block), desc(vote.logIndex)];
  const { rows, total } = await paged(
    db
      .select()
      .from(vote)
      .where(where)
      .orderBy(...(sort === "weight" ? [desc(vote.weight), ...recent] : recent))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(vote).where(where),
  );
  return c.json({ items: rows.map(serializeVote), total, limit, offset });
});
