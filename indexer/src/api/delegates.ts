/**
 * GET /api/daos/:slug/delegates (by voting power; an address prefix search) and, per delegate,
 * /delegates/:address, /delegators, /voting-power and /votes.
 */
import { db } from "ponder:api";
import { account, delegateTally, delegationChange, proposal, vote, votingPowerChange } from "ponder:schema";
import { Hono } from "hono";
import { and, asc, count, desc, eq, gt, inArray, or, sql } from "ponder";
import { type Address, getAddress } from "viem";
import { readAddress, readAddressPrefix, readPage } from "./params";
import { participationOf } from "./participationCounts";
import type { ApiEnv } from "./ponderStatus";
import { serializeDelegate, serializeVoterVote, serializeVotingPowerChange } from "./serialize";
import { indexedClock, paged, readDao } from "./shared";

export const delegatesApi = new Hono<ApiEnv>();

delegatesApi.get("/daos/:slug/delegates", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const { limit, offset } = readPage((name) => c.req.query(name), 1000);
  const prefix = readAddressPrefix(c.req.query("q"));
  const where = and(
    eq(account.chainId, dao.chainId),
    eq(account.token, dao.token),
    or(gt(account.votingPower, 0n), gt(account.delegatorsCount, 0)),
    prefix === undefined ? undefined : sql`${account.address} like ${`${prefix}%`}`,
  );
  const { rows, total } = await paged(
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
  );
  const participation = await participationOf(dao, rows, await indexedClock(c, dao));
  return c.json({
    items: rows.map((row) => serializeDelegate(row, participation.get(row.address))),
    total,
    limit,
    offset,
  });
});

delegatesApi.get("/daos/:slug/delegates/:address", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const [row] = await db
    .select()
    .from(account)
    .where(and(eq(account.chainId, dao.chainId), eq(account.token, dao.token), eq(account.address, address)));
  const delegate = row ?? {
    chainId: dao.chainId,
    token: dao.token,
    address,
    balance: 0n,
    delegate: null,
    votingPower: 0n,
    delegatorsCount: 0,
  };
  const participation = await participationOf(dao, [delegate], await indexedClock(c, dao));
  return c.json(serializeDelegate(delegate, participation.get(address)));
});

delegatesApi.get("/daos/:slug/delegates/:address/delegators", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const where = and(eq(account.chainId, dao.chainId), eq(account.token, dao.token), eq(account.delegate, address));
  const { rows, total } = await paged(
    db
      .select({ address: account.address, balance: account.balance })
      .from(account)
      .where(where)
      .orderBy(desc(account.balance), asc(account.address))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(account).where(where),
  );
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
    total,
    limit,
    offset,
  });
});

delegatesApi.get("/daos/:slug/delegates/:address/voting-power", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  // A chart wants the whole history at once; 1000 changes cover all but the busiest delegates.
  const { limit, offset } = readPage((name) => c.req.query(name), 1000);
  const where = and(
    eq(votingPowerChange.chainId, dao.chainId),
    eq(votingPowerChange.token, dao.token),
    eq(votingPowerChange.delegate, address),
  );
  const { rows, total } = await paged(
    db
      .select()
      .from(votingPowerChange)
      .where(where)
      .orderBy(desc(votingPowerChange.block), desc(votingPowerChange.logIndex))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(votingPowerChange).where(where),
  );
  return c.json({ items: rows.map(serializeVotingPowerChange), total, limit, offset });
});

delegatesApi.get("/daos/:slug/delegates/:address/votes", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const { limit, offset } = readPage((name) => c.req.query(name), 1000);
  const where = and(eq(vote.chainId, dao.chainId), eq(vote.governor, dao.governor), eq(vote.voter, address));
  // The page of votes first, then its proposals' titles: a join before the offset would look up
  // a title for every vote skipped.
  const { rows, total } = await paged(
    db.select().from(vote).where(where).orderBy(desc(vote.block), desc(vote.logIndex)).limit(limit).offset(offset),
    db.select({ value: count() }).from(vote).where(where),
  );
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
    total,
    limit,
    offset,
  });
});
