import { describe, expect, it } from "vitest";
import { stepChart, votingPowerSeries } from "./votingPowerSeries";

const box = { width: 110, height: 60, padding: { top: 5, right: 5, bottom: 5, left: 5 } };

describe("votingPowerSeries", () => {
  it("starts from the power before the first change and ends at now with the current value", () => {
    const series = votingPowerSeries(
      [
        { timestamp: 30, block: 3n, previousVotes: 5n, newVotes: 2n },
        { timestamp: 10, block: 1n, previousVotes: 0n, newVotes: 5n },
      ],
      50,
      7n,
    );
    expect(series).toEqual([
      { timestamp: 10, votes: 0n },
      { timestamp: 10, votes: 5n },
      { timestamp: 30, votes: 2n },
      { timestamp: 50, votes: 7n },
    ]);
  });

  it("is the current value alone without history, and empty without either", () => {
    expect(votingPowerSeries([], 5, 3n)).toEqual([{ timestamp: 5, votes: 3n }]);
    expect(votingPowerSeries([], 5)).toEqual([]);
  });
});

describe("stepChart", () => {
  it("draws horizontal then vertical steps scaled to the box", () => {
    const chart = stepChart(
      [
        { timestamp: 0, votes: 0n },
        { timestamp: 0, votes: 10n },
        { timestamp: 50, votes: 5n },
        { timestamp: 100, votes: 5n },
      ],
      box,
    );
    expect(chart?.line).toBe("M5,55H5V5H55V30H105V30");
    expect(chart?.area).toBe("M5,55H5V5H55V30H105V30V55H5Z");
    expect(chart?.maxVotes).toBe(10n);
  });

  it("keeps 18-decimal amounts exact enough and draws a flat line for one reading", () => {
    const big = 10n ** 24n;
    expect(stepChart([{ timestamp: 7, votes: big }], box)?.line).toBe("M5,5H105");
    expect(stepChart([{ timestamp: 7, votes: 0n }], box)?.line).toBe("M5,55H105");
    expect(stepChart([], box)).toBeUndefined();
  });
});
