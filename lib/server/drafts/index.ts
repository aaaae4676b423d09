/**
 * The app's drafts routes and reads: the real dependencies of ./draftsApi.ts (the app store, SIWE
 * sessions, the DAO config, the DAO's chain) and the loaders the drafts pages use. Each loader turns
 * a store failure into "unavailable" (logged), so a page still renders without it.
 */
import "server-only";
import type { Address } from "viem";
import type { Draft } from "../../drafts/draftInput";
import { rateLimit } from "../appRateLimit";
import { requireSession } from "../auth";
import { chainHasStake, chainProposer } from "../chainReads";
import { getDaoConfig } from "../daos";
import { unavailable } from "../settle";
import { getStore } from "../store";
import type { ApiDeps } from "./draftsApi";
import { getDraft, listDrafts } from "./draftsStore";

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

/** @example const draft = await loadDraft("commons", id); // Draft | null | "unavailable" */
export async function loadDraft(slug: string, id: string): Promise<Draft | null | "unavailable"> {
  return getStore()
    .then((store) => getDraft(store, slug, id))
    .catch(unavailable(`reading draft ${id}`));
}

export async function loadMyDrafts(slug: string, author: Address): Promise<Draft[] | "unavailable"> {
  return getStore()
    .then((store) => listDrafts(store, slug, author))
    .catch(unavailable("listing drafts"));
}
