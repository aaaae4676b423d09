/**
 * How far the index lags the chain, for the DAO pages' notice: the block the indexer last
 * processed for the DAO against the chain's head, in blocks and in time (the two blocks'
 * timestamps). Lists, votes and history come from the index; states, tallies and voting power from
 * the chain — so a lagging index is worth saying, with how much it lags.
 */
import { formatDuration } from "../format/formatDuration";
import type { IndexerStatus } from "./client";

export type BlockStamp = { number: bigint; timestamp: bigint };

export type IndexLag =
  /** Within `behindAfter` of the head. */
  | { kind: "current"; indexedBlock: bigint; headBlock: bigint }
  | { kind: "behind"; indexedBlock: bigint; headBlock: bigint; blocks: bigint; seconds: number }
  /** The indexer has no block of this DAO's chain yet (a backfill just started). */
  | { kind: "notStarted"; headBlock: bigint }
  /** The indexer does not serve this DAO (another config). */
  | { kind: "unknownDao" };

export type IndexLagDeps = {
  status(): Promise<IndexerStatus>;
  /** A block's number and timestamp; "latest" for the head. */
  block(at: bigint | "latest"): Promise<BlockStamp>;
};

/** Lag below both is normal (the indexer follows a block or two behind). */
export const behindAfter = { blocks: 3n, seconds: 60 } as const;

/**
 * Throws what the indexer or the chain threw (the pages say those themselves).
 *
 * @example
 * const lag = await readIndexLag({ status: () => indexer.status(), block }, "demo");
 * if (lag.kind === "behind") say(describeIndexLag(lag));
 */
export async function readIndexLag(deps: IndexLagDeps, slug: string): Promise<IndexLag> {
  const [status, head] = await Promise.all([deps.status(), deps.block("latest")]);
  const dao = status.daos.find((candidate) => candidate.slug === slug);
  if (!dao) return { kind: "unknownDao" };
  if (dao.indexedBlock === null) return { kind: "notStarted", headBlock: head.number };
  const indexedBlock = BigInt(dao.indexedBlock);
  const blocks = head.number - indexedBlock;
  if (blocks < behindAfter.blocks) return { kind: "current", indexedBlock, headBlock: head.number };
  const indexed = await deps.block(indexedBlock);
  const seconds = Math.max(0, Number(head.timestamp - indexed.timestamp));
  if (seconds < behindAfter.seconds) return { kind: "current", indexedBlock, headBlock: head.number };
  return { kind: "behind", indexedBlock, headBlock: head.number, blocks, seconds };
}

/**
 * @example describeIndexLag({ kind: "behind", blocks: 1234n, seconds: 2460, … })
 * // "The index is 1,234 blocks behind the chain (about 41 minutes)"
 */
export function describeIndexLag(lag: Extract<IndexLag, { kind: "behind" }>): string {
  const blocks = `${lag.blocks.toLocaleString("en-US")} block${lag.blocks === 1n ? "" : "s"}`;
  return `The index is ${blocks} behind the chain (about ${formatDuration(lag.seconds)})`;
}
