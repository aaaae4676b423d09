/**
 * GET /api/daos/:slug/accounts/:address (balance, delegate, power) and
 * /accounts/:address/delegate-record.
 */
import { db } from "ponder:api";
import { account, delegationChange, proposal, vote } from "ponder:schema";
import { Hono } from "hono";
import { and, desc, eq, inArray, sql } from "ponder";
import { getAddress } from "viem";
import { readAddress, readPage } from "./params";
import type { ApiEnv } from "./ponderStatus";
import { serializeAccount, serializeProposal, serializeVote } from "./serialize";
import { indexedClock, newestProposals, readDao } from "./shared";

export const accountsApi = new Hono<ApiEnv>();

accountsApi.get("/daos/:slug/accounts/:address", async (c) => {
  const dao = readDao(c.req.param("slug"));
  const address = readAddress(c.req.param("address"));
  const [row] = await db
    .select()
    .from(account)
    .where(and(eq(account.chainId, dao.chainId), eq(account.token, dao.token), eq(account.address, address)));
  return c.json(serializeAccount(address, row));
});

/**
 * How an account's current delegate voted on each proposal whose snapshot came after the account
 * delegated to them (so the account's tokens were in their weight), newest first.
 */
accountsApi.get("/daos/:slug/accounts/:address/delegate-record", async (c) => {
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
  const { rows, total } = await newestProposals(where, limit, offset);
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
    clock: (await indexedClock(c, dao)).toString(),
    items: rows.map((proposalRow) => {
      const cast = voteOf.get(proposalRow.proposalId);
      return {
        proposal: serializeProposal(proposalRow),
        vote: cast === undefined ? null : serializeVote(cast),
      };
    }),
    total,
    limit,
    offset,
  });
});
