/**
 * The app's discussion-link routes and reads: the real dependencies of ./discussionLinksApi.ts and
 * what the proposal page adds from the app's store (the drafts it came from and its signed links).
 */
import "server-only";
import { getPublicClient } from "../../chain/publicClient";
import type { Draft } from "../../drafts/draftInput";
import type { DiscussionLink } from "../../proposals/discussionLinks";
import { rateLimit } from "../appRateLimit";
import { chainProposer } from "../chainReads";
import { getDaoConfig } from "../daos";
import { draftsOfProposal } from "../drafts/draftsStore";
import { unavailable } from "../settle";
import { getStore } from "../store";
import { type DiscussionLinkDeps, discussionLinksOf } from "./discussionLinksApi";

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
    .catch(unavailable(`reading drafts and links of proposal ${proposalId}`));
}
