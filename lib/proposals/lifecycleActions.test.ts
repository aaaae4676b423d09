import { describe, expect, it } from "vitest";
import { type LifecycleInput, lifecycleActions } from "./lifecycleActions";

const proposer = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const someoneElse = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const base: LifecycleInput = {
  state: "Active",
  hasTimelock: true,
  eta: null,
  now: 1_000n,
  account: proposer,
  proposer,
};

describe("lifecycleActions", () => {
  it("queues a Succeeded proposal through the timelock, or executes it without one", () => {
    expect(lifecycleActions({ ...base, state: "Succeeded" })).toEqual([{ kind: "queue" }]);
    expect(lifecycleActions({ ...base, state: "Succeeded", hasTimelock: false })).toEqual([{ kind: "execute" }]);
  });

  it("executes a Queued proposal once the ETA is reached, and counts down before", () => {
    expect(lifecycleActions({ ...base, state: "Queued", eta: 940n })).toEqual([{ kind: "execute" }]);
    expect(lifecycleActions({ ...base, state: "Queued", eta: 1_000n })).toEqual([{ kind: "execute" }]);
    expect(lifecycleActions({ ...base, state: "Queued", eta: 1_060n })).toEqual([
      { kind: "waitForEta", eta: 1_060n, remaining: 60n },
    ]);
  });

  it("lets only the proposer cancel, and only while Pending", () => {
    expect(lifecycleActions({ ...base, state: "Pending" })).toEqual([{ kind: "cancel" }]);
    expect(lifecycleActions({ ...base, state: "Pending", account: proposer.toLowerCase() as never })).toEqual([
      { kind: "cancel" },
    ]);
    expect(lifecycleActions({ ...base, state: "Pending", account: someoneElse })).toEqual([]);
    expect(lifecycleActions({ ...base, state: "Pending", account: undefined })).toEqual([]);
    expect(lifecycleActions({ ...base, state: "Pending", proposer: null })).toEqual([]);
    // GovernorAlpha: a proposer above the threshold cannot cancel their own proposal.
    expect(lifecycleActions({ ...base, state: "Pending", proposerCanCancel: false })).toEqual([]);
    expect(lifecycleActions({ ...base, state: "Active" })).toEqual([]);
  });

  it("offers nothing in the other states", () => {
    for (const state of ["Active", "Canceled", "Defeated", "Expired", "Executed", undefined] as const) {
      expect(lifecycleActions({ ...base, state })).toEqual([]);
    }
  });
});
