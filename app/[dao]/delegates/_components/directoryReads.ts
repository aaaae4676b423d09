/** The delegates directory's reads besides the indexer's page: the search (address prefix or ENS name) and the total supply. */
import "server-only";
import type { Address } from "viem";
import { type ChainProblem, describeChainProblem } from "@/lib/chain/chainErrors";
import { looksLikeEnsName, resolveEnsAddress } from "@/lib/chain/ensNames";
import { getPublicClient } from "@/lib/chain/publicClient";
import { readTotalSupply } from "@/lib/chain/readTotalSupply";
import { adapterOf } from "@/lib/governor/writeDao";
import { ensClientFor } from "@/lib/server/ens";
import type { LoadedDao } from "@/lib/server/loadDao";
import { settle } from "@/lib/server/settle";

export type UsableDao = Extract<LoadedDao, { status: "ready" | "chainUnreachable" }>;

export type Search =
  | { kind: "none" }
  | { kind: "prefix"; prefix: string }
  | { kind: "ens"; name: string; address: Address }
  | { kind: "noMatch"; detail: string };

/**
 * What the search box asked for: an address prefix, an ENS name resolved on Ethereum, or why it matches nothing.
 *
 * @example await readSearch(loaded, "0x7099") // { kind: "prefix", prefix: "0x7099" }
 */
export async function readSearch(loaded: UsableDao, q: string): Promise<Search> {
  if (!q) return { kind: "none" };
  if (/^(0x)?[0-9a-fA-F]{0,40}$/.test(q)) return { kind: "prefix", prefix: q };
  const ens = looksLikeEnsName(q) ? await ensClientFor(loaded.config) : null;
  if (ens) {
    const resolved = await resolveEnsAddress(ens, q);
    if (resolved !== null) return { kind: "ens", name: q, address: resolved };
    return { kind: "noMatch", detail: "That name does not resolve to an address on Ethereum." };
  }
  return { kind: "noMatch", detail: "Search by the start of an address (0x followed by hex digits)." };
}

/** The token's total supply (the base of each share), or why it is unknown. */
export async function totalSupplyOf(loaded: UsableDao): Promise<{ supply: bigint } | { problem: ChainProblem }> {
  if (loaded.status !== "ready") return { problem: loaded.problem };
  const read = await settle(
    readTotalSupply(getPublicClient(loaded.config), adapterOf(loaded.dao)),
    `reading the total supply of "${loaded.config.slug}"`,
  );
  return read.ok ? { supply: read.value } : { problem: describeChainProblem(read.error) };
}
