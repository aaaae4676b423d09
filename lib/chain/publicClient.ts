/**
 * One viem public client per DAO RPC, shared across requests on the server. Reads issued in the
 * same tick are batched into one Multicall3 call (`batch.multicall`), so a page that reads many
 * things from the chain costs one round trip.
 */
import { createPublicClient, http, type PublicClient } from "viem";
import { type DaoChainInput, daoChain } from "./daoChain";

const clients = new Map<string, PublicClient>();

/**
 * @example
 * const client = getPublicClient({ chainId: dao.chainId, rpcUrl: dao.rpcUrl });
 * await client.readContract({ address: dao.governor, abi, functionName: "state", args: [id] });
 */
export function getPublicClient(dao: DaoChainInput): PublicClient {
  const key = `${dao.chainId}:${dao.rpcUrl}`;
  let client = clients.get(key);
  if (!client) {
    client = createPublicClient({
      chain: daoChain(dao),
      // A page should say "chain unreachable" quickly rather than hang on a dead RPC.
      transport: http(dao.rpcUrl, { retryCount: 1, timeout: 5_000 }),
      batch: { multicall: true },
    });
    clients.set(key, client);
  }
  return client;
}
