/**
 * One viem public client per DAO chain and set of RPC endpoints, shared across requests on the
 * server. Its transport (./rpcTransport) batches calls issued together into one HTTP request and
 * fails over between the DAO's endpoints; live governor and token reads go through
 * ./readCalls, which uses Multicall3 where the chain has it.
 */
import { type Address, createPublicClient, type PublicClient } from "viem";
import { daoChain } from "./daoChain";
import { rpcTransport } from "./rpcTransport";

const clients = new Map<string, PublicClient>();

/** A DAO's chain as its config names it (`multicall3`: where the config says Multicall3 is, when it says so). */
export type ChainEndpoints = { chainId: number; rpcUrls: readonly string[]; multicall3?: Address };

/**
 * @example
 * const client = getPublicClient(dao); // dao: { chainId, rpcUrls, multicall3? }
 * const [state] = await readCalls(client, [prepare(adapter.state(id))]);
 */
export function getPublicClient(dao: ChainEndpoints): PublicClient {
  const key = `${dao.chainId}:${dao.rpcUrls.join(",")}:${dao.multicall3 ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = createPublicClient({
      chain: daoChain({ chainId: dao.chainId, rpcUrls: dao.rpcUrls, multicall3: dao.multicall3 }),
      // A page should say "chain unreachable" quickly rather than hang on a dead RPC.
      transport: rpcTransport(dao.rpcUrls, { timeoutMs: 5_000 }),
      // Batching happens in the transport (JSON-RPC batches); Multicall3 only through readCalls,
      // once it is known to exist.
      batch: { multicall: false },
      cacheTime: 1_000,
    });
    clients.set(key, client);
  }
  return client;
}
