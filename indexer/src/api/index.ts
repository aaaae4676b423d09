/**
 * The indexer's HTTP API (contract: lib/indexer/types.ts), served by Ponder next to its builtin
 * /health, /ready and /status. Reads go through Ponder's read-only drizzle `db` with the schema's
 * tables, so every query names the indexer's own database schema.
 */
import { db } from "ponder:api";
import {
  account,
  delegateTally,
  delegationChange,
  proposal,
  treasuryToken,
  vote,
  voter,
  votingPowerChange,
} from "ponder:schema";
import { Hono } from "hono";
import { and, asc, count, desc, eq, gt, ilike, inArray, or, sql } from "ponder";
import type { Address } from "viem";
import { getAddress } from "viem";
import { daoBySlug, type IndexedDao, indexedDaos } from "../../daos";
import { rpcHealth } from "../../rpc/failoverTransport";
import { fractionalSupport } from "../../voteParts";
import { nowFigures, proposalPage, type SnapshotFigures, snapshotFigures } from "./analytics";
import {
  likeLiteral,
  ParamError,
  readAddress,
  readAddressPrefix,
  readClock,
  readPage,
  readProposalId,
  readSearch,
  readStateFilter,
  readStatuses,
  readSupport,
  readVoteSort,
} from "./params";
import { participationOf } from "./participationCounts";
import {
  serializeAccount,
  serializeDelegate,
  serializeProposal,
  serializeVote,
  serializeVoterVote,
  serializeVotingPowerChange,
} from "./serialize";
import { stateCandidates } from "./stateCandidates";

const app = new Hono();

/** The configured DAO with this slug, else a 404. */
function readDao(slug: string): IndexedDao {
  const dao = daoBySlug(slug);
  if (dao === undefined) throw new ParamError(`unknown DAO "${slug.slice(0, 60)}"`, 404);
  return dao;
}

type IndexedHead = { block: bigint; timestamp: bigint };

/** The latest block (number and timestamp) Ponder has indexed per chain id, from its own checkpoint table. */
async function indexedHeads(): Promise<Map<number, IndexedHead>> {
  // Ponder builds every table in the `--schema` it runs with; its checkpoint table lives there too.
  const schemaName = (proposal as unknown as Record<symbol, string | undefined>)[Symbol.for("drizzle:Schema")];
  const table = schemaName
    ? sql`${sql.identifier(schemaName)}.${sql.identifier("_ponder_checkpoint")}`
    : sql.identifier("_ponder_checkpoint");
  const result = await db.execute(sql`select chain_id, latest_checkpoint from ${table}`);
  const rows = (result as unknown as { rows: { chain_id: string | number; latest_checkpoint: string }[] }).rows;
  // A checkpoint is zero-padded decimal fields: timestamp (10), chain id (16), block number (16), …
  return new Map(
    rows.map((row) => [
      Number(row.chain_id),
      {
        block: BigInt(row.latest_checkpoint.slice(26, 42)),
        timestamp: BigInt(row.latest_checkpoint.slice(0, 10)),
      },
    ]),
  );
}

/** The DAO governor's clock as far as the indexer has seen: the latest indexed block, or its timestamp. */
async function indexedClock(dao: IndexedDao): Promise<bigint> {
  const head = (await indexedHeads()).get(dao.chainId);
  if (head === undefined) return 0n;
  return dao.timestampClock ? head.timestamp : head.block;
}

app.get("/api/status", async (c) => {
  const heads = await indexedHeads();
  return c.json({
    daos: indexedDaos.map((dao) => ({
      slug: dao.slug,
      chainId: dao.chainId,
      governor: dao.governor,
      indexedBlock: heads.get(dao.chainId)?.block.toString() ?? null,
      // Where the token's history starts, and how that was found (config, cache, eth_getCode, logs…).
      tokenStartBlock: String(dao.tokenStartBlock),
      tokenStartSource: dao.tokenStartSource,
      // Each RPC endpoint the indexer reads this chain through: up, down or rate limited (and why).
      rpc: rpcHealth(String(dao.chainId)) ?? [],
    })),
  });
});

