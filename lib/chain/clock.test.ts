import { describe, expect, it } from "vitest";
import {
  type ClockClient,
  type ClockContext,
  clockToDate,
  isTimestampClock,
  readClockContext,
  withKnownBlock,
} from "./clock";

/** A chain of `head + 1` blocks whose block n has timestamp `timestampOf(n)`. */
function fakeChain(head: bigint, timestampOf: (n: bigint) => bigint) {
  const requested: string[] = [];
  const client = {
    async getBlock(args?: { blockTag?: string; blockNumber?: bigint }) {
      const number = args?.blockNumber ?? head;
      if (number < 0n || number > head) throw new Error(`no block ${number}`);
      requested.push(args?.blockNumber === undefined ? "latest" : String(number));
      return { number, timestamp: timestampOf(number) };
    },
  } as unknown as ClockClient;
  return { client, requested };
}

describe("isTimestampClock", () => {
  it("reads the ERC-6372 mode", () => {
    expect(isTimestampClock("mode=timestamp")).toBe(true);
    expect(isTimestampClock("mode=blocknumber&from=default")).toBe(false);
    expect(isTimestampClock("")).toBe(false);
  });
});

describe("readClockContext", () => {
  it("takes the median block time of the last 16 blocks, so one long pause does not skew it", async () => {
    // 12 s blocks, except a 3-day jump at block 995.
    const { client, requested } = fakeChain(1000n, (n) => 1_000n + 12n * n + (n >= 995n ? 259_200n : 0n));
    const ctx = await readClockContext(client, "mode=blocknumber&from=default");
    expect(ctx).toEqual({
      mode: "blocknumber",
      headBlock: 1000n,
      headTimestamp: 1_000n + 12_000n + 259_200n,
      secondsPerBlock: 12,
      sampledBlocks: 16,
    });
    expect(requested).toHaveLength(17);
    expect(requested[0]).toBe("latest");
    expect(requested).toContain("984");
  });

  it("uses every block of a chain shorter than the sample", async () => {
    const { client } = fakeChain(10n, (n) => 500n + 3n * n);
    const ctx = await readClockContext(client, "mode=blocknumber&from=default");
    expect(ctx).toMatchObject({ secondsPerBlock: 3, sampledBlocks: 10 });
  });

  it("falls back to the average when most blocks share a timestamp", async () => {
    // Automining devnets put several blocks in the same second: the median interval is 0.
    const { client } = fakeChain(16n, (n) => 500n + (n === 16n ? 32n : 0n));
    expect(await readClockContext(client, "mode=blocknumber")).toMatchObject({ secondsPerBlock: 2, sampledBlocks: 16 });
  });

  it("falls back to 12 s on a chain of one block", async () => {
    const { client } = fakeChain(0n, () => 500n);
    expect(await readClockContext(client, "")).toMatchObject({ headBlock: 0n, secondsPerBlock: 12, sampledBlocks: 0 });
  });

  it("falls back to 12 s when every block has the same timestamp", async () => {
    const { client } = fakeChain(50n, () => 500n);
    expect(await readClockContext(client, "mode=blocknumber")).toMatchObject({ secondsPerBlock: 12, sampledBlocks: 0 });
  });

  it("reuses a client's block time for a minute, reading only the head meanwhile", async () => {
    const { client, requested } = fakeChain(1000n, (n) => 1_000n + 12n * n);
    await readClockContext(client, "mode=blocknumber");
    requested.length = 0;
    expect(await readClockContext(client, "mode=blocknumber")).toMatchObject({
      secondsPerBlock: 12,
      sampledBlocks: 16,
    });
    expect(requested).toEqual(["latest"]);
    // Another client (another chain) measures its own.
    const other = fakeChain(1000n, (n) => 1_000n + 2n * n);
    expect(await readClockContext(other.client, "mode=blocknumber")).toMatchObject({ secondsPerBlock: 2 });
    expect(other.requested).toHaveLength(17);
  });

  it("reads only the head for a timestamp clock", async () => {
    const { client, requested } = fakeChain(1000n, (n) => 1_700_000_000n + n);
    expect(await readClockContext(client, "mode=timestamp")).toEqual({
      mode: "timestamp",
      headTimestamp: 1_700_001_000n,
    });
    expect(requested).toEqual(["latest"]);
  });
});

describe("clockToDate", () => {
  const blocks: ClockContext = {
    mode: "blocknumber",
    headBlock: 1000n,
    headTimestamp: 1_700_000_000n,
    secondsPerBlock: 12.5,
    sampledBlocks: 100,
  };

  it("is exact for the head block", () => {
    expect(clockToDate(1000n, blocks)).toEqual({ date: new Date(1_700_000_000_000), estimated: false });
  });

  it("extrapolates future and past blocks with the observed block time", () => {
    expect(clockToDate(1010n, blocks)).toEqual({ date: new Date(1_700_000_125_000), estimated: true });
    expect(clockToDate(990n, blocks)).toEqual({ date: new Date(1_699_999_875_000), estimated: true });
  });

  it("keeps precision far from the head", () => {
    const date = clockToDate(1000n + 2_000_000n, blocks).date;
    expect(date.getTime()).toBe((1_700_000_000 + 25_000_000) * 1000);
  });

  it("treats a timestamp clock value as a date", () => {
    const ctx: ClockContext = { mode: "timestamp", headTimestamp: 1_700_000_000n };
    expect(clockToDate(1_800_000_000n, ctx)).toEqual({ date: new Date(1_800_000_000_000), estimated: false });
  });

  it("extrapolates from the nearest block whose timestamp is known", () => {
    const ctx = withKnownBlock(blocks, 100n, 1_600_000_000n);
    // Exact at the known block, near it from it (not from the head 900 blocks away)…
    expect(clockToDate(100n, ctx)).toEqual({ date: new Date(1_600_000_000_000), estimated: false });
    expect(clockToDate(110n, ctx)).toEqual({ date: new Date(1_600_000_125_000), estimated: true });
    // …and near the head from the head.
    expect(clockToDate(1001n, ctx).date).toEqual(new Date(1_700_000_012_500));
    expect(withKnownBlock({ mode: "timestamp", headTimestamp: 1n }, 1n, 1n)).toEqual({
      mode: "timestamp",
      headTimestamp: 1n,
    });
  });
});
