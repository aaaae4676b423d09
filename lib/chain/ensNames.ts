/**
 * ENS names and avatars for the addresses of any DAO, on any chain: ENS lives on Ethereum
 * mainnet, so they are read from there through an ENS client (lib/server/ens picks it: the
 * config's `ensRpcUrl`, or the DAO's own RPC when the DAO is on mainnet). A name is shown only
 * when it holds both ways: the address's primary name (its reverse record) is in normalised form
 * (ENSIP-15, so no look-alike spelling) and resolves forward to that same address, so nobody can
 * put someone else's name on their address. The avatar is the name's `avatar` text record, as
 * written (lib/format/ensAvatar decides whether and how it may be shown).
 *
 * Lookups are best effort and cached per client in the process (a name for an hour, "no name" for
 * ten minutes): an RPC or resolver failure is "no name", never an error page, and a page waits at
 * most `timeoutMs` while slow lookups finish in the background for the next view.
 */
import { type Address, isAddressEqual, type PublicClient } from "viem";
import { normalize } from "viem/ens";
import { type BoundedCache, boundedCache } from "../cache/boundedCache";

/** The chain ENS lives on. */
export const ensChainId = 1;

export type EnsClient = Pick<PublicClient, "getEnsAddress" | "getEnsName" | "getEnsText">;

export type EnsProfile = {
  /** The verified primary name, normalised. */
  name: string;
  /** The name's `avatar` text record as written (at most 2,048 characters), if any. */
  avatar: string | null;
};

/** An address's verified ENS name, and its avatar as a `src` safe to render (null: show the identicon). */
export type AccountProfile = { name: string; avatar: string | null };

const foundTtlMs = 60 * 60_000;
const missingTtlMs = 10 * 60_000;
const maxAvatarRecord = 2_048;
const caches = new WeakMap<EnsClient, BoundedCache<Promise<EnsProfile | null>>>();

function cacheOf(client: EnsClient): BoundedCache<Promise<EnsProfile | null>> {
  let cache = caches.get(client);
  if (!cache) {
    cache = boundedCache({ maxEntries: 10_000, ttlMs: foundTtlMs });
    caches.set(client, cache);
  }
  return cache;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * Whether `text` looks like an ENS name rather than a hex address prefix: has a dot, no spaces.
 *
 * @example looksLikeEnsName("lina.eth") // true
 * @example looksLikeEnsName("0x70997") // false
 */
export function looksLikeEnsName(text: string): boolean {
  return /^[^\s./][^\s/]*\.[^\s./]+$/u.test(text.trim()) && text.trim().length <= 255;
}

/**
 * The address `name` resolves to; null when it resolves to nothing, is not a valid name, or the
 * lookup failed.
 *
 * @example await resolveEnsAddress(client, "vitalik.eth") // "0xd8dA…6045"
 */
export async function resolveEnsAddress(client: EnsClient, name: string): Promise<Address | null> {
  let normalized: string;
  try {
    normalized = normalize(name.trim());
  } catch {
    return null;
  }
  try {
    return (await client.getEnsAddress({ name: normalized })) ?? null;
  } catch (error) {
    console.warn(`[commons] ENS lookup of a name failed: ${firstLine(error)}`);
    return null;
  }
}

/**
 * One address's verified name and avatar record, uncached; null when it has no name that holds
 * both ways. Throws when the RPC fails (so the failure is not cached as "no name").
 *
 * @example await lookupEnsProfile(client, address) // { name: "lina.eth", avatar: "https://…" }
 */
export async function lookupEnsProfile(client: EnsClient, address: Address): Promise<EnsProfile | null> {
  const name = await client.getEnsName({ address });
  if (!name) return null;
  let normalized: string;
  try {
    normalized = normalize(name);
  } catch {
    return null;
  }
  // A primary name not in normalised form could be a look-alike of another: not shown.
  if (normalized !== name) return null;
  const [forward, avatar] = await Promise.all([
    client.getEnsAddress({ name }),
    client.getEnsText({ name, key: "avatar" }).catch(() => null),
  ]);
  if (!forward || !isAddressEqual(forward, address)) return null;
  const record = avatar?.trim() ?? "";
  return { name, avatar: record !== "" && record.length <= maxAvatarRecord ? record : null };
}

/**
 * Verified names (and avatar records) of `addresses` (lowercase address → profile), from the
 * cache where known. Lookups run together (one batched round trip per step when the client's
 * transport batches) and the page waits at most `timeoutMs` for them.
 *
 * @example (await lookupEnsProfiles(client, [address])).get(address.toLowerCase())?.name // "lina.eth"
 */
export async function lookupEnsProfiles(
  client: EnsClient,
  addresses: readonly Address[],
  timeoutMs = 2_000,
): Promise<Map<string, EnsProfile>> {
  const profiles = new Map<string, EnsProfile>();
  const unique = [...new Set(addresses.map((address) => address.toLowerCase() as Address))];
  if (unique.length === 0) return profiles;
  const cache = cacheOf(client);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  const lookups = Promise.all(
    unique.map(async (address) => {
      let lookup = cache.get(address);
      if (!lookup) {
        lookup = lookupEnsProfile(client, address).then(
          (profile) => {
            if (!profile) cache.set(address, Promise.resolve(null), missingTtlMs);
            return profile;
          },
          (error: unknown) => {
            cache.delete(address);
            console.warn(`[commons] ENS lookup of ${address} failed: ${firstLine(error)}`);
            return null;
          },
        );
        cache.set(address, lookup);
      }
      const profile = await lookup;
      if (profile) profiles.set(address, profile);
    }),
  );
  await Promise.race([lookups, timeout]);
  clearTimeout(timer);
  return new Map(profiles);
}

/**
 * Just the names of {@link lookupEnsProfiles} (lowercase address → name).
 *
 * @example (await lookupEnsNames(client, [address])).get(address.toLowerCase()) // "lina.eth"
 */
export async function lookupEnsNames(
  client: EnsClient,
  addresses: readonly Address[],
  timeoutMs = 2_000,
): Promise<Map<string, string>> {
  const profiles = await lookupEnsProfiles(client, addresses, timeoutMs);
  return new Map([...profiles].map(([address, profile]) => [address, profile.name]));
}
