/**
 * Turns a governor's clock values (ERC-6372: block numbers or timestamps) into dates a person can
 * read. Block-based deadlines have no date until the block is mined, so they are extrapolated from
 * the head block with the block time the chain has actually shown lately, and marked estimated.
 *
 * Read the context once per page (`readClockContext`, the head and up to 16 recent blocks) and convert as many
 * values as needed with `clockToDate`, which is pure. The context holds only bigints, numbers and
 * strings, so a server component can pass it to a client component as a prop.
 */
import type { PublicClient } from "viem";

/** How many recent block intervals the observed block time is the median of (fewer on a shorter chain). */
export const blockTimeSampleSize = 16n;

/** Used only when the chain shows no usable block time (a chain of one block, equal timestamps). */
export const fallbackSecondsPerBlock = 12;

export type ClockContext =
  | {
      mode: "blocknumber";
      /** The head block when the context was read. */
      headBlock: bigint;
      /** Its timestamp, in seconds. */
      headTimestamp: bigint;
      /** Median seconds per block over the last `sampledBlocks` intervals; always > 0. */
      secondsPerBlock: number;
      /** How many blocks the average covers; 0 when `secondsPerBlock` is the fallback. */
      sampledBlocks: number;
      /**
       * Other blocks whose timestamps are known exactly (e.g. a proposal's creation block, from
       * the indexer): dates near them are extrapolated from them rather than from the head.
       */
      knownBlocks?: readonly { block: bigint; timestamp: bigint }[];
    }
  | {
      mode: "timestamp";
      /** The head block's timestamp, in seconds: "now" as the chain sees it. */
      headTimestamp: bigint;
    };

/** The one client method this module needs, so both viem and wagmi clients fit. */
export type ClockClient = Pick<PublicClient, "getBlock">;

/**
 * True when an ERC-6372 `CLOCK_MODE()` string says the clock is a timestamp. Anything else
 * (`mode=blocknumber&from=default`, or a governor that predates ERC-6372) is a block clock.
 *
 * @example isTimestampClock("mode=timestamp") // true
 */
export function isTimestampClock(clockMode: string): boolean {
  return new URLSearchParams(clockMode).get("mode") === "timestamp";
}

/**
 * Reads what `clockToDate` needs: the head block (number and timestamp) and, for a block clock,
 * the median seconds per block over the last {@link blockTimeSampleSize} blocks (read in parallel,
 * then reused for {@link blockTimeTtlMs} by the same client: one request per page view after that).
 *
 * Limitation: a block clock `from` another chain (e.g. an L2 governor counting L1 blocks) is
 * measured on the client's own chain.
 *
 * @example
 * const clock = await readClockContext(client, dao.clockMode);
 * clockToDate(proposal.voteEnd, clock); // { date: 2026-11-12T14:03:00Z, estimated: true }
 */
export async function readClockContext(client: ClockClient, clockMode: string): Promise<ClockContext> {
  const head = await client.getBlock({ blockTag: "latest" });
  if (isTimestampClock(clockMode)) return { mode: "timestamp", headTimestamp: head.timestamp };
  const headBlock = head.number;
  const cached = blockTimes.get(client);
  const sample =
    cached !== undefined && cached.expires > Date.now() && headBlock >= cached.headBlock
      ? cached
      : await sampleBlockTime(client, headBlock, head.timestamp);
  if (sample !== cached) blockTimes.set(client, { ...sample, headBlock, expires: Date.now() + blockTimeTtlMs });
  return {
    mode: "blocknumber",
    headBlock,
    headTimestamp: head.timestamp,
    secondsPerBlock: sample.secondsPerBlock,
    sampledBlocks: sample.sampledBlocks,
  };
}

/**
 * How long a chain's measured block time is reused (per client): a block time changes over hours,
 * not seconds, and re-measuring costs a request of 16 blocks on every page view.
 */
export const blockTimeTtlMs = 60_000;

