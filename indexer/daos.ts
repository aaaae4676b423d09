/**
 * The DAOs the indexer serves: the app's DAO config, completed from the chain (the voting token
 * when the config leaves it out, and the token's own first block when `tokenStartBlock` is absent —
 * see tokenStart.ts). ponder.config.ts, the handlers and the API routes all import this module;
 * Ponder runs them in one module graph, so the chain is probed once per start. Every read goes
 * through the DAO's `rpcUrls` with failover (rpc/failoverTransport.ts).
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Address, createPublicClient, getAddress, type PublicClient } from "viem";
import { isTimestampClock } from "../lib/chain/clock";
import { knownChain } from "../lib/chains";
import { ConfigError } from "../lib/config/ConfigError";
import { readCommonsConfig } from "../lib/config/readCommonsConfig";
import { resolveDao } from "../lib/config/resolveDao";
import { failoverTransport } from "./rpc/failoverTransport";
import { findTokenStart, type TokenStart } from "./tokenStart";

export const indexerDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(indexerDir, "..");

/** Which token events the indexer reads: ERC20Votes (and COMP-style) or ERC721Votes (one NFT, one vote). */
export type TokenKind = "erc20votes" | "erc721votes";

export type IndexedDao = {
  slug: string;
  chainId: number;
  governor: Address;
  token: Address;
  tokenKind: TokenKind;
  /** Who holds the DAO's funds and runs its proposals: the timelock, or the governor without one. */
  treasury: Address;
  /** ERC-6372 `mode=timestamp`: proposal snapshots and deadlines are timestamps, not blocks. */
  timestampClock: boolean;
  startBlock: number;
  /** Where the token source starts: the token's first block (config, cache or search). */
  tokenStartBlock: number;
  tokenStartSource: TokenStart["source"];
};

export type IndexedChain = {
  /** Ponder's name for the chain (used in its logs and `/status`). */
  name: string;
  chainId: number;
  rpcUrls: string[];
  /** A local chain (anvil, a fork): blocks are cheap to poll and must never be cached by chain id. */
  local: boolean;
};

export type IndexedToken = {
  chainId: number;
  token: Address;
  /** Decides the Ponder source: Token (ERC20 Transfer) or NftToken (ERC721 Transfer). */
  kind: TokenKind;
  /** The token's first block: every balance and delegation then comes from its logs alone. */
  startBlock: number;
  startSource: TokenStart["source"];
};

/**
 * `DAO_CONFIG` when set (relative to the cwd, like every other path the user types), else
 * `dao.config.json` at the repository root, wherever Ponder was started from.
 */
export function daoConfigPath(env: Record<string, string | undefined> = process.env): string {
  return env.DAO_CONFIG ? resolve(env.DAO_CONFIG) : join(repoRoot, "dao.config.json");
}

