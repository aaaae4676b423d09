/**
 * The real dependencies of the drafts and discussion-link APIs (the app store, SIWE sessions,
 * the DAO config, the DAO's chain) and the loaders the pages use. Each loader turns a store or
 * chain failure into "unavailable" (logged), so a page still renders without them.
 */
import "server-only";
import { headers } from "next/headers";
import { type Address, getAddress, zeroAddress } from "viem";
import { getPublicClient } from "../../chain/publicClient";
import { readCalls } from "../../chain/readCalls";
import type { Draft } from "../../drafts/draftInput";
import { governorAdapter, preparedRead, readResult } from "../../governor/adapter";
import { daoFlavourOf } from "../../governor/detect";
import { IndexerNotFoundError } from "../../indexer/client";
import type { DiscussionLink } from "../../proposals/discussionLinks";
import { rateLimit } from "../appRateLimit";
import { auth, requireSession } from "../auth";
import { getDao, getDaoConfig } from "../daos";
import { type DiscussionLinkDeps, discussionLinksOf } from "../discussionLinks/discussionLinksApi";
import { getIndexer } from "../indexer";
import { getStore } from "../store";
import type { ApiDeps } from "./draftsApi";
import { draftsOfProposal, getDraft, listDrafts } from "./draftsStore";

/**
 * Who proposed `proposalId` on the DAO's governor: read from the chain through the flavour's
 * adapter (OZ `proposalProposer`, Bravo `proposals(id)`), else (older governors without it, or a
 * chain that did not answer) the indexer's ProposalCreated. null when unknown.
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

function forumHosts(slug: string): readonly string[] | null {
  const config = getDaoConfig(slug);
  return config ? (config.forumHosts ?? []) : null;
}

export async function draftsDeps(): Promise<ApiDeps> {
  return {
    store: await getStore(),
    session: requireSession,
    forumHosts,
    proposer: chainProposer,
    rateLimit,
    hasStake: chainHasStake,
  };
}

export async function discussionLinkDeps(): Promise<DiscussionLinkDeps> {
  return {
    store: await getStore(),
    dao(slug) {
      const config = getDaoConfig(slug);
      return config
        ? { chainId: config.chainId, governor: config.governor, forumHosts: config.forumHosts ?? [] }
        : null;
    },
    proposer: chainProposer,
    // Through the DAO's chain: smart-contract wallets (a Safe) verify with EIP-1271.
    verify(slug, { address, message, signature }) {
      const config = getDaoConfig(slug);
      if (!config) return Promise.resolve(false);
      return getPublicClient(config).verifyMessage({ address, message, signature });
    },
    rateLimit,
  };
}

function logged(what: string) {
  return (error: unknown): "unavailable" => {
    console.error(`[commons] ${what} failed:`, error);
    return "unavailable";
  };
}

/** The signed-in address of the page's request (SIWE session cookie), or null. */
export async function pageSessionAddress(): Promise<Address | null> {
  const incoming = await headers();
  const request = new Request("http://commons.local/", { headers: { cookie: incoming.get("cookie") ?? "" } });
  try {
    return (await auth.getSession(request))?.address ?? null;
  } catch (error) {
    console.error("[commons] reading the session failed:", error);
    return null;
  }
}

/** @example const draft = await loadDraft("commons", id); // Draft | null | "unavailable" */
export async function loadDraft(slug: string, id: string): Promise<Draft | null | "unavailable"> {
  return getStore()
    .then((store) => getDraft(store, slug, id))
    .catch(logged(`reading draft ${id}`));
}

export async function loadMyDrafts(slug: string, author: Address): Promise<Draft[] | "unavailable"> {
  return getStore()
    .then((store) => listDrafts(store, slug, author))
    .catch(logged("listing drafts"));
}

/** What the proposal page adds from the app's store: the drafts it came from and its signed discussion links. */
export async function loadProposalExtras(
  slug: string,
  proposalId: string,
): Promise<{ drafts: Draft[]; links: DiscussionLink[] } | "unavailable"> {
  return getStore()
    .then(async (store) => ({
      drafts: await draftsOfProposal(store, slug, proposalId),
      links: await discussionLinksOf(store, slug, proposalId),
    }))
    .catch(logged(`reading drafts and links of proposal ${proposalId}`));
}
