import { describe, expect, it } from "vitest";
import { formatDate } from "./formatDate";

describe("formatDate", () => {
  it("shows the UTC day", () => {
    expect(formatDate(new Date("2026-11-12T23:59:00Z"))).toBe("Nov 12, 2026");
    expect(formatDate(new Date("2026-11-12T00:04:00Z"), { time: true })).toBe("Nov 12, 2026, 00:04 UTC");
  });

  it("says nothing sensible about an invalid date", () => {
    expect(formatDate(new Date(Number.NaN))).toBe("—");
  });
});
