import {
  type Address,
  decodeAbiParameters,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  parseAbi,
  parseAbiParameters,
  parseEther,
  toFunctionSelector,
} from "viem";
import { describe, expect, it } from "vitest";
import { hashProposal } from "../hashProposal";
import type { ActionDraft, BuilderContext } from "./actions";
import { buildProposal } from "./buildProposal";
import {
  bravoAction,
  executedCalldatas,
  executedContent,
  proposalContent,
  proposesWithSignatures,
  signatureSelector,
} from "./signatures";

const governor: Address = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const musdc: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

const context: BuilderContext = {
  native: { symbol: "ETH", decimals: 18 },
  tokens: [{ address: musdc, symbol: "mUSDC", decimals: 6, balance: "2750000000000" }],
};

const transfer = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 10_000_000n] });
const approve = encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [alice, 5n] });
const setThreshold = encodeFunctionData({
  abi: parseAbi(["function setProposalThreshold(uint256)"]),
  functionName: "setProposalThreshold",
  args: [500n],
});
const argsOf = (calldata: Hex): Hex => `0x${calldata.slice(10)}`;

const form = {
  title: "Pay the auditors",
  body: "Details",
  discussionUrl: "",
  actions: [
    { id: "a", kind: "eth", to: alice, amount: "2" },
    { id: "b", kind: "erc20", token: musdc, to: alice, amount: "10" },
    {
      id: "c",
      kind: "call",
      target: governor,
      abiSource: "governor",
      abiJson: "",
      fn: "setProposalThreshold(uint256)",
      args: ["500"],
      value: "",
    },
    { id: "d", kind: "raw", target: musdc, calldata: approve, value: "" },
  ] satisfies ActionDraft[],
};

describe("Bravo signatures", () => {
  it("knows which families propose with signatures", () => {
    expect(proposesWithSignatures("bravo")).toBe(true);
    expect(proposesWithSignatures("oz-bravo-compatible")).toBe(true);
    expect(proposesWithSignatures("openzeppelin")).toBe(false);
    expect(proposesWithSignatures(undefined)).toBe(false);
    expect(signatureSelector("transfer(address,uint256)")).toBe("0xa9059cbb");
  });

  it("hashes a signature exactly as the timelock does, where viem would normalise it", () => {
    expect(signatureSelector("transfer(address, uint256)")).toBe("0x9d61d234");
    expect(toFunctionSelector("transfer(address, uint256)")).toBe("0xa9059cbb");
  });

  it("proposes known functions as signature + arguments for Bravo families; ETH and raw calldata whole", () => {
    for (const family of ["bravo", "oz-bravo-compatible"] as const) {
      const built = buildProposal(form, context, undefined, { family });
      expect(built.errors).toEqual([]);
      expect(built.content).toEqual({
        targets: [alice, musdc, governor, musdc],
        values: [parseEther("2"), 0n, 0n, 0n],
        signatures: ["", "transfer(address,uint256)", "setProposalThreshold(uint256)", ""],
        calldatas: ["0x", argsOf(transfer), argsOf(setThreshold), approve],
        description: "# Pay the auditors\n\nDetails",
      });
      const args = built.content?.calldatas[1] as Hex;
      expect(decodeAbiParameters(parseAbiParameters("address, uint256"), args)).toEqual([alice, 10_000_000n]);
    }
  });

  it("leaves OpenZeppelin proposals as they were: full calldatas, no signatures", () => {
    for (const family of ["openzeppelin", undefined, null] as const) {
      const built = buildProposal(form, context, undefined, { family });
      expect(built.content).toEqual({
        targets: [alice, musdc, governor, musdc],
        values: [parseEther("2"), 0n, 0n, 0n],
        calldatas: ["0x", transfer, setThreshold, approve],
        description: "# Pay the auditors\n\nDetails",
      });
      expect(built.content && "signatures" in built.content).toBe(false);
    }
  });

  it("hashes and simulates the full calldata: the same id as the OpenZeppelin content", () => {
    const oz = buildProposal(form, context, undefined, { family: "openzeppelin" }).content;
    const bravo = buildProposal(form, context, undefined, { family: "oz-bravo-compatible" }).content;
    if (!oz || !bravo) throw new Error("expected content");
    expect(executedCalldatas(bravo)).toEqual(["0x", transfer, setThreshold, approve]);
    expect(executedContent(bravo)).toEqual(oz);
    // GovernorCompatibilityBravo's proposal id is hashProposal of the full calldatas.
    expect(hashProposal(executedContent(bravo))).toBe(hashProposal(oz));
    expect(hashProposal(bravo)).not.toBe(hashProposal(oz));
    // Content without signatures is already as executed.
    expect(executedContent(oz)).toEqual(oz);
  });

  it("proposes a calldata whole when it does not start with its signature's selector", () => {
    expect(
      bravoAction({ target: musdc, value: 0n, calldata: approve, signature: "transfer(address,uint256)" }),
    ).toEqual({ signature: "", calldata: approve });
    expect(bravoAction({ target: musdc, value: 0n, calldata: "0x", signature: "transfer(address,uint256)" })).toEqual({
      signature: "",
      calldata: "0x",
    });
    expect(
      proposalContent(
        [
          {
            target: musdc,
            value: 0n,
            calldata: `0xA9059CBB${transfer.slice(10)}`,
            signature: "transfer(address,uint256)",
          },
        ],
        "d",
        "bravo",
      ).signatures,
    ).toEqual(["transfer(address,uint256)"]);
  });
});
