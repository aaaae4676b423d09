/** GET /api/daos/:slug/analytics: governance health (the figures are computed in ./analytics.ts). */
import { Hono } from "hono";
import { nowFigures, proposalPage, type SnapshotFigures, snapshotFigures } from "./analytics";
import { readPage } from "./params";
import type { ApiEnv } from "./ponderStatus";
import { indexedClock, readDao } from "./shared";

export const analyticsApi = new Hono<ApiEnv>();

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
analyticsApi.get("/daos/:slug/analytics", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const { limit, offset } = readPage((name) => c.req.query(name));
  const clock = await indexedClock(c, dao);
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
      clock: now.clock.toString(),
      ...serializeFigures(now.figures),
      neverVotedPower: now.figures.neverVotedPower.toString(),
      neverVotedDelegates: now.figures.neverVotedDelegates,
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