type BlockTimeSample = { secondsPerBlock: number; sampledBlocks: number };
const blockTimes = new WeakMap<ClockClient, BlockTimeSample & { headBlock: bigint; expires: number }>();

async function sampleBlockTime(
  client: ClockClient,
  headBlock: bigint,
  headTimestamp: bigint,
): Promise<BlockTimeSample> {
  const span = headBlock < blockTimeSampleSize ? headBlock : blockTimeSampleSize;
  if (span === 0n) return { secondsPerBlock: fallbackSecondsPerBlock, sampledBlocks: 0 };
  // The median interval, not the average: one long pause (a halted chain, a devnet's time
  // jump) would otherwise stretch every estimate for as long as it stays in the window.
  const older = await Promise.all(
    Array.from({ length: Number(span) }, (_, index) => client.getBlock({ blockNumber: headBlock - BigInt(index + 1) })),
  );
  const timestamps = [headTimestamp, ...older.map((block) => block.timestamp)];
  const intervals = timestamps
    .slice(0, -1)
    .map((timestamp, index) => Number(timestamp - (timestamps[index + 1] ?? timestamp)))
    .sort((a, b) => a - b);
  const middle = intervals.length / 2;
  const median =
    intervals.length % 2 === 1
      ? (intervals[Math.floor(middle)] ?? 0)
      : ((intervals[middle - 1] ?? 0) + (intervals[middle] ?? 0)) / 2;
  const mean = Number(headTimestamp - (older.at(-1)?.timestamp ?? headTimestamp)) / Number(span);
  const observed = median > 0 ? median : mean;
  if (Number.isFinite(observed) && observed > 0) return { secondsPerBlock: observed, sampledBlocks: Number(span) };
  return { secondsPerBlock: fallbackSecondsPerBlock, sampledBlocks: 0 };
}

/**
 * The date of a clock value. Timestamp clocks are exact. Block clocks are exact for the head block
 * and the context's `knownBlocks`; any other block (past or future) is extrapolated, with the
 * observed block time, from the nearest of those, and comes back `estimated: true`.
 *
 * @example
 * clockToDate(1_800_000_000n, { mode: "timestamp", headTimestamp: 1_700_000_000n })
 * // { date: 2027-01-15T08:00:00.000Z, estimated: false }
 * clockToDate(110n, { mode: "blocknumber", headBlock: 100n, headTimestamp: 1_700_000_000n, secondsPerBlock: 12, sampledBlocks: 100 })
 * // { date: 1_700_000_120 s, estimated: true }
 */
export function clockToDate(value: bigint, ctx: ClockContext): { date: Date; estimated: boolean } {
  if (ctx.mode === "timestamp") return { date: new Date(Number(value) * 1000), estimated: false };
  const distance = (block: bigint) => (value > block ? value - block : block - value);
  let anchor = { block: ctx.headBlock, timestamp: ctx.headTimestamp };
  for (const known of ctx.knownBlocks ?? []) {
    if (distance(known.block) < distance(anchor.block)) anchor = known;
  }
  const seconds = Number(anchor.timestamp) + Number(value - anchor.block) * ctx.secondsPerBlock;
  return { date: new Date(Math.round(seconds * 1000)), estimated: value !== anchor.block };
}

/**
 * The same context, also knowing one block's exact timestamp (for a block clock; a timestamp
 * clock needs none). Cheap: meant to be called per row of a list.
 *
 * @example
 * const rowClock = withKnownBlock(clock, BigInt(p.createdBlock), BigInt(p.createdTimestamp));
 * clockToDate(BigInt(p.voteEnd), rowClock); // extrapolated from the creation block, not the head
 */
export function withKnownBlock(ctx: ClockContext, block: bigint, timestamp: bigint): ClockContext {
  if (ctx.mode === "timestamp") return ctx;
  return { ...ctx, knownBlocks: [...(ctx.knownBlocks ?? []), { block, timestamp }] };
}
