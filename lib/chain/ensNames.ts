/**
 * ENS on the DAO's own chain, only where ENS lives: Ethereum mainnet (chain id 1), through the
 * DAO's RPC. Elsewhere (the demo chain, L2s) every lookup answers "unsupported" without a request,
 * and pages say nothing about names. Lookups are best effort: an RPC or resolver failure is
 * "no name", never an error page.
 */
import type { Address, PublicClient } from "viem";
import { normalize } from "viem/ens";

/** The chain whose registry Commons asks. */
export const ensChainId = 1;

type EnsClient = Pick<PublicClient, "getEnsAddress" | "getEnsName">;

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
 * The address `name` resolves to on mainnet; null when it resolves to nothing (or is not a valid
 * name), "unsupported" off mainnet.
 *
 * @example await resolveEnsAddress(client, 1, "vitalik.eth") // "0xd8dA…6045"
 */
export async function resolveEnsAddress(
  client: EnsClient,
  chainId: number,
  name: string,
): Promise<Address | null | "unsupported"> {
  if (chainId !== ensChainId) return "unsupported";
  let normalized: string;
  try {
    normalized = normalize(name.trim());
  } catch {
    return null;
  }
  try {
    return (await client.getEnsAddress({ name: normalized })) ?? null;
  } catch (error) {
    console.warn(`[commons] ENS lookup of a search failed: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
}

/**
 * Primary ENS names of `addresses` on mainnet (lowercase address → name), verified forward by the
 * universal resolver; empty off mainnet. Lookups run together (one batched round trip when the
 * client batches multicalls) and give up after `timeoutMs`.
 *
 * @example (await lookupEnsNames(client, 1, [address])).get(address.toLowerCase()) // "lina.eth"
 */
export async function lookupEnsNames(
  client: EnsClient,
  chainId: number,
  addresses: readonly Address[],
  timeoutMs = 2_000,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (chainId !== ensChainId || addresses.length === 0) return names;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  const lookups = Promise.all(
    addresses.map(async (address) => {
      try {
        const name = await client.getEnsName({ address });
        if (name) names.set(address.toLowerCase(), name);
      } catch {
        // No primary name, or the resolver failed: show the address.
      }
    }),
  );
  await Promise.race([lookups, timeout]);
  clearTimeout(timer);
  return new Map(names);
}
