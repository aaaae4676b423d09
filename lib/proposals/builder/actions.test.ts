import { type Address, decodeFunctionData, encodeFunctionData, erc20Abi, parseAbi, parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { demoGovernorAbi } from "../../../contracts-abi/demoGovernor";
import { type ActionDraft, type BuilderContext, type CustomCallDraft, emptyAction, encodeAction } from "./actions";
import { buildProposal } from "./buildProposal";
import { type DescribeContext, describeAction } from "./describeAction";

const governor: Address = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const token: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const timelock: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const musdc: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

const context: BuilderContext = {
  native: { symbol: "ETH", decimals: 18 },
  tokens: [{ address: musdc, symbol: "mUSDC", decimals: 6, balance: "2750000000000" }],
};
const describeContext: DescribeContext = {
  contracts: { governor, token, timelock },
  governanceToken: { symbol: "COMM", decimals: 18 },
  native: { symbol: "ETH", decimals: 18 },
  tokens: context.tokens,
  labels: { [alice]: "Grants multisig" },
};

function errorsOf(draft: ActionDraft, index = 0): string[] {
  const result = encodeAction(draft, index, context);
  return result.ok ? [] : result.errors.map((error) => `${error.field} | ${error.message}`);
}

function call(patch: Partial<CustomCallDraft>): ActionDraft {
  return { ...(emptyAction("call", "c") as ActionDraft & CustomCallDraft), ...patch };
}

describe("encodeAction", () => {
  it("encodes an ETH transfer from the treasury", () => {
    const result = encodeAction({ id: "a", kind: "eth", to: alice.toLowerCase(), amount: "1.5" }, 0, context);
    expect(result).toEqual({ ok: true, action: { target: alice, value: parseEther("1.5"), calldata: "0x" } });
    if (result.ok)
      expect(describeAction(result.action, describeContext)).toBe("Sends 1.5 ETH to Grants multisig (0x7099…79C8)");
    expect(errorsOf({ id: "a", kind: "eth", to: "0x12", amount: "0" }, 1)).toEqual([
      "to | Action 2 · recipient: must be 40 hex characters after 0x (this has 2)",
      "amount | Action 2 · amount (ETH): must be more than 0",
    ]);
  });

  it("encodes an ERC-20 transfer in the token's units", () => {
    const result = encodeAction({ id: "b", kind: "erc20", token: musdc, to: alice, amount: "75,000" }, 0, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.action.target).toBe(musdc);
    expect(result.action.value).toBe(0n);
    expect(decodeFunctionData({ abi: erc20Abi, data: result.action.calldata }).args).toEqual([alice, 75_000_000_000n]);
    expect(describeAction(result.action, describeContext)).toBe(
      "Transfers 75,000 mUSDC to Grants multisig (0x7099…79C8)",
    );
    expect(errorsOf({ id: "b", kind: "erc20", token: "", to: alice, amount: "1" })).toEqual([
      "token | Action 1 · token: pick one of the tokens the treasury holds",
    ]);
    expect(errorsOf({ id: "b", kind: "erc20", token: musdc, to: alice, amount: "0.0000001" })).toEqual([
      "amount | Action 1 · amount (mUSDC): has more than 6 decimal places (mUSDC has 6)",
    ]);
  });

  it("encodes a custom call from a known ABI, naming each bad argument", () => {
    const draft = call({ target: governor, abiSource: "governor", fn: "setProposalThreshold(uint256)", args: ["500"] });
    const result = encodeAction(draft, 0, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.action.calldata).toBe(
      encodeFunctionData({ abi: demoGovernorAbi, functionName: "setProposalThreshold", args: [500n] }),
    );
    expect(describeAction(result.action, describeContext)).toBe(
      "Calls setProposalThreshold(newProposalThreshold: 0.0000000000000005 COMM) on Governor (0x9fE4…a6e0)",
    );
    expect(errorsOf(call({ target: governor, fn: "setProposalThreshold(uint256)", args: ["-5"] }), 1)).toEqual([
      "args.0 | Action 2 · newProposalThreshold (uint256): must be a whole number ≥ 0",
    ]);
    expect(errorsOf(call({ target: "0xnope", fn: "setProposalThreshold(uint256)", args: ["1"], value: "1" }))).toEqual([
      "target | Action 1 · target contract: must be an address: 0x followed by 40 hex characters",
      "value | Action 1 · ETH value: setProposalThreshold is not payable, so sending ETH with it would revert",
    ]);
    expect(errorsOf(call({ target: governor, fn: "" }))).toEqual([
      "fn | Action 1 · function: pick the function to call",
    ]);
  });

  it("encodes a custom call from a pasted ABI with tuples and arrays", () => {
    const abi = parseAbi([
      "struct Payment { address to; uint96 amount; }",
      "function pay(Payment[] payments, bytes32 memo) payable",
    ]);
    const draft = call({
      target: alice,
      abiSource: "pasted",
      abiJson: JSON.stringify(abi),
      fn: "pay((address,uint96)[],bytes32)",
      args: [`[{"to": "${alice}", "amount": "1000"}]`, `0x${"ab".repeat(32)}`],
      value: "0.25",
    });
    const result = encodeAction(draft, 0, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.action.value).toBe(parseEther("0.25"));
    expect(decodeFunctionData({ abi, data: result.action.calldata }).args).toEqual([
      [{ to: alice, amount: 1000n }],
      `0x${"ab".repeat(32)}`,
    ]);
    expect(describeAction(result.action, describeContext)).toMatch(
      /^Calls Grants multisig \(0x7099…79C8\) with \d+ bytes of calldata \(function 0x[0-9a-f]{8}, not in the known ABIs\), sending 0.25 ETH$/,
    );
    expect(errorsOf({ ...draft, abiJson: "[{" } as ActionDraft, 2)[0]).toMatch(
      /^abi \| Action 3 · ABI: is not valid JSON/,
    );
    expect(errorsOf({ ...draft, args: ['[{"to": "0x1", "amount": 1}]', "0x"] } as ActionDraft)).toEqual([
      "args.0 | Action 1 · payments ((address,uint96)[]) › item 1 › to: must be 40 hex characters after 0x (this has 1)",
      "args.1 | Action 1 · memo (bytes32): must be exactly 32 bytes (64 hex digits after 0x); this has 0",
    ]);
  });

  it("validates raw calldata", () => {
    const data = encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [alice, 5n] });
    expect(encodeAction({ id: "r", kind: "raw", target: musdc, calldata: data, value: "" }, 0, context)).toEqual({
      ok: true,
      action: { target: musdc, value: 0n, calldata: data },
    });
    expect(errorsOf({ id: "r", kind: "raw", target: musdc, calldata: "0x123", value: "" })).toEqual([
      "calldata | Action 1 · calldata: must have an even number of hex digits (whole bytes)",
    ]);
    expect(errorsOf({ id: "r", kind: "raw", target: musdc, calldata: "0x1234", value: "" })).toEqual([
      "calldata | Action 1 · calldata: must start with a 4-byte function selector (8 hex digits), or be empty",
    ]);
  });
});

