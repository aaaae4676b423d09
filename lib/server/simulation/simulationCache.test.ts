import { describe, expect, it } from "vitest";
import type { SimulationReport } from "../../simulation/types";
import { createSimulationCache } from "./simulationCache";

const report = (block: number): SimulationReport =>
  ({ blockNumber: String(block), blockHash: `0x${block.toString(16).padStart(64, "0")}` }) as SimulationReport;

describe("createSimulationCache", () => {
  it("keeps reports by subject and block, the last stored one as the latest", () => {
    const cache = createSimulationCache();
    cache.put("demo:proposal:1", report(10));
    cache.put("demo:proposal:1", report(11));
    expect(cache.latest("demo:proposal:1")?.blockNumber).toBe("11");
    expect(cache.at("demo:proposal:1", report(10).blockHash)?.blockNumber).toBe("10");
    expect(cache.at("demo:proposal:2", report(10).blockHash)).toBeUndefined();
    // Storing an older one again makes it the latest (a page shows what was last made).
    cache.put("demo:proposal:1", report(10));
    expect(cache.latest("demo:proposal:1")?.blockNumber).toBe("10");
  });

  it("is bounded, dropping the oldest", () => {
    const cache = createSimulationCache(2);
    cache.put("a", report(1));
    cache.put("b", report(2));
    cache.put("c", report(3));
    expect(cache.latest("a")).toBeUndefined();
    expect(cache.latest("c")?.blockNumber).toBe("3");
  });

  it("runs one simulation for concurrent asks of the same key", async () => {
    const cache = createSimulationCache();
    let runs = 0;
    const make = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return runs;
    };
    const [first, second] = await Promise.all([cache.once("k", make), cache.once("k", make)]);
    expect([first, second, runs]).toEqual([1, 1, 1]);
    expect(await cache.once("k", make)).toBe(2);
  });
});
