/** GET /api/daos/:slug/treasury/tokens: the ERC20s the treasury has received. */
import { db } from "ponder:api";
import { treasuryToken } from "ponder:schema";
import { Hono } from "hono";
import { and, asc, desc, eq } from "ponder";
import { getAddress } from "viem";
import type { ApiEnv } from "./ponderStatus";
import { readDao } from "./shared";

export const treasuryApi = new Hono<ApiEnv>();

/** At most this many treasury tokens are listed (anyone can send the treasury junk tokens). */
const maxTreasuryTokens = 500;

treasuryApi.get("/daos/:slug/treasury/tokens", async (c) => {
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
