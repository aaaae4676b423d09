/**
 * Which ERC20s to read for the treasury page, and why each is there. Discovery combines what no
 * single source gives: the governance token; every token the indexer saw transferred to the
 * treasury (a wildcard Transfer log filter on the `to` topic, from the DAO's start block); the
 * DAO config's labelled addresses; and every token an executed proposal transferred out. Balances
 * are then read live, and candidates that do not answer like an ERC20 are dropped.
 */
import { type Address, getAddress } from "viem";

export type TokenSource = "governance" | "received" | "labelled" | "spent";

/**
 * Unique candidates (checksummed, first-seen order) with the sources that named each.
 *
 * @example
 * treasuryTokenCandidates({ governance: comm, received: [usdc], labelled: [usdc, governor], spent: [] })
 * // Map { comm => Set{"governance"}, usdc => Set{"received", "labelled"}, governor => Set{"labelled"} }
 */
export function treasuryTokenCandidates(
  sources: Record<TokenSource, readonly string[]>,
): Map<Address, Set<TokenSource>> {
  const candidates = new Map<Address, Set<TokenSource>>();
  for (const source of ["governance", "labelled", "spent", "received"] as const) {
    for (const raw of sources[source]) {
      if (!/^0x[0-9a-fA-F]{40}$/.test(raw)) continue;
      const address = getAddress(raw.toLowerCase());
      const set = candidates.get(address) ?? new Set<TokenSource>();
      set.add(source);
      candidates.set(address, set);
    }
  }
  return candidates;
}
