/**
 * The DAOs the indexer serves: the app's DAO config, completed from the chain (the voting token
 * when the config leaves it out). ponder.config.ts, the handlers and the API routes all import
 * this module; Ponder runs them in one module graph, so the chain is probed once per start.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Address, createPublicClient, getAddress, http } from "viem";
import { isTimestampClock } from "../lib/chain/clock";
import { knownChain } from "../lib/chains";
import { ConfigError } from "../lib/config/ConfigError";
import { readCommonsConfig } from "../lib/config/readCommonsConfig";
import { resolveDao } from "../lib/config/resolveDao";

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
  startBlock: number;
  /**
   * False when the token already existed before `startBlock`: its first events then meet accounts
   * whose earlier balance and delegate the indexer never saw, so the handlers read them from the
   * chain at the block before.
   */
  historyComplete: boolean;
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

async function tokenHistoryComplete(token: IndexedToken, rpcUrl: string): Promise<boolean> {
  if (token.startBlock === 0) return true;
  const client = createPublicClient({ chain: knownChain(token.chainId), transport: http(rpcUrl, { timeout: 10_000 }) });
  try {
    const code = await client.getCode({ address: token.token, blockNumber: BigInt(token.startBlock - 1) });
    return code === undefined || code === "0x";
  } catch {
    // A node without the old state cannot tell us; reading per account stays correct either way.
    return false;
  }
}

async function loadIndexedDaos() {
  const config = readCommonsConfig(daoConfigPath());
  const resolved = await Promise.all(config.daos.map((dao) => resolveDao(dao)));
  const daos: IndexedDao[] = resolved.map((dao) => ({
    slug: dao.slug,
    chainId: dao.chainId,
    governor: getAddress(dao.governor),
    token: getAddress(dao.token),
    // What detectGovernor found (ERC-721 supportsInterface); ERC20Votes when it could not tell.
    tokenKind: dao.flavour.token?.kind ?? "erc20votes",
    treasury: getAddress(dao.timelock ?? dao.governor),
    timestampClock: isTimestampClock(dao.clockMode),
    startBlock: dao.startBlock,
  }));

  const chains = new Map<number, IndexedChain>();
  for (const dao of resolved) {
    const chain = chains.get(dao.chainId);
    if (chain === undefined) {
      chains.set(dao.chainId, {
        name: chainName(dao.chainId),
        chainId: dao.chainId,
        rpcUrls: [dao.rpcUrl],
        local: dao.chainId === 31337 || isLoopback(dao.rpcUrl),
      });
    } else if (!chain.rpcUrls.includes(dao.rpcUrl)) {
      chain.rpcUrls.push(dao.rpcUrl);
      chain.local ||= isLoopback(dao.rpcUrl);
    }
  }

  const tokens: IndexedToken[] = [];
  for (const dao of daos) {
    const known = tokens.find((token) => token.chainId === dao.chainId && token.token === dao.token);
    if (known) known.startBlock = Math.min(known.startBlock, dao.startBlock);
    else {
      tokens.push({
        chainId: dao.chainId,
        token: dao.token,
        kind: dao.tokenKind,
        startBlock: dao.startBlock,
        historyComplete: true,
      });
    }
  }
  await Promise.all(
    tokens.map(async (token) => {
      const rpcUrl = chains.get(token.chainId)?.rpcUrls[0];
      if (rpcUrl === undefined) throw new ConfigError(`no rpcUrl for chain ${token.chainId}`);
      token.historyComplete = await tokenHistoryComplete(token, rpcUrl);
    }),
  );

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

/** Whether the indexer saw the token's whole history (see IndexedToken.historyComplete). */
export function tokenHistoryIsComplete(chainId: number, token: Address): boolean {
  const normalized = token.toLowerCase();
  return (
    indexedTokens.find((entry) => entry.chainId === chainId && entry.token.toLowerCase() === normalized)
      ?.historyComplete ?? true
  );
}
