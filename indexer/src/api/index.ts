/**
 * The indexer's HTTP API (contract: lib/indexer/types.ts), served by Ponder next to its builtin
 * /health, /ready and /status. Reads go through Ponder's read-only drizzle `db` with the schema's
 * tables, so every query names the indexer's own database schema.
 */
import { db } from "ponder:api";
import { account, proposal, vote, voter } from "ponder:schema";
import { Hono } from "hono";
import { and, asc, count, desc, eq, gt, ilike, inArray, or, sql } from "ponder";
import { daoBySlug, type IndexedDao, indexedDaos } from "../../daos";
import {
  likeLiteral,
  ParamError,
  readAddress,
  readAddressPrefix,
  readPage,
  readProposalId,
  readSearch,
  readSupport,
  readVoteSort,
} from "./params";
import { serializeAccount, serializeDelegate, serializeProposal, serializeVote } from "./serialize";

const app = new Hono();

/** The configured DAO with this slug, else a 404. */
function readDao(slug: string): IndexedDao {
  const dao = daoBySlug(slug);
  if (dao === undefined) throw new ParamError(`unknown DAO "${slug.slice(0, 60)}"`, 404);
  return dao;
}

/** The latest block Ponder has indexed per chain id, from its own checkpoint table. */
async function indexedBlocks(): Promise<Map<number, bigint>> {
  // Ponder builds every table in the `--schema` it runs with; its checkpoint table lives there too.
  const schemaName = (proposal as unknown as Record<symbol, string | undefined>)[Symbol.for("drizzle:Schema")];
  const table = schemaName
    ? sql`${sql.identifier(schemaName)}.${sql.identifier("_ponder_checkpoint")}`
    : sql.identifier("_ponder_checkpoint");
  const result = await db.execute(sql`select chain_id, latest_checkpoint from ${table}`);
  const rows = (result as unknown as { rows: { chain_id: string | number; latest_checkpoint: string }[] }).rows;
  // A checkpoint is zero-padded decimal fields: timestamp (10), chain id (16), block number (16), …
  return new Map(rows.map((row) => [Number(row.chain_id), BigInt(row.latest_checkpoint.slice(26, 42))]));
}

app.get("/api/status", async (c) => {
  const blocks = await indexedBlocks();
  return c.json({
    daos: indexedDaos.map((dao) => ({
      slug: dao.slug,
      chainId: dao.chainId,
      governor: dao.governor,
      indexedBlock: blocks.get(dao.chainId)?.toString() ?? null,
    })),
  });
});

app.get("/api/daos/:slug/proposals", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const q = readSearch(c.req.query("q"));
  let search: ReturnType<typeof or>;
  if (q !== undefined) {
    const byTitle = ilike(proposal.title, `%${likeLiteral(q)}%`);
    // Compared as text: drizzle would pass a bound hex value through the column's encoder.
    const byProposer = /^0x[0-9a-f]{1,40}$/i.test(q)
      ? sql`${proposal.proposer} like ${`${q.toLowerCase()}%`}`
      : undefined;
    search = or(byTitle, byProposer);
  }
  const where = and(eq(proposal.chainId, dao.chainId), eq(proposal.governor, dao.governor), search);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(proposal)
      .where(where)
      .orderBy(desc(proposal.createdBlock), desc(proposal.createdLogIndex))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(proposal).where(where),
  ]);
  return c.json({ items: rows.map(serializeProposal), total: total?.value ?? 0, limit, offset });
});

async function findProposal(chainId: number, governor: `0x${string}`, proposalId: bigint) {
  const [row] = await db
    .select()
    .from(proposal)
    .where(and(eq(proposal.chainId, chainId), eq(proposal.governor, governor), eq(proposal.proposalId, proposalId)));
  if (row === undefined) throw new ParamError(`unknown proposal ${proposalId}`, 404);
  return row;
}

app.get("/api/daos/:slug/proposals/:id", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const row = await findProposal(dao.chainId, dao.governor, readProposalId(c.req.param("id")));
  return c.json(serializeProposal(row));
});

app.get("/api/daos/:slug/proposals/:id/votes", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const proposalId = readProposalId(c.req.param("id"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const support = readSupport(c.req.query("support"));
  const sort = readVoteSort(c.req.query("sort"));
  await findProposal(dao.chainId, dao.governor, proposalId);
  const where = and(
    eq(vote.chainId, dao.chainId),
    eq(vote.governor, dao.governor),
    eq(vote.proposalId, proposalId),
    support === undefined ? undefined : eq(vote.support, support),
  );
  const recent = [desc(vote.block), desc(vote.logIndex)];
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(vote)
      .where(where)
      .orderBy(...(sort === "weight" ? [desc(vote.weight), ...recent] : recent))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(vote).where(where),
  ]);
  return c.json({ items: rows.map(serializeVote), total: total?.value ?? 0, limit, offset });
});

app.get("/api/daos/:slug/delegates", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const prefix = readAddressPrefix(c.req.query("q"));
  const where = and(
    eq(account.chainId, dao.chainId),
    eq(account.token, dao.token),
    or(gt(account.votingPower, 0n), gt(account.delegatorsCount, 0)),
    prefix === undefined ? undefined : sql`${account.address} like ${`${prefix}%`}`,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(account)
      .where(where)
      .orderBy(desc(account.votingPower), asc(account.address))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(account).where(where),
  ]);
  const votes =
    rows.length === 0
      ? []
      : await db
          .select({ address: voter.address, votesCount: voter.votesCount })
          .from(voter)
          .where(
            and(
              eq(voter.chainId, dao.chainId),
              eq(voter.governor, dao.governor),
              inArray(
                voter.address,
                rows.map((row) => row.address),
              ),
            ),
          );
  const votesCount = new Map(votes.map((row) => [row.address, row.votesCount]));
  return c.json({
    items: rows.map((row) => serializeDelegate(row, votesCount.get(row.address) ?? 0)),
    total: total?.value ?? 0,
    limit,
    offset,
  });
});

app.get("/api/daos/:slug/accounts/:address", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const [row] = await db
    .select()
    .from(account)
    .where(and(eq(account.chainId, dao.chainId), eq(account.token, dao.token), eq(account.address, address)));
  return c.json(serializeAccount(address, row));
});

app.all("/api/*", (c) => c.json({ error: "not found" }, 404));

app.onError((error, c) => {
  if (error instanceof ParamError) return c.json({ error: error.message }, error.status);
  console.error(`indexer API ${c.req.method} ${c.req.path} failed:`, error);
  return c.json({ error: "internal error" }, 500);
});

export default app;
