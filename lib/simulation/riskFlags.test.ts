import { type Address, keccak256, maxUint96, maxUint256, stringToHex } from "viem";
import { describe, expect, it } from "vitest";
import { type RiskInput, riskChecks, riskFlags } from "./riskFlags";
import type { ActionOutcome, SimulatedEvent } from "./types";

const governor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" as Address;
const timelock = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" as Address;
const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address;
const usdc = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" as Address;
const person = "0x00000000000000000000000000000000000ab0Ab" as Address;
const vault = "0x000000000000000000000000000000000000bEEF" as Address;

function action(index: number, patch: Partial<ActionOutcome> = {}): ActionOutcome {
  return {
    index,
    target: usdc,
    value: "0",
    calldata: "0xa9059cbb",
    status: "success",
    gasUsed: "50000",
    events: [],
    created: [],
    targetHasCode: true,
    ...patch,
  };
}

function event(address: Address, name: string, kind: SimulatedEvent["kind"], args: Record<string, string>) {
  return { address, name, kind, args, topic0: null } as SimulatedEvent;
}

function input(patch: Partial<RiskInput> = {}): RiskInput {
  return {
    contracts: { governor, timelock, token },
    executor: timelock,
    actions: [action(0)],
    failure: null,
    parameterChanges: [],
    balanceChanges: [],
    assets: [
      { address: "native", kind: "native", symbol: "ETH", decimals: 18 },
      { address: usdc, kind: "erc20", symbol: "USDC", decimals: 6 },
    ],
    hasCode: (address) => address === vault,
    name: (address) => (address === timelock ? "the timelock" : address),
    ...patch,
  };
}

describe("riskFlags", () => {
  it("raises nothing for a plain payment, and says what it checked", () => {
    const result = riskFlags(
      input({
        balanceChanges: [
          {
            holder: timelock,
            asset: "native",
            before: "10000000000000000000",
            after: "9500000000000000000",
            isTreasury: true,
          },
          { holder: vault, asset: "native", before: "0", after: "500000000000000000", isTreasury: false },
        ],
      }),
    );
    expect(result.flags).toEqual([]);
    expect(result.checked).toEqual(riskChecks);
    expect(result.checked.join(" ")).toMatch(/10% of the treasury/);
  });

  it("names the action that reverts and why", () => {
    const { flags } = riskFlags(
      input({
        actions: [action(0), action(1, { status: "reverted", reason: "The sender does not hold enough tokens." })],
        failure: { action: 1, reason: "The sender does not hold enough tokens." },
      }),
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: "revert", action: 1, title: "The execution would revert: action 2 fails" });
    expect(flags[0]?.evidence[0]).toBe("The sender does not hold enough tokens.");
  });

  it("flags a changed governance parameter once, with the values and the event that did it", () => {
    const { flags } = riskFlags(
      input({
        actions: [
          action(0, {
            target: governor,
            events: [
              event(governor, "VotingPeriodSet", "parameter", { oldVotingPeriod: "60", newVotingPeriod: "120" }),
            ],
          }),
        ],
        parameterChanges: [
          {
            contract: "governor",
            name: "votingPeriod",
            label: "voting period",
            before: "60 blocks",
            after: "120 blocks",
          },
          { contract: "governor", name: "votingDelay", label: "voting delay", before: "10 blocks", after: "10 blocks" },
        ],
      }),
    );
    expect(flags).toEqual([
      {
        kind: "governance",
        title: "Changes the governor’s voting period",
        evidence: ["60 blocks → 120 blocks", "VotingPeriodSet emitted in action 1"],
        action: 0,
      },
    ]);
  });

  it("flags a timelock role granted to an account without code as someone's key", () => {
    const role = keccak256(stringToHex("EXECUTOR_ROLE"));
    const { flags } = riskFlags(
      input({
        actions: [
          action(0, {
            target: timelock,
            events: [event(timelock, "RoleGranted", "role", { role, account: person, sender: timelock })],
          }),
          action(1, {
            target: timelock,
            events: [event(timelock, "RoleRevoked", "role", { role, account: vault, sender: timelock })],
          }),
        ],
      }),
    );
    expect(flags.map((flag) => flag.title)).toEqual([
      `Grants the timelock’s EXECUTOR_ROLE to ${person} — an account with no code, i.e. someone’s private key, not a contract`,
      `Revokes the timelock’s EXECUTOR_ROLE from ${vault}`,
    ]);
  });

  it("flags ownership transfers, proxy upgrades and created contracts", () => {
    const { flags } = riskFlags(
      input({
        actions: [
          action(0, {
            target: vault,
            events: [
              event(vault, "OwnershipTransferred", "ownership", { previousOwner: timelock, newOwner: person }),
              event(vault, "Upgraded", "upgrade", { implementation: usdc }),
            ],
            created: [person],
          }),
        ],
      }),
    );
    expect(flags.map((flag) => flag.kind)).toEqual(["ownership", "upgrade", "contractCreated"]);
    expect(flags[0]?.title).toBe(`Transfers ownership of ${vault} to ${person}`);
    expect(flags[1]?.title).toBe(`Upgrades the proxy ${vault} to new code at ${usdc}`);
    expect(flags[2]?.title).toBe(`Action 1 creates a contract at ${person}`);
  });

  it("flags a call with data to an address without code, not a plain ETH payment to one", () => {
    const { flags } = riskFlags(
      input({
        actions: [
          action(0, { target: person, calldata: "0x", value: "1", targetHasCode: false }),
          action(1, { target: person, calldata: "0xa9059cbb", targetHasCode: false }),
        ],
      }),
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: "noCode", action: 1 });
  });

  it("flags unlimited approvals (max uint256, Compound's max uint96, approval for all), not bounded ones", () => {
    const approval = (value: bigint) =>
      event(usdc, "Approval", "approval", { owner: timelock, spender: vault, value: value.toString() });
    const { flags } = riskFlags(
      input({
        actions: [
          action(0, {
            events: [
              { ...approval(maxUint256), standard: "erc20" },
              { ...approval(maxUint96), standard: "erc20" },
              { ...approval(1_000_000n), standard: "erc20" },
              event(vault, "ApprovalForAll", "approval", { owner: timelock, operator: person, approved: "true" }),
            ],
          }),
        ],
      }),
    );
    expect(flags.map((flag) => flag.kind)).toEqual(["unlimitedApproval", "unlimitedApproval", "unlimitedApproval"]);
    expect(flags[0]?.title).toBe(`Approves ${vault} to spend an unlimited amount of USDC held by the timelock`);
  });

  it("flags more than 10% of the treasury's holding of an asset moved, and not 10% exactly", () => {
    const { flags } = riskFlags(
      input({
        balanceChanges: [
          {
            holder: timelock,
            asset: "native",
            before: "10000000000000000000",
            after: "9000000000000000000",
            isTreasury: true,
          },
          { holder: timelock, asset: usdc, before: "1000000000", after: "850000000", isTreasury: true },
          { holder: vault, asset: usdc, before: "0", after: "150000000", isTreasury: false },
        ],
      }),
    );
    expect(flags).toEqual([
      {
        kind: "treasuryShare",
        title: "Moves 15% of the treasury’s USDC",
        evidence: ["1,000 → 850 USDC (−150)"],
        action: null,
      },
    ]);
  });
});
