import { describe, expect, it } from "vitest";
import { computeParticipation, hadVotingPowerAt, inStretch, type PowerCrossing, powerStretches } from "./participation";

const crossings: PowerCrossing[] = [
  { at: 100n, previousVotes: 0n, newVotes: 50n },
  { at: 200n, previousVotes: 50n, newVotes: 0n },
  { at: 300n, previousVotes: 0n, newVotes: 7n },
];

describe("hadVotingPowerAt", () => {
  it("follows zero crossings, a change counting from the end of its own block", () => {
    expect(hadVotingPowerAt(crossings, 7n, 99n)).toBe(false);
    expect(hadVotingPowerAt(crossings, 7n, 100n)).toBe(true);
    expect(hadVotingPowerAt(crossings, 7n, 199n)).toBe(true);
    expect(hadVotingPowerAt(crossings, 7n, 200n)).toBe(false);
    expect(hadVotingPowerAt(crossings, 7n, 1000n)).toBe(true);
  });

  it("before the first crossing seen, power is what that crossing moved it from", () => {
    // The indexer started after the delegate already had power (history incomplete).
    const later: PowerCrossing[] = [{ at: 500n, previousVotes: 9n, newVotes: 0n }];
    expect(hadVotingPowerAt(later, 0n, 10n)).toBe(true);
    expect(hadVotingPowerAt(later, 0n, 500n)).toBe(false);
  });

  it("without crossings, power has always been as it is now", () => {
    expect(hadVotingPowerAt([], 5n, 1n)).toBe(true);
    expect(hadVotingPowerAt([], 0n, 1n)).toBe(false);
  });
});

describe("computeParticipation", () => {
  const proposal = (id: bigint, voteStart: bigint, voteEnd: bigint, canceled = false) => ({
    id,
    voteStart,
    voteEnd,
    canceled,
  });

  it("counts closed, uncanceled proposals where the delegate had power at the snapshot", () => {
    const result = computeParticipation({
      proposals: [
        proposal(1n, 50n, 60n), // before any power: not eligible
        proposal(2n, 150n, 160n), // eligible, voted
        proposal(3n, 160n, 170n), // eligible, not voted
        proposal(4n, 250n, 260n), // power back to zero: not eligible
        proposal(5n, 310n, 320n, true), // canceled
        proposal(6n, 320n, 400n), // still open at now = 400
        proposal(7n, 330n, 399n), // closed, eligible, voted
      ],
      crossings,
      currentVotes: 7n,
      votedIds: new Set([2n, 6n, 7n]),
      now: 400n,
    });
    expect(result).toEqual({ voted: 2, eligible: 3, missedStreak: 0 });
  });

  it("is 0 of 0 for a delegate with no eligible proposal", () => {
    expect(
      computeParticipation({ proposals: [], crossings: [], currentVotes: 0n, votedIds: new Set(), now: 1n }),
    ).toEqual({ voted: 0, eligible: 0, missedStreak: 0 });
  });

  it("counts the latest eligible proposals missed in a row, by deadline", () => {
    const input = {
      proposals: [proposal(1n, 10n, 20n), proposal(2n, 30n, 40n), proposal(4n, 60n, 70n), proposal(3n, 50n, 60n)],
      crossings: [],
      currentVotes: 5n,
      now: 100n,
    };
    expect(computeParticipation({ ...input, votedIds: new Set([2n]) }).missedStreak).toBe(2);
    expect(computeParticipation({ ...input, votedIds: new Set([4n]) }).missedStreak).toBe(0);
    expect(computeParticipation({ ...input, votedIds: new Set<bigint>() }).missedStreak).toBe(4);
  });

  it("does not count a proposal sharing the deadline of the latest one voted on as missed", () => {
    const input = {
      proposals: [proposal(1n, 10n, 20n), proposal(2n, 12n, 20n), proposal(3n, 30n, 40n)],
      crossings: [],
      currentVotes: 5n,
      now: 100n,
    };
    expect(computeParticipation({ ...input, votedIds: new Set([1n]) }).missedStreak).toBe(1);
  });
});

describe("powerStretches", () => {
  it("says a delegate had power exactly where hadVotingPowerAt does", () => {
    const cases: { crossings: PowerCrossing[]; current: bigint }[] = [
      { crossings: [], current: 0n },
      { crossings: [], current: 5n },
      { crossings: [{ at: 10n, previousVotes: 0n, newVotes: 5n }], current: 5n },
      { crossings: [{ at: 10n, previousVotes: 3n, newVotes: 0n }], current: 0n },
      {
        crossings: [
          { at: 10n, previousVotes: 0n, newVotes: 5n },
          { at: 20n, previousVotes: 5n, newVotes: 0n },
          { at: 30n, previousVotes: 0n, newVotes: 1n },
        ],
        current: 1n,
      },
    ];
    for (const { crossings, current } of cases) {
      const stretches = powerStretches(crossings, current);
      for (let at = 0n; at < 40n; at++) {
        expect(stretches.some((stretch) => inStretch(at, stretch))).toBe(hadVotingPowerAt(crossings, current, at));
      }
    }
  });
});
