/**
 * What the analytics page and its CSV downloads read: the indexer's figures for a page of
 * proposals, and the governor's quorum at each of their snapshots (and now) from the chain in one
 * batched call. A chain that does not answer leaves the quorum-based figures out, nothing else.
 */
import "server-only";
import { readQuorums } from "../analytics/readQuorums";
import { getPublicClient } from "../chain/publicClient";
import { adapterOf } from "../governor/writeDao";
import type { IndexedAnalytics } from "../indexer/types";
import { getIndexer } from "./indexer";
import type { LoadedDao } from "./loadDao";
import { type Settled, settle } from "./settle";

export type LoadedAnalytics = {
  analytics: IndexedAnalytics;
  /** Snapshot timepoint → quorum; `now` is read at the clock − 1 of the current figures. */
  quorums: Settled<Map<bigint, bigint | undefined>>;
  nowTimepoint: bigint;
};

/** @example const page = await loadAnalytics(loaded, "demo", { limit: 50, offset: 0 }); */
export async function loadAnalytics(
  loaded: Extract<LoadedDao, { status: "ready" | "chainUnreachable" }>,
  slug: string,
  page: { limit: number; offset: number },
): Promise<LoadedAnalytics> {
  const analytics = await getIndexer().getAnalytics(slug, page);
  const nowTimepoint = BigInt(analytics.now.clock) > 0n ? BigInt(analytics.now.clock) - 1n : 0n;
  const timepoints = [
    nowTimepoint,
    ...analytics.proposals.items.filter((item) => item.snapshot !== null).map((item) => BigInt(item.voteStart)),
  ];
  const quorums: Settled<Map<bigint, bigint | undefined>> =
    loaded.status === "ready"
      ? await settle(
          readQuorums(getPublicClient(loaded.config), adapterOf(loaded.dao), timepoints),
          `reading the quorums of "${slug}"`,
        )
      : { ok: false, error: new Error("the chain is unreachable") };
  return { analytics, quorums, nowTimepoint };
}
