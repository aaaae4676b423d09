/**
 * Finds Multicall3 on a chain, once per chain and set of endpoints, by asking for code
 * (`eth_getCode`) at the candidates: the address the DAO config gives (`multicall3`), the one
 * viem's chain table knows for that chain, and the canonical 0xcA11…CA11. A chain with none
 * (a plain anvil or hardhat node, some new chains) is fine: reads then go as JSON-RPC batches
 * (./readCalls), and the log says so once.
 */
import { type Address, getAddress, type PublicClient } from "viem";
import { multicall3Address, tableMulticall3 } from "./daoChain";

const found = new Map<string, Promise<Address | null>>();
const settled = new Map<string, Address | null>();
const announced = new Set<string>();

export type FindMulticall3Options = {
  /** The DAO config's `multicall3`, tried first. */
  configured?: Address;
  /** Where to say that a chain has none (default console.info; once per chain). */
  log?: (line: string) => void;
};

function cacheKey(client: Pick<PublicClient, "chain" | "transport">, configured: Address | undefined): string {
  const urls = (client.chain?.rpcUrls.default.http ?? []).join(",");
  return `${client.chain?.id}|${urls}|${client.transport?.key ?? ""}|${configured?.toLowerCase() ?? ""}`;
}

/**
 * The candidates, in order, without repeats.
 *
 * @example multicall3Candidates(1, undefined) // ["0xcA11bde05977b3631167028862bE2a173976CA11"]
 */
export function multicall3Candidates(chainId: number | undefined, configured: Address | undefined): Address[] {
  const candidates = [configured, chainId === undefined ? undefined : tableMulticall3(chainId), multicall3Address];
  const out: Address[] = [];
  for (const candidate of candidates) {
    if (candidate && !out.some((known) => known.toLowerCase() === candidate.toLowerCase())) {
      out.push(getAddress(candidate));
    }
  }
  return out;
}

/**
 * Multicall3's address on the client's chain, or null when the chain has none. Throws (and
 * remembers nothing) when the chain cannot be asked.
 *
 * @example
 * const multicall3 = await findMulticall3(client); // "0xcA11…CA11", or null on a plain anvil
 */
export function findMulticall3(
  client: Pick<PublicClient, "chain" | "transport" | "getCode">,
  options: FindMulticall3Options = {},
): Promise<Address | null> {
  const configured = options.configured ?? client.chain?.contracts?.multicall3?.address;
  const key = cacheKey(client, configured);
  let pending = found.get(key);
  if (!pending) {
    pending = probe(client, configured, options.log ?? ((line) => console.info(line)));
    found.set(key, pending);
    pending.then(
      (address) => settled.set(key, address),
      () => found.delete(key),
    );
  }
  return pending;
}

async function probe(
  client: Pick<PublicClient, "chain" | "getCode">,
  configured: Address | undefined,
  log: (line: string) => void,
): Promise<Address | null> {
  const chainId = client.chain?.id;
  const candidates = multicall3Candidates(chainId, configured);
  // Asked together: one JSON-RPC batch.
  const codes = await Promise.all(candidates.map((address) => client.getCode({ address })));
  const index = codes.findIndex((code) => code !== undefined && code !== "0x");
  const where = chainId === undefined ? "this chain" : `chain ${chainId}`;
  if (configured && (index === -1 || candidates[index]?.toLowerCase() !== configured.toLowerCase())) {
    log(`the config's multicall3 ${configured} has no code on ${where}; ignoring it`);
  }
  const address = index === -1 ? null : (candidates[index] ?? null);
  const key = `${chainId}`;
  if (address === null && !announced.has(key)) {
    announced.add(key);
    log(`no Multicall3 on ${where} — reading without it (JSON-RPC batches pinned to one block)`);
  }
  return address;
}

/**
 * What {@link findMulticall3} already found for this client, without asking the chain: undefined
 * when it has not finished (or never ran).
 *
 * @example const multicall3 = peekMulticall3(client) ?? null;
 */
export function peekMulticall3(
  client: Pick<PublicClient, "chain" | "transport">,
  configured?: Address,
): Address | null | undefined {
  return settled.get(cacheKey(client, configured ?? client.chain?.contracts?.multicall3?.address));
}

/** Forget every finding (tests). */
export function clearMulticall3Cache(): void {
  found.clear();
  settled.clear();
  announced.clear();
}
