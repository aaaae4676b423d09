import { describe, expect, it } from "vitest";
import type { IndexerStatus } from "./client";
import { type BlockStamp, describeIndexLag, readIndexLag } from "./indexLag";

const governor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";

/** A chain with a block every 12 s from block 0 at t = 1,000,000, headed at `head`. */
function deps(head: bigint, indexedBlock: string | null, slug = "demo") {
  const status: IndexerStatus = { daos: [{ slug, chainId: 1, governor, indexedBlock }] };
  const stamp = (number: bigint): BlockStamp => ({ number, timestamp: 1_000_000n + number * 12n });
  return {
    status: async () => status,
    block: async (at: bigint | "latest") => stamp(at === "latest" ? head : at),
  };
}

describe("readIndexLag", () => {
  it("is current within a couple of blocks or a minute of the head", async () => {
    expect((await readIndexLag(deps(1_000n, "999"), "demo")).kind).toBe("current");
    expect((await readIndexLag(deps(1_000n, "996"), "demo")).kind).toBe("current");
  });

  it("says how far behind, in blocks and time", async () => {
    const lag = await readIndexLag(deps(10_000n, "7950"), "demo");
    expect(lag).toEqual({ kind: "behind", indexedBlock: 7_950n, headBlock: 10_000n, blocks: 2_050n, seconds: 24_600 });
    if (lag.kind !== "behind") throw new Error("not behind");
    expect(describeIndexLag(lag)).toBe("The index is 2,050 blocks behind the chain (about 6 hours 50 minutes)");
  });

  it("tells a backfill that has not started from a DAO the indexer does not serve", async () => {
    expect(await readIndexLag(deps(5n, null), "demo")).toEqual({ kind: "notStarted", headBlock: 5n });
    expect(await readIndexLag(deps(5n, "5", "other"), "demo")).toEqual({ kind: "unknownDao" });
  });
});
