import { describe, expect, it } from "vitest";
import { boundedCache } from "./boundedCache";

describe("boundedCache", () => {
  it("drops the least recently used entry when full", () => {
    const cache = boundedCache<number>({ maxEntries: 2, ttlMs: 1_000 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("forgets entries once they are older than their age limit", () => {
    let time = 0;
    const cache = boundedCache<string>({ maxEntries: 10, ttlMs: 100, now: () => time });
    cache.set("long", "x");
    cache.set("short", "y", 10);
    time = 50;
    expect(cache.get("short")).toBeUndefined();
    expect(cache.get("long")).toBe("x");
    time = 100;
    expect(cache.get("long")).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