describe("buildProposal", () => {
  const form = {
    title: "Pay the auditors",
    body: "Details",
    discussionUrl: "https://forum.example.org/t/7",
    actions: [
      { id: "a", kind: "eth", to: alice, amount: "2" },
      { id: "b", kind: "erc20", token: musdc, to: alice, amount: "10" },
    ] satisfies ActionDraft[],
  };

  it("builds the content to propose, in action order", () => {
    const built = buildProposal(form, context, ["forum.example.org"]);
    expect(built.errors).toEqual([]);
    expect(built.content).toEqual({
      targets: [alice, musdc],
      values: [parseEther("2"), 0n],
      calldatas: ["0x", encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 10_000_000n] })],
      description: "# Pay the auditors\n\nDetails\n\nDiscussion: https://forum.example.org/t/7",
    });
  });

  it("gives no content while anything is wrong, and says what", () => {
    const built = buildProposal({ ...form, title: "", actions: [] }, context, ["gov.example.org"]);
    expect(built.content).toBeNull();
    expect(built.errors.map((error) => error.field)).toEqual(["title", "discussionUrl", "actions"]);
    const bad = buildProposal(
      { ...form, actions: [{ id: "a", kind: "eth", to: "", amount: "1" }] },
      context,
      undefined,
    );
    expect(bad.content).toBeNull();
    expect(bad.actions[0]).toEqual({
      ok: false,
      errors: [{ field: "to", message: "Action 1 · recipient: is required" }],
    });
  });
});
