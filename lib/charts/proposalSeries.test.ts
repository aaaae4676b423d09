import { describe, expect, it } from "vitest";
import { niceMax, proposalSeries } from "./proposalSeries";

const box = { width: 100, height: 60, padding: { top: 10, right: 0, bottom: 10, left: 0 } };

describe("proposalSeries", () => {
  it("puts one bar per slot, scaled to max, from the baseline", () => {
    const [bars] = proposalSeries([{ kind: "bar", values: [0.5, 1, undefined, 0] }], 1, box);
    expect(bars?.bars).toEqual([
      { x: 5, y: 30, width: 15, height: 20, slot: 0 },
      { x: 30, y: 10, width: 15, height: 40, slot: 1 },
      { x: 80, y: 50, width: 15, height: 0, slot: 3 },
    ]);
  });

  it("joins line values and breaks at gaps", () => {
    const [line] = proposalSeries([{ kind: "line", values: [0, 2, undefined, 4] }], 4, box);
    expect(line?.line).toBe("M12.5,50L37.5,30M87.5,10");
    expect(line?.dots).toHaveLength(3);
  });

  it("clamps values outside 0..max", () => {
    const [line] = proposalSeries([{ kind: "line", values: [-1, 9] }], 4, box);
    expect(line?.dots.map((dot) => dot.y)).toEqual([50, 10]);
  });
});

describe("niceMax", () => {
  it("rounds up to 1, 2, 5 × a power of ten", () => {
    expect(niceMax(37)).toBe(50);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(101)).toBe(200);
    expect(niceMax(0)).toBe(1);
  });
});
