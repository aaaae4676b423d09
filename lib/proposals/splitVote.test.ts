import { describe, expect, it } from "vitest";
import {
  checkSplit,
  combineVotes,
  describeSplit,
  emptySplitInputs,
  fillRest,
  formatVotes,
  latestVote,
  plainAmount,
  remainingWeight,
  splitLeftText,
  splitVoteText,
  type VoteUnit,
} from "./splitVote";
import type { CastVote } from "./voteFromReceipt";

const e18 = 10n ** 18n;
const gov: VoteUnit = { decimals: 18, symbol: "GOV", kind: "erc20votes" };
const nft: VoteUnit = { decimals: 0, symbol: "CNFT", kind: "erc721votes" };
const usdc: VoteUnit = { decimals: 6, symbol: "vUSDC" };

describe("remainingWeight", () => {
  it("is the power at the snapshot minus what was used, never below 0", () => {
    expect(remainingWeight(1_000n, 600n)).toBe(400n);
    expect(remainingWeight(1_000n, 0n)).toBe(1_000n);
    expect(remainingWeight(5n, 9n)).toBe(0n);
    expect(remainingWeight(undefined, 0n)).toBeUndefined();
    expect(remainingWeight(5n, undefined)).toBeUndefined();
  });
});

describe("checkSplit", () => {
  it("reads token units exactly and says what is left", () => {
    const check = checkSplit({ for: "600.5", against: "1,000", abstain: "" }, { unit: gov, remaining: 2_000n * e18 });
    expect(check).toMatchObject({
      ok: true,
      error: null,
      split: { forVotes: 600_500_000_000_000_000_000n, againstVotes: 1_000n * e18, abstainVotes: 0n },
      total: 1_600_500_000_000_000_000_000n,
      left: 399_500_000_000_000_000_000n,
    });
    expect(check.fields).toEqual({ for: null, against: null, abstain: null });
    // 0.1 is exact, no floating point.
    expect(checkSplit({ ...emptySplitInputs, abstain: "0.1" }, { unit: gov, remaining: e18 }).split?.abstainVotes).toBe(
      100_000_000_000_000_000n,
    );
  });

  it("allows using exactly what is left", () => {
    expect(checkSplit({ for: "600", against: "300", abstain: "100" }, { unit: nft, remaining: 1_000n })).toMatchObject({
      ok: true,
      left: 0n,
    });
  });

  it("refuses negative amounts, too many decimals and text, per field", () => {
    const check = checkSplit({ for: "-1", against: "0.0000001", abstain: "lots" }, { unit: usdc, remaining: 10n });
    expect(check).toMatchObject({ ok: false, split: null, total: 0n, error: null });
    expect(check.fields.for).toBe("For: must not be negative");
    expect(check.fields.against).toBe("Against: has more than 6 decimal places (vUSDC has 6)");
    expect(check.fields.abstain).toMatch(/^Abstain: must be a number of vUSDC/);
  });

  it("asks an NFT DAO's voter for whole votes", () => {
    const check = checkSplit({ for: "1.5", against: "2.0", abstain: "" }, { unit: nft, remaining: 10n });
    expect(check.fields.for).toBe("For: must be a whole number of votes");
    expect(check.fields.against).toBeNull();
  });

  it("refuses a split over the weight left, and one of nothing", () => {
    const over = checkSplit({ for: "600", against: "500", abstain: "" }, { unit: gov, remaining: 1_000n * e18 });
    expect(over).toMatchObject({ ok: false, left: -100n * e18 });
    expect(over.error).toBe("The split adds up to 1,100 GOV, more than the 1,000 GOV you have left.");
    const votes = checkSplit({ for: "2", against: "2", abstain: "" }, { unit: nft, remaining: 3n });
    expect(votes.error).toBe("The split adds up to 4 votes, more than the 3 votes you have left.");
    const zero = checkSplit({ for: "0", against: "", abstain: "0.000" }, { unit: gov, remaining: 1n });
    expect(zero).toMatchObject({ ok: false, total: 0n });
    expect(zero.error).toBe("Enter an amount for at least one of For, Against or Abstain.");
  });

  it("counts what it can read toward the total, and still says when that is too much", () => {
    const check = checkSplit({ for: "x", against: "7", abstain: "" }, { unit: nft, remaining: 5n });
    expect(check).toMatchObject({ ok: false, split: null, total: 7n, left: -2n });
    expect(check.error).toMatch(/more than the 5 votes you have left/);
    expect(checkSplit({ for: "x", against: "", abstain: "" }, { unit: nft, remaining: 5n }).error).toBeNull();
  });

  it("is not ready while the weight left is unknown", () => {
    expect(checkSplit({ ...emptySplitInputs, for: "1" }, { unit: gov, remaining: undefined })).toMatchObject({
      ok: false,
      error: null,
      left: null,
      total: e18,
    });
  });

  it("refuses amounts that do not fit the uint128 params", () => {
    const check = checkSplit(
      { ...emptySplitInputs, for: (2n ** 128n).toString() },
      { unit: nft, remaining: 2n ** 200n },
    );
    expect(check.fields.for).toBe("For: is too large");
  });
});