app.get("/api/daos/:slug/proposals", async (c) => {
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

/** Votes with weight on `support`'s side: its nominal votes, and split votes with a part there. */
function supportFilter(support: number) {
  const part = [vote.againstWeight, vote.forWeight, vote.abstainWeight][support];
  const nominal = eq(vote.support, support);
  if (part === undefined) return nominal;
  return or(nominal, and(eq(vote.support, fractionalSupport), gt(part, 0n)));
}

/** A proposal's votes; `voter` (an address) narrows them to that voter's (at most one row). */
app.get("/api/daos/:slug/proposals/:id/votes", async (c) => {
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
  const { limit, offset } = readPage((name) => c.req.query(name), 1000);
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
    // The whole list's total is kept by the handlers; a search's (a prefix: few rows) is counted.
    prefix === undefined
      ? db
          .select({ value: delegateTally.delegates })
          .from(delegateTally)
          .where(and(eq(delegateTally.chainId, dao.chainId), eq(delegateTally.token, dao.token)))
      : db.select({ value: count() }).from(account).where(where),
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
  const participation = await participationOf(dao, rows, await indexedClock(dao));
  return c.json({
    items: rows.map((row) => serializeDelegate(row, votesCount.get(row.address) ?? 0, participation.get(row.address))),
    total: total?.value ?? 0,
    limit,
    offset,
  });
});

app.get("/api/daos/:slug/delegates/:address", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const [[row], [votes]] = await Promise.all([
    db
      .select()
      .from(account)
      .where(and(eq(account.chainId, dao.chainId), eq(account.token, dao.token), eq(account.address, address))),
    db
      .select({ votesCount: voter.votesCount })
      .from(voter)
      .where(and(eq(voter.chainId, dao.chainId), eq(voter.governor, dao.governor), eq(voter.address, address))),
  ]);
  const delegate = row ?? {
    chainId: dao.chainId,
    token: dao.token,
    address,
    balance: 0n,
    delegate: null,
    votingPower: 0n,
    delegatorsCount: 0,
  };
  const participation = await participationOf(dao, [delegate], await indexedClock(dao));
  return c.json(serializeDelegate(delegate, votes?.votesCount ?? 0, participation.get(address)));
});

app.get("/api/daos/:slug/delegates/:address/delegators", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const where = and(eq(account.chainId, dao.chainId), eq(account.token, dao.token), eq(account.delegate, address));
  const [rows, [total]] = await Promise.all([
    db
      .select({ address: account.address, balance: account.balance })
      .from(account)
      .where(where)
      .orderBy(desc(account.balance), asc(account.address))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(account).where(where),
  ]);
  // When each delegator last chose this delegate (newest first, so the first row per delegator wins).
  const changes =
    rows.length === 0
      ? []
      : await db
          .select({
            delegator: delegationChange.delegator,
            block: delegationChange.block,
            timestamp: delegationChange.timestamp,
          })
          .from(delegationChange)
          .where(
            and(
              eq(delegationChange.chainId, dao.chainId),
              eq(delegationChange.token, dao.token),
              eq(delegationChange.toDelegate, address),
              inArray(
                delegationChange.delegator,
                rows.map((row) => row.address),
              ),
            ),
          )
          .orderBy(desc(delegationChange.block), desc(delegationChange.logIndex));
  const since = new Map<Address, { block: bigint; timestamp: number }>();
  for (const change of changes) if (!since.has(change.delegator)) since.set(change.delegator, change);
  return c.json({
    items: rows.map((row) => {
      const change = since.get(row.address);
      return {
        address: getAddress(row.address),
        balance: row.balance.toString(),
        delegatedBlock: change ? change.block.toString() : null,
        delegatedTimestamp: change ? change.timestamp : null,
      };
    }),
    total: total?.value ?? 0,
    limit,
    offset,
  });
});

