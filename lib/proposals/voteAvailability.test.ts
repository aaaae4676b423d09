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
