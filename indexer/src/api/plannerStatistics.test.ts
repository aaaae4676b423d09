import { describe, expect, it, vi } from "vitest";

// The module reads Ponder's virtual modules at import; only its rule is tested here. The ANALYZE
// itself runs against the large DAO in `npm run bench:scale` (its figures are the evidence).
vi.mock("ponder:api", () => ({ db: {} }));
vi.mock("ponder:schema", () => ({ default: {} }));
vi.mock("ponder", () => ({ sql: () => undefined }));

const { dueForAnalyze, statisticsGrowth } = await import("./plannerStatistics");

describe("dueForAnalyze", () => {
  it("analyzes a database never analyzed, then again once it has grown by half", () => {
    expect(dueForAnalyze(1_000, 0)).toBe(true);
    expect(dueForAnalyze(1_000, 1_000)).toBe(false);
    expect(dueForAnalyze(1_000 * statisticsGrowth - 1, 1_000)).toBe(false);
    expect(dueForAnalyze(1_000 * statisticsGrowth, 1_000)).toBe(true);
  });
});