app.get("/api/daos/:slug/delegates/:address/voting-power", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  // A chart wants the whole history at once; 1000 changes cover all but the busiest delegates.
  const { limit, offset } = readPage((name) => c.req.query(name), 1000);
  const where = and(
    eq(votingPowerChange.chainId, dao.chainId),
    eq(votingPowerChange.token, dao.token),
    eq(votingPowerChange.delegate, address),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(votingPowerChange)
      .where(where)
      .orderBy(desc(votingPowerChange.block), desc(votingPowerChange.logIndex))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(votingPowerChange).where(where),
  ]);
  return c.json({ items: rows.map(serializeVotingPowerChange), total: total?.value ?? 0, limit, offset });
});

app.get("/api/daos/:slug/delegates/:address/votes", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const { limit, offset } = readPage((name) => c.req.query(name), 1000);
  const where = and(eq(vote.chainId, dao.chainId), eq(vote.governor, dao.governor), eq(vote.voter, address));
  // The page of votes first, then its proposals' titles: a join before the offset would look up
  // a title for every vote skipped.
  const [rows, [total]] = await Promise.all([
    db.select().from(vote).where(where).orderBy(desc(vote.block), desc(vote.logIndex)).limit(limit).offset(offset),
    db.select({ value: count() }).from(vote).where(where),
  ]);
  const titles =
    rows.length === 0
      ? []
      : await db
          .select({ proposalId: proposal.proposalId, title: proposal.title })
          .from(proposal)
          .where(
            and(
              eq(proposal.chainId, dao.chainId),
              eq(proposal.governor, dao.governor),
              inArray(
                proposal.proposalId,
                rows.map((row) => row.proposalId),
              ),
            ),
          );
  const titleOf = new Map(titles.map((row) => [row.proposalId, row.title]));
  return c.json({
    items: rows.map((row) => serializeVoterVote(row, titleOf.get(row.proposalId) ?? null)),
    total: total?.value ?? 0,
    limit,
    offset,
  });
});

/** At most this many treasury tokens are listed (anyone can send the treasury junk tokens). */
const maxTreasuryTokens = 500;

