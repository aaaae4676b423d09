import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { delegateCheck, standing } from "./delegationStatus";

const me = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const lina = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const tokens = 20_000n * 10n ** 18n;
const words = { targetLabel: "Lina", tokenSymbol: "COMM" };

describe("standing", () => {
  it("says when a holder's tokens are counted nowhere", () => {
    expect(standing({ account: me, balance: tokens, delegate: null, votes: 0n })).toEqual({ kind: "undelegated" });
    expect(standing({ account: me, balance: tokens, delegate: zeroAddress, votes: 0n })).toEqual({
      kind: "undelegated",
    });
  });

  it("tells self-delegation from delegation to someone else, whatever the address case", () => {
    expect(standing({ account: me, balance: tokens, delegate: me.toLowerCase() as never, votes: tokens })).toEqual({
      kind: "self",
    });
    expect(standing({ account: me, balance: tokens, delegate: lina, votes: 0n })).toEqual({
      kind: "other",
      delegate: lina,
    });
  });

  it("says when there are no tokens, delegated or not", () => {
    expect(standing({ account: me, balance: 0n, delegate: null, votes: 0n })).toEqual({
      kind: "noTokens",
      delegated: false,
    });
    expect(standing({ account: me, balance: 0n, delegate: lina, votes: 5n })).toEqual({
      kind: "noTokens",
      delegated: true,
    });
  });
});

describe("delegateCheck", () => {
  it("disables delegating again to the current delegate, with the reason", () => {
    expect(delegateCheck({ account: me, balance: tokens, delegate: lina, votes: 0n }, lina, words)).toEqual({
      disabledReason: "Your votes are already delegated to Lina.",
      note: null,
    });
    expect(
      delegateCheck({ account: me, balance: tokens, delegate: me, votes: tokens }, me, {
        ...words,
        targetLabel: "yourself",
      }),
    ).toEqual({ disabledReason: "Your votes already count for yourself.", note: null });
  });

  it("allows a change of delegate, and a first delegation", () => {
    expect(delegateCheck({ account: me, balance: tokens, delegate: me, votes: tokens }, lina, words)).toEqual({
      disabledReason: null,
      note: null,
    });
    expect(delegateCheck({ account: me, balance: tokens, delegate: null, votes: 0n }, me, words)).toEqual({
      disabledReason: null,
      note: null,
    });
  });

  it("allows delegating without tokens but says nothing moves yet", () => {
    expect(delegateCheck({ account: me, balance: 0n, delegate: null, votes: 0n }, lina, words)).toEqual({
      disabledReason: null,
      note: "You hold no COMM yet, so delegating moves no votes now; tokens you receive later will count for Lina.",
    });
    expect(delegateCheck({ account: me, balance: 0n, delegate: null, votes: 0n }, me, words).note).toMatch(
      /will count for you\.$/,
    );
  });
});
