/**
 * A parsed config back in the form a person writes: one `rpcUrl`, or `rpcUrls` when there are
 * several (the parsed form carries both, see schema.ts). Scripts that write a config use this, so
 * overriding `rpcUrl` on a parsed DAO and writing it cannot leave a stale `rpcUrls` behind.
 */
import type { CommonsConfig, DaoConfig, DaoConfigInput } from "./schema";

/**
 * @example
 * writeFileSync(path, serializeCommonsConfig({ daos: [{ ...dao, rpcUrls: [forkUrl] }] }));
 */
export function serializeCommonsConfig(
  config: { daos: readonly DaoConfig[] } & Pick<CommonsConfig, "ensRpcUrl" | "sourcifyUrl">,
): string {
  const { daos: parsed, ensRpcUrl, sourcifyUrl } = config;
  const daos = parsed.map(({ rpcUrl: _first, rpcUrls, ...dao }): DaoConfigInput => {
    const [only] = rpcUrls;
    return rpcUrls.length === 1 && only !== undefined ? { ...dao, rpcUrl: only } : { ...dao, rpcUrls };
  });
  const written = {
    ...(ensRpcUrl ? { ensRpcUrl } : {}),
    ...(sourcifyUrl ? { sourcifyUrl } : {}),
    daos,
  } satisfies Omit<CommonsConfig, "daos"> & { daos: DaoConfigInput[] };
  return `${JSON.stringify(written, null, 2)}\n`;
}

/**
 * The same DAO served by other RPC endpoints (a fork, a proxy).
 *
 * @example const forked = withRpcUrls(dao, [fork.rpcUrl]);
 */
export function withRpcUrls(dao: DaoConfig, rpcUrls: readonly [string, ...string[]]): DaoConfig {
  return { ...dao, rpcUrl: rpcUrls[0], rpcUrls: [...rpcUrls] };
}
