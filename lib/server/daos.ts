/**
 * The DAOs this server serves: the config file, read once, and each DAO completed from its chain
 * (`resolveDao`), memoised per slug for the life of the process. A failed resolve is not cached,
 * so a chain that was down is probed again on the next request. Restart to reload the config.
 */
import "server-only";
import { readCommonsConfig } from "../config/readCommonsConfig";
import type { ResolvedDao } from "../config/resolveDao";
import { resolveDao } from "../config/resolveDao";
import type { CommonsConfig, DaoConfig } from "../config/schema";

let config: CommonsConfig | undefined;
const resolved = new Map<string, Promise<ResolvedDao>>();

/**
 * All configured DAOs, in config order. Throws the ConfigError (naming the field) when the
 * config file is missing or invalid.
 *
 * @example getDaos().map((dao) => dao.slug) // ["commons"]
 */
export function getDaos(): DaoConfig[] {
  config ??= readCommonsConfig();
  return config.daos;
}

/** The config's server-wide settings (beside `daos`). */
export type CommonsSettings = Pick<CommonsConfig, "ensRpcUrl" | "sourcifyUrl">;

/**
 * The server-wide settings: the ENS RPC and the Sourcify server, each absent unless configured.
 * Throws the ConfigError like `getDaos`.
 *
 * @example getSettings().ensRpcUrl // "https://eth.example/rpc" or undefined
 */
export function getSettings(): CommonsSettings {
  config ??= readCommonsConfig();
  const { ensRpcUrl, sourcifyUrl } = config;
  return { ...(ensRpcUrl ? { ensRpcUrl } : {}), ...(sourcifyUrl ? { sourcifyUrl } : {}) };
}

/**
 * A DAO's config by slug, without touching the chain; undefined when no DAO has that slug.
 *
 * @example getDaoConfig("commons")?.rpcUrl
 */
export function getDaoConfig(slug: string): DaoConfig | undefined {
  return getDaos().find((dao) => dao.slug === slug);
}

/**
 * A DAO completed from its chain (token, timelock, symbol, decimals…); undefined for an unknown
 * slug. Rejects with a ConfigError naming the field (or `rpcUrl` when the chain did not answer).
 *
 * @example const dao = await getDao("commons"); dao?.tokenSymbol // "COMM"
 */
export function getDao(slug: string): Promise<ResolvedDao | undefined> {
  const config = getDaoConfig(slug);
  if (!config) return Promise.resolve(undefined);
  let promise = resolved.get(slug);
  if (!promise) {
    promise = resolveDao(config);
    resolved.set(slug, promise);
    promise.catch(() => resolved.delete(slug));
  }
  return promise;
}
