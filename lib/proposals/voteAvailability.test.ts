import { describe, expect, it } from "vitest";
import { voteAvailability } from "./voteAvailability";

describe("voteAvailability", () => {
  it("is open on an Active proposal to an account with power that has not voted", () => {
    expect(voteAvailability({ state: "Active", hasVoted: false, votingPower: 1n })).toEqual({ status: "open" });
  });

  it("says when voting opens, or that it has ended, whatever the account", () => {
    expect(
      voteAvailability({ state: "Pending", hasVoted: undefined, votingPower: undefined, opensAt: "at block 9" }),
    ).toMatchObject({ status: "closed", reason: "notOpen", message: "Voting opens at block 9." });
    expect(voteAvailability({ state: "Pending", hasVoted: false, votingPower: 1n })).toMatchObject({
      reason: "notOpen",
      message: "Voting has not opened yet.",
    });
    expect(voteAvailability({ state: "Defeated", hasVoted: undefined, votingPower: undefined })).toMatchObject({
      reason: "ended",
      message: "Voting has ended: this proposal was defeated.",
    });
    expect(voteAvailability({ state: "Canceled", hasVoted: false, votingPower: 1n })).toMatchObject({
      reason: "ended",
    });
  });

  it("refuses a second vote before looking at voting power", () => {
    expect(voteAvailability({ state: "Active", hasVoted: true, votingPower: 0n })).toMatchObject({
      reason: "voted",
      message: "You have already voted on this proposal.",
    });
  });

  it("refuses an account without voting power at the snapshot", () => {
    expect(voteAvailability({ state: "Active", hasVoted: false, votingPower: 0n })).toMatchObject({
      reason: "noPower",
    });
  });

  it("waits while anything it needs is unknown", () => {
    expect(voteAvailability({ state: undefined, hasVoted: false, votingPower: 1n })).toEqual({ status: "loading" });
    expect(voteAvailability({ state: "Active", hasVoted: undefined, votingPower: 1n })).toEqual({ status: "loading" });
    expect(voteAvailability({ state: "Active", hasVoted: false, votingPower: undefined })).toEqual({
      status: "loading",
    });
  });
});

describe("voteAvailability under fractional counting", () => {
  const fractional = (usedVotes: bigint | undefined) => ({ usedVotes });

  it("stays open while weight is left, whatever hasVoted says", () => {
    expect(
      voteAvailability({ state: "Active", hasVoted: true, votingPower: 1_000n, fractional: fractional(600n) }),
    ).toEqual({ status: "open" });
    expect(
      voteAvailability({ state: "Active", hasVoted: false, votingPower: 1_000n, fractional: fractional(0n) }),
    ).toEqual({ status: "open" });
  });

  it("closes once all the weight is used", () => {
    expect(
      voteAvailability({ state: "Active", hasVoted: true, votingPower: 1_000n, fractional: fractional(1_000n) }),
    ).toMatchObject({ status: "closed", reason: "voted", message: expect.stringContaining("already voted") });
  });

  it("refuses an account without power, and waits for used votes and power", () => {
    expect(
      voteAvailability({ state: "Active", hasVoted: false, votingPower: 0n, fractional: fractional(0n) }),
    ).toMatchObject({ reason: "noPower" });
    expect(
      voteAvailability({ state: "Active", hasVoted: false, votingPower: 5n, fractional: fractional(undefined) }),
    ).toEqual({ status: "loading" });
    expect(
      voteAvailability({ state: "Active", hasVoted: undefined, votingPower: undefined, fractional: fractional(0n) }),
    ).toEqual({ status: "loading" });
  });

  it("still says when voting opens or has ended", () => {
    expect(
      voteAvailability({ state: "Pending", hasVoted: undefined, votingPower: 1n, fractional: fractional(0n) }),
    ).toMatchObject({ reason: "notOpen" });
    expect(
      voteAvailability({ state: "Succeeded", hasVoted: true, votingPower: 1n, fractional: fractional(1n) }),
    ).toMatchObject({ reason: "ended" });
  });
});
