/**
 * Which client a DAO's ENS lookups go through: a mainnet client on the config's `ensRpcUrl` (the
 * same failover transport as every chain read), for a DAO on any chain; else the DAO's own client
 * when the DAO is on mainnet; else none (no names, no avatars, nothing asked). The `ensRpcUrl`
 * endpoint is checked once to serve chain 1: another chain's RPC would answer every lookup with
 * "no name", so it is refused with one line in the log instead.
 */
import "server-only";
import { createPublicClient, type PublicClient } from "viem";
import { mainnet } from "viem/chains";
import { type AccountProfile, type EnsClient, ensChainId, lookupEnsProfiles } from "../chain/ensNames";
import { type ChainEndpoints, getPublicClient } from "../chain/publicClient";
import { rpcTransport } from "../chain/rpcTransport";
import { avatarSource } from "../format/ensAvatar";
import { getDaos, getSettings } from "./daos";

let ensRpc: { url: string; client: PublicClient; checked: Promise<boolean> } | undefined;

async function servesMainnet(client: PublicClient, url: string): Promise<boolean> {
  try {
    const chainId = await client.getChainId();
    if (chainId === ensChainId) return true;
    console.error(`[commons] ensRpcUrl serves chain ${chainId}, not Ethereum mainnet (1): ENS names are off.`);
    return false;
  } catch (error) {
    // Unreachable now: lookups fail softly; ask again next time.
    if (ensRpc?.url === url) ensRpc = undefined;
    console.warn(`[commons] ensRpcUrl did not answer: ${(error as Error).message.split("\n")[0]}`);
    return true;
  }
}

/**
 * @example
 * const ens = await ensClientFor(config); // null: this DAO shows no ENS names
 * if (ens) await lookupEnsProfiles(ens, addresses);
 */
export async function ensClientFor(dao: ChainEndpoints): Promise<EnsClient | null> {
  const { ensRpcUrl } = getSettings();
  if (ensRpcUrl) {
    if (ensRpc?.url !== ensRpcUrl) {
      const client = createPublicClient({
        chain: mainnet,
        transport: rpcTransport([ensRpcUrl], { timeoutMs: 4_000 }),
        batch: { multicall: false },
      }) as PublicClient;
      ensRpc = { url: ensRpcUrl, client, checked: servesMainnet(client, ensRpcUrl) };
    }
    const { client, checked } = ensRpc;
    return (await checked) ? client : null;
  }
  return dao.chainId === ensChainId ? getPublicClient(dao) : null;
}

/**
 * The ENS client for server-wide lookups not tied to one DAO (the avatar route): `ensRpcUrl`'s,
 * else that of the first DAO on mainnet; null when there is none.
 *
 * @example const ens = await anyEnsClient();
 */
export async function anyEnsClient(): Promise<EnsClient | null> {
  const { ensRpcUrl } = getSettings();
  const onMainnet = getDaos().find((dao) => dao.chainId === ensChainId);
  if (ensRpcUrl || onMainnet) return ensClientFor(onMainnet ?? { chainId: ensChainId, rpcUrls: [] });
  return null;
}

/**
 * Verified ENS names and renderable avatars of a DAO's addresses (lowercase address → profile);
 * empty when the DAO has no ENS.
 *
 * @example const profiles = await ensProfilesFor(config, votes.map((vote) => vote.voter));
 */
export async function ensProfilesFor(
  dao: ChainEndpoints,
  addresses: readonly `0x${string}`[],
): Promise<Map<string, AccountProfile>> {
  const client = await ensClientFor(dao);
  if (!client || addresses.length === 0) return new Map();
  const profiles = await lookupEnsProfiles(client, addresses);
  return new Map(
    [...profiles].map(([address, { name, avatar }]) => [address, { name, avatar: avatarSource(avatar, address) }]),
  );
}
