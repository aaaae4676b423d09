/**
 * The index's lag behind a DAO's chain for the pages (lib/indexer/indexLag.ts), asked at most every
 * few seconds per DAO and never holding a page up for long: when the indexer or the chain cannot
 * answer, the pages say so themselves, and this says nothing.
 */
import "server-only";
import { getPublicClient } from "../chain/publicClient";
import type { DaoConfig } from "../config/schema";
import { type IndexLag, readIndexLag } from "../indexer/indexLag";
import { getIndexer } from "./indexer";

const reuseMs = 5_000;
const waitMs = 3_000;
const recent = new Map<string, { at: number; lag: Promise<IndexLag | null> }>();

/** @example const lag = await loadIndexLag(config); if (lag?.kind === "behind") … */
export function loadIndexLag(config: DaoConfig): Promise<IndexLag | null> {
  const now = Date.now();
  const cached = recent.get(config.slug);
  if (cached && now - cached.at < reuseMs) return cached.lag;
  const client = getPublicClient(config);
  const lag = readIndexLag(
    {
      status: () => getIndexer().status(),
      block: async (at) => {
        const block = await client.getBlock(at === "latest" ? { blockTag: "latest" } : { blockNumber: at });
        return { number: block.number ?? 0n, timestamp: block.timestamp };
      },
    },
    config.slug,
  ).catch(() => null);
  recent.set(config.slug, { at: now, lag });
  return Promise.race([lag, new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref())]);
}
