/**
 * GET /api/status: per DAO, how far the index has got, where the token's history starts, and the
 * health of each RPC endpoint the indexer reads through.
 */
import { Hono } from "hono";
import { indexedDaos } from "../../daos";
import { rpcHealth } from "../../rpc/failoverTransport";
import { type ApiEnv, indexedHeads } from "./ponderStatus";

export const statusApi = new Hono<ApiEnv>();

statusApi.get("/status", async (c) => {
  const heads = await indexedHeads(c);
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
