/**
 * Verified ABIs of proposal targets from a Sourcify server (`sourcifyUrl` in the config; off when
 * absent, since each lookup tells that server which contracts this DAO's proposals call). Asked
 * only for targets no known ABI decodes; answers are cached in the process (a verified ABI for
 * hours, "not verified" for minutes, a failure not at all), and a slow or broken server costs a
 * page at most `timeoutMs`. An answer is checked like a pasted ABI (abitype's schema) before
 * anything decodes with it; its function names are the contract's, shown as "verified source".
 *
 * Sourcify API v2: `GET <server>/v2/contract/<chainId>/<address>?fields=abi` → `{ abi, match }`,
 * 404 when the contract is not verified.
 */
import { type Abi, type Address, getAddress } from "viem";
import { boundedCache } from "../cache/boundedCache";
import { checkAbi } from "../proposals/builder/parseAbiJson";

export type VerifiedAbiOptions = {
  /** Per lookup (default 3 s). */
  timeoutMs?: number;
  /** Largest answer read (default 4 MB; a big contract's ABI is ~100 KB). */
  maxBytes?: number;
  /** Most targets looked up for one page (default 12). */
  maxTargets?: number;
  fetch?: typeof fetch;
};

const hour = 3_600_000;
const verifiedTtlMs = 6 * hour;
const notVerifiedTtlMs = 10 * 60_000;
const cache = boundedCache<Promise<Abi | null>>({ maxEntries: 2_000, ttlMs: verifiedTtlMs });

/** No usable verified ABI: cached for a while, unlike a failure to ask. */
class NotVerified extends Error {}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new Error(`the answer is larger than ${maxBytes} bytes`);
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function fetchVerifiedAbi(
  server: string,
  chainId: number,
  address: Address,
  options: Required<Omit<VerifiedAbiOptions, "maxTargets">>,
): Promise<Abi> {
  const url = `${server.replace(/\/+$/, "")}/v2/contract/${chainId}/${getAddress(address)}?fields=abi`;
  const response = await options.fetch(url, {
    headers: { accept: "application/json" },
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (response.status === 404) throw new NotVerified();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = JSON.parse(await readLimited(response, options.maxBytes)) as { abi?: unknown; match?: unknown };
  if (body.match === null || !Array.isArray(body.abi)) throw new NotVerified();
  const checked = checkAbi(body.abi);
  if (!checked.ok) {
    console.warn(`[commons] Sourcify's ABI of ${address} on chain ${chainId} is not valid: ${checked.error}`);
    throw new NotVerified();
  }
  return checked.abi;
}

/**
 * The verified ABIs Sourcify has for `targets` on chain `chainId` (lowercase address → ABI);
 * empty when no server is configured.
 *
 * @example
 * const verified = await verifiedAbis(getSettings().sourcifyUrl, dao.chainId, unknownTargets);
 * decodeAction(action, contracts, verified);
 */
export async function verifiedAbis(
  sourcifyUrl: string | undefined,
  chainId: number,
  targets: readonly Address[],
  options: VerifiedAbiOptions = {},
): Promise<Map<string, Abi>> {
  const found = new Map<string, Abi>();
  if (!sourcifyUrl) return found;
  const resolved = {
    timeoutMs: options.timeoutMs ?? 3_000,
    maxBytes: options.maxBytes ?? 4_000_000,
    fetch: options.fetch ?? fetch,
  };
  const unique = [...new Set(targets.map((target) => target.toLowerCase() as Address))].slice(
    0,
    options.maxTargets ?? 12,
  );
  await Promise.all(
    unique.map(async (address) => {
      const key = `${sourcifyUrl}|${chainId}|${address}`;
      let lookup = cache.get(key);
      if (!lookup) {
        lookup = fetchVerifiedAbi(sourcifyUrl, chainId, address, resolved).catch((error: unknown) => {
          if (error instanceof NotVerified) {
            cache.set(key, Promise.resolve(null), notVerifiedTtlMs);
          } else {
            cache.delete(key);
            const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
            console.warn(`[commons] Sourcify lookup of ${address} on chain ${chainId} failed: ${reason}`);
          }
          return null;
        });
        cache.set(key, lookup);
      }
      const abi = await lookup;
      if (abi) found.set(address, abi);
    }),
  );
  return found;
}
