/**
 * The chain reads behind the app store's write rules: who proposed a proposal (only they may add
 * drafts' links and discussion links to it) and whether an address has a stake in the DAO (see
 * ./stake.ts). Used by the drafts, discussion-link and statement entries and the discussion page.
 */
import "server-only";
import { type Address, getAddress, zeroAddress } from "viem";
import { getPublicClient } from "../chain/publicClient";
import { readCalls } from "../chain/readCalls";
import { governorAdapter, preparedRead, readResult } from "../governor/adapter";
import { daoFlavourOf } from "../governor/detect";
import { IndexerNotFoundError } from "../indexer/client";
import { getDao, getDaoConfig } from "./daos";
import { getIndexer } from "./indexer";

/**
 * Who proposed `proposalId` on the DAO's governor: read from the chain through the flavour's
 * adapter (OZ `proposalProposer`, Bravo `proposals(id)`), else (older governors without it, or a
 * chain that did not answer) the indexer's ProposalCreated. null when unknown.
 *
 * @example const proposer = await chainProposer("commons", 42n); // "0xf39F…" | null
 */
export async function chainProposer(slug: string, proposalId: bigint): Promise<Address | null> {
  const config = getDaoConfig(slug);
  if (!config) return null;
  const client = getPublicClient(config);
  try {
    // The detected flavour picks the read (GovernorBravo keeps the proposer in proposals(id)).
    const dao = await getDao(slug);
    const read = governorAdapter({
      governor: config.governor,
      token: dao?.token ?? config.token ?? zeroAddress,
      ...(dao ? { flavour: daoFlavourOf(dao.flavour) } : {}),
    }).proposalProposer(proposalId);
    const proposer = readResult(read, await client.readContract(read as never)) as Address;
    return proposer === zeroAddress ? null : getAddress(proposer);
  } catch (chainError) {
    try {
      const indexed = await getIndexer().getProposal(slug, proposalId);
      return getAddress(indexed.proposer.toLowerCase());
    } catch (error) {
      if (error instanceof IndexerNotFoundError) return null;
      throw chainError;
    }
  }
}

/**
 * Whether `address` holds the DAO's voting token or has voting power now, read from the chain in
 * one round trip through the flavour's adapter. Throws when the chain cannot be read.
 *
 * @example const stake = await chainHasStake("commons", "0x7099…"); // true
 */
export async function chainHasStake(slug: string, address: Address): Promise<boolean> {
  const config = getDaoConfig(slug);
  const dao = await getDao(slug);
  if (!config || !dao) return false;
  const adapter = governorAdapter({ governor: dao.governor, token: dao.token, flavour: daoFlavourOf(dao.flavour) });
  const [votes, balance] = await readCalls(getPublicClient(config), [
    preparedRead<bigint>(adapter.votesNow(address)),
    preparedRead<bigint>(adapter.balanceOf(address)),
  ]);
  return BigInt(votes ?? 0n) > 0n || BigInt(balance ?? 0n) > 0n;
}
