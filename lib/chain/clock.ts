/**
 * Turns a governor's clock values (ERC-6372: block numbers or timestamps) into dates a person can
 * read. Block-based deadlines have no date until the block is mined, so they are extrapolated from
 * the head block with the block time the chain has actually shown lately, and marked estimated.
 *
 * Read the context once per page (`readClockContext`, two RPC calls at most) and convert as many
 * values as needed with `clockToDate`, which is pure. The context holds only bigints, numbers and
 * strings, so a server component can pass it to a client component as a prop.
 */
import type { PublicClient } from "viem";

/** How many recent blocks the observed block time is averaged over (fewer on a shorter chain). */
export const blockTimeSampleSize = 100n;

/** Used only when the chain shows no usable block time (a chain of one block, equal timestamps). */
export const fallbackSecondsPerBlock = 12;

export type ClockContext =
  | {
      mode: "blocknumber";
      /** The head block when the context was read. */
      headBlock: bigint;
      /** Its timestamp, in seconds. */
      headTimestamp: bigint;
      /** Average seconds per block over the last `sampledBlocks` blocks; always > 0. */
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
 * the observed seconds per block over the last {@link blockTimeSampleSize} blocks.
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
  const span = headBlock < blockTimeSampleSize ? headBlock : blockTimeSampleSize;
  let secondsPerBlock = fallbackSecondsPerBlock;
  let sampledBlocks = 0;
  if (span > 0n) {
    const past = await client.getBlock({ blockNumber: headBlock - span });
    const observed = Number(head.timestamp - past.timestamp) / Number(span);
    if (Number.isFinite(observed) && observed > 0) {
      secondsPerBlock = observed;
      sampledBlocks = Number(span);
    }
  }
  return { mode: "blocknumber", headBlock, headTimestamp: head.timestamp, secondsPerBlock, sampledBlocks };
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