function chainName(chainId: number): string {
  const name = knownChain(chainId)?.name ?? "chain";
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${chainId}`;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

/**
 * Reads through every RPC URL the config lists for the chain, with failover, and retries rate
 * limits (viem backs off: 150 ms, doubling). eth_getLogs result caps come back as errors: the
 * token start search reads them as "there are logs in this range".
 */
function chainClient(chain: IndexedChain): PublicClient {
  return createPublicClient({
    chain: knownChain(chain.chainId),
    transport: failoverTransport(chain.rpcUrls, { retryCount: 5, splitResultCaps: false }),
  }) as PublicClient;
}

/** The token start search's memory; see tokenStart.ts. */
function tokenStartCacheFile(env: Record<string, string | undefined> = process.env): string {
  return join(
    env.COMMONS_INDEXER_CACHE_DIR ? resolve(env.COMMONS_INDEXER_CACHE_DIR) : join(indexerDir, ".ponder"),
    "token-start-blocks.json",
  );
}

async function loadIndexedDaos() {
  const config = readCommonsConfig(daoConfigPath());

  const chains = new Map<number, IndexedChain>();
  for (const dao of config.daos) {
    const chain = chains.get(dao.chainId);
    if (chain === undefined) {
      chains.set(dao.chainId, {
        name: chainName(dao.chainId),
        chainId: dao.chainId,
        rpcUrls: [...dao.rpcUrls],
        local: dao.chainId === 31337 || dao.rpcUrls.some(isLoopback),
      });
    } else {
      for (const url of dao.rpcUrls) if (!chain.rpcUrls.includes(url)) chain.rpcUrls.push(url);
      chain.local ||= dao.rpcUrls.some(isLoopback);
    }
  }
  const clients = new Map([...chains.values()].map((chain) => [chain.chainId, chainClient(chain)]));
  const clientOf = (chainId: number): PublicClient => {
    const client = clients.get(chainId);
    if (client === undefined) throw new ConfigError(`no rpcUrls for chain ${chainId}`);
    return client;
  };

  const resolved = await Promise.all(config.daos.map((dao) => resolveDao(dao, clientOf(dao.chainId))));

  const tokens: IndexedToken[] = [];
  const configuredStarts = new Map<IndexedToken, number>();
  const governorStarts = new Map<IndexedToken, number>();
  for (const dao of resolved) {
    const address = getAddress(dao.token);
    let token = tokens.find((entry) => entry.chainId === dao.chainId && entry.token === address);
    if (token === undefined) {
      token = {
        chainId: dao.chainId,
        token: address,
        // What detectGovernor found (ERC-721 supportsInterface); ERC20Votes when it could not tell.
        kind: dao.flavour.token?.kind ?? "erc20votes",
        startBlock: dao.startBlock,
        startSource: "governor",
      };
      tokens.push(token);
    }
    governorStarts.set(token, Math.min(governorStarts.get(token) ?? dao.startBlock, dao.startBlock));
    if (dao.tokenStartBlock !== undefined) {
      configuredStarts.set(token, Math.min(configuredStarts.get(token) ?? dao.tokenStartBlock, dao.tokenStartBlock));
    }
  }
  await Promise.all(
    tokens.map(async (token) => {
      const configured = configuredStarts.get(token);
      if (configured !== undefined) {
        token.startBlock = configured;
        token.startSource = "config";
        console.log(`token ${token.token} first block ${configured} (tokenStartBlock in the DAO config)`);
        return;
      }
      const start = await findTokenStart({
        client: clientOf(token.chainId),
        chainId: token.chainId,
        token: token.token,
        governorStartBlock: governorStarts.get(token) ?? token.startBlock,
        cacheFile: tokenStartCacheFile(),
      });
      token.startBlock = start.block;
      token.startSource = start.source;
      (start.source === "partial-logs" ? console.warn : console.log)(start.message);
    }),
  );

  const daos: IndexedDao[] = resolved.map((dao) => {
    const token = tokens.find((entry) => entry.chainId === dao.chainId && entry.token === getAddress(dao.token));
    if (token === undefined) throw new Error(`token ${dao.token} of ${dao.slug} was not registered`);
    return {
      slug: dao.slug,
      chainId: dao.chainId,
      governor: getAddress(dao.governor),
      token: token.token,
      tokenKind: token.kind,
      treasury: getAddress(dao.timelock ?? dao.governor),
      timestampClock: isTimestampClock(dao.clockMode),
      startBlock: dao.startBlock,
      tokenStartBlock: token.startBlock,
      tokenStartSource: token.startSource,
    };
  });

  return { daos, chains: [...chains.values()], tokens };
}

const loaded = await loadIndexedDaos();

/** The DAOs, in config order. */
export const indexedDaos: readonly IndexedDao[] = loaded.daos;
/** One entry per chain id, whatever the number of DAOs on it. */
export const indexedChains: readonly IndexedChain[] = loaded.chains;
/** One entry per (chain, token); DAOs sharing a token share its rows. */
export const indexedTokens: readonly IndexedToken[] = loaded.tokens;

/** The DAO with this slug, if the config has one. */
export function daoBySlug(slug: string): IndexedDao | undefined {
  return indexedDaos.find((dao) => dao.slug === slug);
}
