/**
 * Compares what the indexer serves for a DAO with what its contracts say now: every proposal's
 * tallies (OZ `proposalVotes`, Bravo's and GovernorAlpha's `proposals(id)`) and voters (`hasVoted`,
 * Bravo/Alpha `getReceipt`),
 * each split vote's parts against its weight, and every delegate's voting power, order, balance and
 * delegate — read through the governor adapter for the DAO's detected flavour. Meant for CI and for spot-checking a real DAO; not part of the Ponder app.
 *
 * Usage: tsx harness/checkAgainstChain.ts [slug] (DAO_CONFIG and INDEXER_URL as for the app).
 * Run it when the indexer has caught up with the chain head and nothing is being mined.
 */
import { pathToFileURL } from "node:url";
import { type Address, createPublicClient, getAddress, type PublicClient, zeroAddress } from "viem";
import { failoverTransport } from "../indexer/rpc/failoverTransport";
import { knownChain } from "../lib/chains";
import { readCommonsConfig } from "../lib/config/readCommonsConfig";
import { resolveDao } from "../lib/config/resolveDao";
import type { DaoConfig } from "../lib/config/schema";
import type { ContractRead } from "../lib/governor/adapter";
import { governorAdapterFor, readResult } from "../lib/governor/families";
import { createIndexerClient, type IndexerClient } from "../lib/indexer/client";
import type { Page } from "../lib/indexer/types";
import type { VoteParts } from "../lib/proposals/voteParts";

async function allPages<T>(read: (offset: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await read(items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/**
 * @example
 * const problems = await checkIndexerAgainstChain(config.daos[0], createIndexerClient());
 * // [] when the indexer agrees with the chain
 */
export async function checkIndexerAgainstChain(dao: DaoConfig, indexer: IndexerClient): Promise<string[]> {
  // Every listed endpoint, with failover and retries, as the indexer reads: one may be down.
  const client = createPublicClient({
    chain: knownChain(dao.chainId),
    transport: failoverTransport(dao.rpcUrls, { retryCount: 5, log: () => undefined }),
  }) as PublicClient;
  const resolved = await resolveDao(dao, client);
  const { token, flavour } = resolved;
  // The governor's and token's reads for its flavour (Bravo's getReceipt, COMP's getCurrentVotes…).
  const adapter = governorAdapterFor(flavour, { governor: dao.governor, token });
  const read = async <T>(call: ContractRead) => readResult(call, await client.readContract(call)) as T;
  // OpenZeppelin's proposalVotes, or the fields of Bravo's / GovernorAlpha's proposals(id) struct.
  const tallies = async (id: bigint): Promise<readonly [bigint, bigint, bigint]> => {
    const votes = await read<VoteParts>(adapter.proposalVotes(id));
    return [votes.againstVotes, votes.forVotes, votes.abstainVotes];
  };
  const problems: string[] = [];

  const proposals = await allPages((offset) => indexer.listProposals(dao.slug, { limit: 100, offset }));
  for (const proposal of proposals) {
    const id = BigInt(proposal.id);
    const [against, forVotes, abstain] = await tallies(id);
    const served = [proposal.againstVotes, proposal.forVotes, proposal.abstainVotes].join("/");
    const onChain = [against, forVotes, abstain].join("/");
    if (served !== onChain) problems.push(`proposal ${id}: tallies ${served} but the governor says ${onChain}`);

    const votes = await allPages((offset) => indexer.listVotes(dao.slug, id, { limit: 100, offset }));
    if (votes.length !== proposal.voteCount) {
      problems.push(`proposal ${id}: voteCount ${proposal.voteCount} but ${votes.length} votes listed`);
    }
    for (const vote of votes) {
      const voted = await read<boolean>(adapter.hasVoted(id, vote.voter as Address));
      if (!voted) problems.push(`proposal ${id}: ${vote.voter} listed as a voter but hasVoted is false`);
      if (vote.split !== null) {
        const parts = BigInt(vote.split.againstVotes) + BigInt(vote.split.forVotes) + BigInt(vote.split.abstainVotes);
        if (parts > BigInt(vote.weight)) {
          problems.push(
            `proposal ${id}: ${vote.voter}'s split adds up to ${parts}, more than its weight ${vote.weight}`,
          );
        }
      }
    }
  }

  const delegates = await allPages((offset) => indexer.listDelegates(dao.slug, { limit: 100, offset }));
  let previous: bigint | undefined;
  for (const delegate of delegates) {
    const address = delegate.address as Address;
    const [votes, balance, delegatee, account] = await Promise.all([
      read<bigint>(adapter.votesNow(address)),
      read<bigint>(adapter.balanceOf(address)),
      read<Address>(adapter.delegates(address)),
      indexer.getAccount(dao.slug, address),
    ]);
    if (delegate.votingPower !== String(votes)) {
      problems.push(`delegate ${address}: votingPower ${delegate.votingPower} but the token says ${votes}`);
    }
    if (previous !== undefined && BigInt(delegate.votingPower) > previous) {
      problems.push(`delegate ${address}: listed after a delegate with less voting power`);
    }
    previous = BigInt(delegate.votingPower);
    if (account.balance !== String(balance)) {
      problems.push(`account ${address}: balance ${account.balance} but balanceOf says ${balance}`);
    }
    if (getAddress(account.delegate ?? zeroAddress) !== getAddress(delegatee)) {
      problems.push(`account ${address}: delegate ${account.delegate} but delegates() says ${delegatee}`);
    }
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const slug = process.argv[2];
  const daos = readCommonsConfig().daos.filter((dao) => slug === undefined || dao.slug === slug);
  const indexer = createIndexerClient();
  let failed = false;
  for (const dao of daos) {
    const problems = await checkIndexerAgainstChain(dao, indexer);
    console.log(`${dao.slug}: ${problems.length === 0 ? "the indexer agrees with the chain" : "MISMATCHES"}`);
    for (const problem of problems) console.log(`  ${problem}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