describe("splitLeftText", () => {
  it("says how much is left of the weight left, or how far over", () => {
    const left = (inputs: Partial<typeof emptySplitInputs>, remaining: bigint, unit: VoteUnit) =>
      splitLeftText(checkSplit({ ...emptySplitInputs, ...inputs }, { unit, remaining }), remaining, unit);
    expect(left({ for: "6" }, 10n, nft)).toBe("4 of 10 votes left");
    expect(left({}, 1n, nft)).toBe("1 of 1 vote left");
    expect(left({ for: "600", against: "0.5" }, 1_000n * e18, gov)).toBe("399.5 of 1,000 GOV left");
    expect(left({ for: "0.000001" }, e18, gov)).toBe("0.999999 of 1 GOV left");
    expect(left({ for: "12" }, 10n, nft)).toBe("2 votes over the 10 votes you have left");
    expect(splitLeftText({ left: null }, 10n, nft)).toBe("10 votes left");
  });
});

describe("formatting votes", () => {
  it("words NFT weights as whole votes and token weights with the symbol", () => {
    expect(formatVotes(3n, nft)).toBe("3 votes");
    expect(formatVotes(1n, nft)).toBe("1 vote");
    expect(formatVotes(0n, nft)).toBe("0 votes");
    expect(formatVotes(1_234_500n * 10n ** 15n, gov)).toBe("1,234.5 GOV");
    expect(formatVotes(123_456_789n, usdc, { exact: true })).toBe("123.456789 vUSDC");
  });

  it("shows a split with all three sides", () => {
    expect(describeSplit({ forVotes: 600n, againstVotes: 300n, abstainVotes: 100n }, nft)).toBe(
      "For 600 · Against 300 · Abstain 100",
    );
    expect(describeSplit({ forVotes: 1_000n * e18, againstVotes: 0n, abstainVotes: 0n }, gov)).toBe(
      "For 1,000 · Against 0 · Abstain 0",
    );
  });

  it("says so when a split's parts could not be read", () => {
    const base = { support: 255, weight: "1000" };
    expect(splitVoteText({ ...base, split: null }, nft)).toBe("a split whose parts could not be read");
    expect(splitVoteText({ ...base, split: { forVotes: "600", againstVotes: "300", abstainVotes: "0" } }, nft)).toBe(
      "For 600 · Against 300 · Abstain 0 · 100 unreadable",
    );
    expect(splitVoteText({ ...base, split: { forVotes: "0", againstVotes: "0", abstainVotes: "0" } }, nft)).toBe(
      "a split whose parts could not be read",
    );
    expect(splitVoteText({ support: 1, weight: "5", split: null }, nft)).toBeNull();
    expect(splitVoteText({ support: 1, weight: "5" }, nft)).toBeNull();
  });
});

