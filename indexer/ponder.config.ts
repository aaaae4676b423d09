/**
 * Ponder config built from the DAO config (see daos.ts): one chain per chain id, one Governor
 * source listing every governor on that chain, one Token source listing their ERC20Votes (or
 * COMP-style) voting tokens, one NftToken source listing their ERC721Votes tokens (whose Transfer
 * indexes the tokenId, so it cannot be decoded with the ERC20 event), and one TreasuryToken
 * source: ERC20 Transfers from any contract to a DAO's treasury. The token sources start at each
 * token's own first block (daos.ts), the others at the DAOs' startBlock. Each chain reads through
 * all the RPC URLs its DAOs list, with failover and provider-proof eth_getLogs splitting
 * (rpc/failoverTransport.ts).
 * Storage is PGlite in COMMONS_INDEXER_DB_DIR (default indexer/.ponder/pglite), or PostgreSQL
 * when DATABASE_URL is set.
 */
import { resolve } from "node:path";
import { createConfig } from "ponder";
import { erc721VotesTokenEventsAbi, governorEventsAbi, votesTokenEventsAbi } from "../contracts-abi/governorEvents";
import { indexedChains, indexedDaos, indexedTokens, indexerDir } from "./daos";
import { failoverTransport } from "./rpc/failoverTransport";
import { erc20TransferEventAbi } from "./treasuryTransferAbi";

const chainNameOf = (chainId: number) => indexedChains.find((chain) => chain.chainId === chainId)?.name ?? "";

function perChain(sources: readonly { chainId: number; address: `0x${string}`; startBlock: number }[]) {
  const byChain: Record<string, { address: `0x${string}`[]; startBlock: number }> = {};
  for (const source of sources) {
    const name = chainNameOf(source.chainId);
    const entry = byChain[name];
    if (entry === undefined) byChain[name] = { address: [source.address], startBlock: source.startBlock };
    else {
      if (!entry.address.includes(source.address)) entry.address.push(source.address);
      entry.startBlock = Math.min(entry.startBlock, source.startBlock);
    }
  }
  return byChain;
}

/**
 * Per chain: Transfer logs of any contract (no address: a wildcard log filter on the `to` topic)
 * whose recipient is one of the chain's DAO treasuries, from the earliest DAO start block.
 * ERC721 Transfers to a treasury match too; Ponder cannot decode them against the ERC20 event
 * (tokenId is a fourth topic, the data is empty), logs that at debug level and skips them.
 */
function treasuryTransfers() {
  const byChain: Record<string, { startBlock: number; filter: { event: "Transfer"; args: { to: `0x${string}`[] } } }> =
    {};
  for (const dao of indexedDaos) {
    const name = chainNameOf(dao.chainId);
    const entry = byChain[name];
    if (entry === undefined) {
      byChain[name] = { startBlock: dao.startBlock, filter: { event: "Transfer", args: { to: [dao.treasury] } } };
    } else {
      if (!entry.filter.args.to.includes(dao.treasury)) entry.filter.args.to.push(dao.treasury);
      entry.startBlock = Math.min(entry.startBlock, dao.startBlock);
    }
  }
  return byChain;
}

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : {
        kind: "pglite",
        directory: process.env.COMMONS_INDEXER_DB_DIR
          ? resolve(process.env.COMMONS_INDEXER_DB_DIR)
          : resolve(indexerDir, ".ponder", "pglite"),
      },
  chains: Object.fromEntries(
    indexedChains.map((chain) => [
      chain.name,
      {
        id: chain.chainId,
        // Its endpoints' health is served in /api/status (see src/api).
        rpc: failoverTransport(chain.rpcUrls, { healthKey: String(chain.chainId) }),
        // A local chain mines every few seconds: poll often so the app sees its own writes soon.
        pollingInterval: chain.local ? 500 : 2_000,
        // Ponder caches RPC results by chain id; a local chain (or fork) reuses ids with new history.
        disableCache: chain.local,
      },
    ]),
  ),
  contracts: {
    Governor: {
      abi: governorEventsAbi,
      chain: perChain(indexedDaos.map((dao) => ({ ...dao, address: dao.governor }))),
    },
    // A source with no token on any chain (no DAO of that kind) is fine: Ponder builds no filter for it.
    Token: {
      abi: votesTokenEventsAbi,
      chain: perChain(
        indexedTokens
          .filter((token) => token.kind === "erc20votes")
          .map((token) => ({ ...token, address: token.token })),
      ),
    },
    NftToken: {
      abi: erc721VotesTokenEventsAbi,
      chain: perChain(
        indexedTokens
          .filter((token) => token.kind === "erc721votes")
          .map((token) => ({ ...token, address: token.token })),
      ),
    },
    TreasuryToken: {
      abi: erc20TransferEventAbi,
      chain: treasuryTransfers(),
    },
  },
});
