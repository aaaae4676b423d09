import { describe, expect, it } from "vitest";
import {
  deadlineExtension,
  expiredNote,
  extensionNote,
  lateQuorumReason,
  proposalTimeline,
  type TimelineInput,
} from "./proposalTimeline";

const tx = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const base: TimelineInput = {
  state: "Active",
  clock: 130n,
  created: { block: 110n, timestamp: 1_700_000_000n, tx: tx(1) },
  snapshot: 120n,
  deadline: 180n,
  queued: null,
  eta: null,
  executed: null,
  canceled: null,
};

const summary = (input: TimelineInput) => proposalTimeline(input).map((step) => `${step.label}:${step.done}`);

describe("proposalTimeline", () => {
  it("shows an active proposal's voting window", () => {
    expect(summary(base)).toEqual(["Created:true", "Voting started:true", "Voting ends:false"]);
    expect(proposalTimeline(base)[0]).toMatchObject({ block: 110n, timestamp: 1_700_000_000n, tx: tx(1) });
  });

  it("shows a pending proposal's future start", () => {
    expect(summary({ ...base, state: "Pending", clock: 115n })).toEqual([
      "Created:true",
      "Voting starts:false",
      "Voting ends:false",
    ]);
  });

  it("shows an executed proposal through queue (with ETA) and execution", () => {
    const steps = proposalTimeline({
      ...base,
      state: "Executed",
      clock: 300n,
      queued: { block: 185n, tx: tx(2) },
      eta: 1_700_001_000n,
      executed: { block: 200n, tx: tx(3) },
    });
    expect(steps.map((step) => step.label)).toEqual([
      "Created",
      "Voting started",
      "Voting ended",
      "Queued",
      "Executed",
    ]);
    expect(steps[3]).toMatchObject({ block: 185n, tx: tx(2), note: "Executable from the ETA." });
    expect(steps[4]).toMatchObject({ block: 200n, tx: tx(3), done: true });
  });

  it("shows a queued proposal's execution still to come at its ETA", () => {
    const steps = proposalTimeline({
      ...base,
      state: "Queued",
      clock: 300n,
      queued: { block: 185n, tx: tx(2) },
      eta: 1_700_001_000n,
    });
    expect(steps.at(-1)).toMatchObject({ key: "executed", label: "Execution", done: false, timestamp: 1_700_001_000n });
  });

  it("shows a defeated and a succeeded proposal's outcome", () => {
    expect(summary({ ...base, state: "Defeated", clock: 300n }).at(-1)).toBe("Defeated:true");
    expect(summary({ ...base, state: "Succeeded", clock: 300n }).at(-1)).toBe("Succeeded:true");
    expect(summary({ ...base, state: "Expired", clock: 300n, queued: { block: 185n, tx: null }, eta: 1n }).at(-1)).toBe(
      "Expired:true",
    );
  });

  it("ends at cancellation, before voting ended when it was cancelled early", () => {
    const steps = proposalTimeline({ ...base, state: "Canceled", clock: 115n, canceled: { block: 112n, tx: tx(4) } });
    expect(steps.map((step) => step.label)).toEqual(["Created", "Voting starts", "Canceled"]);
    expect(steps.at(-1)).toMatchObject({ block: 112n, tx: tx(4) });
  });

  it("explains a cancellation without a governor event (timelock canceller)", () => {
    const steps = proposalTimeline({
      ...base,
      state: "Canceled",
      clock: 300n,
      queued: { block: 185n, tx: tx(2) },
      eta: 5n,
    });
    expect(steps.map((step) => step.label)).toEqual([
      "Created",
      "Voting started",
      "Voting ended",
      "Queued",
      "Canceled",
    ]);
    expect(steps.at(-1)).toMatchObject({ key: "canceled", note: expect.stringMatching(/no event/) });
  });

  it("says a deadline was extended by late-quorum protection, from when and to when", () => {
    const steps = proposalTimeline({ ...base, deadline: 230n, originalDeadline: 180n });
    expect(steps.at(-1)).toMatchObject({
      key: "votingEnds",
      label: "Voting ends (extended)",
      at: 230n,
      extension: { from: 180n, to: 230n },
    });
    const ended = proposalTimeline({
      ...base,
      state: "Succeeded",
      clock: 300n,
      deadline: 230n,
      originalDeadline: 180n,
    });
    expect(ended.find((step) => step.key === "votingEnds")?.label).toBe("Voting ended (extended)");
    expect(extensionNote({ from: 180n, to: 230n }, (value) => `block ${value}`)).toBe(
      "The deadline was extended to block 230, from block 180: quorum was reached late; late-quorum protection gives voters more time.",
    );
    expect(lateQuorumReason).toBe("quorum was reached late; late-quorum protection gives voters more time");
  });

  it("does not call an unmoved deadline extended", () => {
    expect(proposalTimeline({ ...base, originalDeadline: 180n }).at(-1)).not.toHaveProperty("extension");
    expect(proposalTimeline({ ...base, originalDeadline: null }).at(-1)?.label).toBe("Voting ends");
    expect(deadlineExtension({ deadline: 180n, originalDeadline: 180n })).toBeNull();
    expect(deadlineExtension({ deadline: null, originalDeadline: 180n })).toBeNull();
    expect(deadlineExtension({ deadline: 200n })).toBeNull();
  });

  it("explains an Expired proposal with the Compound timelock's grace period, dated when it expired", () => {
    const steps = proposalTimeline({
      ...base,
      state: "Expired",
      clock: 300n,
      queued: { block: 185n, tx: tx(2) },
      eta: 1_700_001_000n,
      gracePeriodSeconds: 14 * 86_400,
    });
    expect(steps.at(-1)).toMatchObject({
      key: "expired",
      label: "Expired",
      done: true,
      timestamp: 1_700_001_000n + 1_209_600n,
      note: "It passed and was queued, but nobody executed it within the timelock’s grace period (2 weeks after its ETA). The timelock no longer executes it; to carry it out, propose it again.",
    });
    expect(expiredNote(null)).toBe(
      "It passed and was queued, but nobody executed it in time. The timelock no longer executes it; to carry it out, propose it again.",
    );
  });

  it("says until when a proposal queued under a Compound timelock can be executed", () => {
    const steps = proposalTimeline({
      ...base,
      state: "Queued",
      clock: 300n,
      queued: { block: 185n, tx: tx(2) },
      eta: 1_700_001_000n,
      gracePeriodSeconds: 600,
    });
    expect(steps.at(-1)).toMatchObject({ key: "executed", expiresAt: 1_700_001_600n });
    expect(steps.at(-1)?.note).toMatch(/until the timelock’s grace period ends/);
  });
});