describe("combineVotes", () => {
  const vote = (support: number, weight: string, split: CastVote["split"] = null, reason = ""): CastVote => ({
    support,
    weight,
    reason,
    tx: `0x${weight}`,
    split,
  });

  it("adds a split to a split, and a nominal rest to its side", () => {
    const first = vote(255, "600", { forVotes: "400", againstVotes: "200", abstainVotes: "0" }, "Mostly yes");
    const second = vote(255, "300", { forVotes: "0", againstVotes: "100", abstainVotes: "200" });
    const both = combineVotes(first, second);
    expect(both).toEqual({
      support: 255,
      weight: "900",
      reason: "Mostly yes",
      tx: "0x300",
      split: { forVotes: "400", againstVotes: "300", abstainVotes: "200" },
    });
    expect(combineVotes(both, vote(1, "100", null, "The rest For")).split).toEqual({
      forVotes: "500",
      againstVotes: "300",
      abstainVotes: "200",
    });
  });

  it("keeps two nominal votes for one side nominal, and splits two sides", () => {
    expect(combineVotes(vote(1, "5"), vote(1, "7"))).toMatchObject({ support: 1, weight: "12", split: null });
    expect(combineVotes(vote(1, "5"), vote(0, "7"))).toMatchObject({
      support: 255,
      split: { forVotes: "5", againstVotes: "7", abstainVotes: "0" },
    });
  });

  it("counts unreadable parts nowhere", () => {
    expect(combineVotes(vote(255, "5"), vote(255, "7"))).toMatchObject({ support: 255, weight: "12", split: null });
    expect(combineVotes(vote(255, "5"), vote(2, "7"))).toMatchObject({
      weight: "12",
      split: { forVotes: "0", againstVotes: "0", abstainVotes: "7" },
    });
  });
});

describe("latestVote", () => {
  const vote = (tx: string, weight: string, support = 1): CastVote => ({
    support,
    weight,
    reason: "",
    tx,
    split: null,
  });

  it("is the indexed vote plus the votes cast here after it", () => {
    const indexed = vote("0xA", "10");
    expect(latestVote(indexed, [])).toBe(indexed);
    // The index has the first vote cast here, not the second yet.
    expect(latestVote(indexed, [vote("0xa", "10"), vote("0xb", "5", 0)])).toMatchObject({
      weight: "15",
      tx: "0xb",
      split: { forVotes: "10", againstVotes: "5", abstainVotes: "0" },
    });
    // The index has caught up with everything.
    expect(latestVote(vote("0xb", "15"), [vote("0xa", "10"), vote("0xb", "5")])).toMatchObject({ weight: "15" });
    // The index has only votes from before the page was opened.
    expect(latestVote(indexed, [vote("0xc", "1")])).toMatchObject({ weight: "11", tx: "0xc" });
  });

  it("is the votes cast here while the index has none", () => {
    expect(latestVote(null, [])).toBeNull();
    expect(latestVote(null, [vote("0xa", "2"), vote("0xb", "3")])).toMatchObject({ weight: "5", tx: "0xb" });
  });
});

describe("fillRest", () => {
  it("puts what the other sides leave into one side, exactly", () => {
    expect(fillRest({ for: "6", against: "", abstain: "" }, "against", 10n, nft)).toEqual({
      for: "6",
      against: "4",
      abstain: "",
    });
    expect(
      fillRest({ for: "1,000", against: "x", abstain: "9" }, "abstain", 1_234_500_000_000_000_000_000n, gov),
    ).toEqual({
      for: "1,000",
      against: "x",
      abstain: "234.5",
    });
    expect(fillRest(emptySplitInputs, "for", 123_456_789n, usdc).for).toBe("123.456789");
  });

  it("changes nothing when the other sides already take more than is left", () => {
    const inputs = { for: "11", against: "", abstain: "" };
    expect(fillRest(inputs, "against", 10n, nft)).toBe(inputs);
  });

  it("writes amounts the way they are typed", () => {
    expect(plainAmount(1_234_500_000n, usdc)).toBe("1234.5");
    expect(plainAmount(1_000n * e18, gov)).toBe("1000");
    expect(plainAmount(7n, nft)).toBe("7");
    expect(plainAmount(1n, gov)).toBe("0.000000000000000001");
  });
});