app.get("/api/daos/:slug/treasury/tokens", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const rows = await db
    .select()
    .from(treasuryToken)
    .where(and(eq(treasuryToken.chainId, dao.chainId), eq(treasuryToken.treasury, dao.treasury)))
    .orderBy(desc(treasuryToken.transfersIn), asc(treasuryToken.firstBlock))
    .limit(maxTreasuryTokens);
  return c.json({
    treasury: dao.treasury,
    items: rows.map((row) => ({
      token: getAddress(row.token),
      firstBlock: row.firstBlock.toString(),
      lastBlock: row.lastBlock.toString(),
      transfersIn: row.transfersIn,
    })),
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

function serializeFigures(figures: SnapshotFigures) {
  return {
    delegates: figures.delegates,
    totalVotingPower: figures.totalVotingPower.toString(),
    totalSupply: figures.totalSupply?.toString() ?? null,
    gini: figures.gini,
    top10Power: figures.top10Power.toString(),
    majorityNakamoto: figures.majorityNakamoto ?? null,
    topPowers: figures.topPowers.map(String),
  };
}

/**
 * Governance health: the current distribution of voting power, and a page of proposals (newest
 * first) with their turnout and the distribution at their snapshot (null until the index has
 * passed the snapshot).
 */
app.get("/api/daos/:slug/analytics", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const clock = await indexedClock(dao);
  const [now, page] = await Promise.all([nowFigures(dao, clock), proposalPage(dao, limit, offset)]);
  // A snapshot counts once the index is past it: every change at or before it is then indexed.
  const passed = page.rows.filter((row) => row.voteStart < clock);
  const figures = await snapshotFigures(
    dao,
    passed.map((row) => ({ id: row.id, snapshot: row.voteStart })),
  );
  return c.json({
    clock: clock.toString(),
    now: {
      ...serializeFigures(now),
      neverVotedPower: now.neverVotedPower.toString(),
      neverVotedDelegates: now.neverVotedDelegates,
    },
    proposals: {
      items: page.rows.map((row) => {
        const snapshot = figures.get(row.id.toString());
        return {
          id: row.id.toString(),
          title: row.title,
          status: row.status,
          voteStart: row.voteStart.toString(),
          voteEnd: (row.extendedVoteEnd ?? row.voteEnd).toString(),
          createdBlock: row.createdBlock.toString(),
          createdTimestamp: row.createdTimestamp,
          forVotes: row.forVotes.toString(),
          againstVotes: row.againstVotes.toString(),
          abstainVotes: row.abstainVotes.toString(),
          voteCount: row.voteCount,
          snapshot: snapshot === undefined ? null : serializeFigures(snapshot),
        };
      }),
      total: page.total,
      limit,
      offset,
    },
  });
});

/**
 * How an account's current delegate voted on each proposal whose snapshot came after the account
 * delegated to them (so the account's tokens were in their weight), newest first.
 */
app.get("/api/daos/:slug/accounts/:address/delegate-record", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const [row] = await db
    .select({ delegate: account.delegate })
    .from(account)
    .where(and(eq(account.chainId, dao.chainId), eq(account.token, dao.token), eq(account.address, address)));
  const delegate = row?.delegate ?? null;
  if (delegate === null) {
    return c.json({ delegate: null, since: null, clock: "0", items: [], total: 0, limit, offset });
  }
  const [change] = await db
    .select({ block: delegationChange.block, timestamp: delegationChange.timestamp })
    .from(delegationChange)
    .where(
      and(
        eq(delegationChange.chainId, dao.chainId),
        eq(delegationChange.token, dao.token),
        eq(delegationChange.delegator, address),
      ),
    )
    .orderBy(desc(delegationChange.block), desc(delegationChange.logIndex))
    .limit(1);
  // Without the delegation in the index (before its start), every indexed proposal counts.
  const sinceClock = change === undefined ? -1n : dao.timestampClock ? BigInt(change.timestamp) : change.block;
  const where = and(
    eq(proposal.chainId, dao.chainId),
    eq(proposal.governor, dao.governor),
    // getPastVotes at the snapshot includes a delegation made in the snapshot's own block.
    sql`${proposal.voteStart} >= ${sinceClock.toString()}`,
  );
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
  const votes =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(vote)
          .where(
            and(
              eq(vote.chainId, dao.chainId),
              eq(vote.governor, dao.governor),
              eq(vote.voter, delegate),
              inArray(
                vote.proposalId,
                rows.map((proposalRow) => proposalRow.proposalId),
              ),
            ),
          );
  const voteOf = new Map(votes.map((voteRow) => [voteRow.proposalId, voteRow]));
  return c.json({
    delegate: getAddress(delegate),
    since: change === undefined ? null : { block: change.block.toString(), timestamp: change.timestamp },
    clock: (await indexedClock(dao)).toString(),
    items: rows.map((proposalRow) => {
      const cast = voteOf.get(proposalRow.proposalId);
      return {
        proposal: serializeProposal(proposalRow),
        vote: cast === undefined ? null : serializeVote(cast),
      };
    }),
    total: total?.value ?? 0,
    limit,
    offset,
  });
});

app.all("/api/*", (c) => c.json({ error: "not found" }, 404));

app.onError((error, c) => {
  if (error instanceof ParamError) return c.json({ error: error.message }, error.status);
  console.error(`indexer API ${c.req.method} ${c.req.path} failed:`, error);
  return c.json({ error: "internal error" }, 500);
});

export default app;
