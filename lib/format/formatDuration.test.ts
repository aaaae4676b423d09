import { describe, expect, it } from "vitest";
import { formatDuration } from "./formatDuration";

describe("formatDuration", () => {
  it("uses the two largest adjacent units", () => {
    expect(formatDuration(120)).toBe("2 minutes");
    expect(formatDuration(1)).toBe("1 second");
    expect(formatDuration(90_061)).toBe("1 day 1 hour");
    expect(formatDuration(7 * 86_400)).toBe("1 week");
    expect(formatDuration(86_400 + 300)).toBe("1 day");
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59)).toBe("3 days 4 hours");
    expect(formatDuration(720.4)).toBe("12 minutes");
    expect(formatDuration(400n * 86_400n)).toBe("1 year 5 weeks");
  });

  it("handles zero, negatives and one-part output", () => {
    expect(formatDuration(0)).toBe("0 seconds");
    expect(formatDuration(-60)).toBe("1 minute");
    expect(formatDuration(90_061, 1)).toBe("1 day");
    expect(formatDuration(Number.NaN)).toBe("0 seconds");
  });
});
