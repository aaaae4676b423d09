import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  erc20Abi,
  maxUint256,
  parseAbiParameters,
  parseEther,
  parseUnits,
} from "viem";
import { describe, expect, it } from "vitest";
import { demoGovernorAbi } from "../../contracts-abi/demoGovernor";
import { addressLabels, displaySymbol } from "./addressLabels";
import { type DaoContracts, decodeAction } from "./decodeAction";
import { type FormatContext, formatAmount, formatArguments, formatValue } from "./formatArguments";

const dao: DaoContracts = {
  governor: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  token: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  timelock: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
};
const musdc: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

const tokens = new Map([
  [musdc.toLowerCase(), { symbol: "mUSDC", decimals: 6 }],
  [dao.token.toLowerCase(), { symbol: "COMM", decimals: 18 }],
]);
const context: FormatContext = {
  tokens,
  labels: addressLabels({ ...dao, tokenSymbol: "COMM", tokens, labels: { [alice]: "Grants multisig" } }),
  governanceToken: dao.token,
};

const action = (target: Address, calldata: `0x${string}`, signature = "") =>
  decodeAction({ target, value: 0n, signature, calldata }, dao);

describe("formatArguments", () => {
  it("formats an ERC-20 transfer: named, checksummed recipient and the amount in token units", () => {
    const calldata = encodeFunctionData({
      abi: erc20Abi,
      functionName: "transfer",
      args: [alice.toLowerCase() as Address, parseUnits("75000.5", 6)],
    });
    expect(formatArguments(action(musdc, calldata), context)).toEqual([
      { name: "to", type: "address", value: { kind: "address", address: alice, label: "Grants multisig" } },
      {
        name: "amount",
        type: "uint256",
        value: { kind: "amount", text: "75,000.5 mUSDC", raw: "75000500000", unlimited: false },
      },
    ]);
  });

  it("keeps every digit of an amount (no rounding of money)", () => {
    const calldata = encodeFunctionData({
      abi: erc20Abi,
      functionName: "transfer",
      args: [alice, 1_000_000_000_000_000_001n],
    });
    expect(formatArguments(action(dao.token, calldata), context)[1]?.value).toMatchObject({
      text: "1.000000000000000001 COMM",
    });
  });

  it("says Unlimited for a maximum approval", () => {
    const calldata = encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [alice, maxUint256] });
    expect(formatArguments(action(musdc, calldata), context)[1]?.value).toMatchObject({
      kind: "amount",
      text: "Unlimited mUSDC",
      unlimited: true,
    });
  });

  it("leaves an amount as a number when the token is unknown", () => {
    const unknownToken: Address = "0x0000000000000000000000000000000000000bad";
    const calldata = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 1234567n] });
    expect(formatArguments(action(unknownToken, calldata), context)[1]?.value).toEqual({
      kind: "number",
      text: "1,234,567",
    });
  });

  it("formats small integers, which viem decodes as numbers, like big ones", () => {
    // The governor's setVotingPeriod(uint32): viem gives a JS number for (u)int ≤ 48 bits.
    const calldata = encodeFunctionData({ abi: demoGovernorAbi, functionName: "setVotingPeriod", args: [50400] });
    expect(formatArguments(action(dao.governor, calldata), context)[0]?.value).toEqual({
      kind: "number",
      text: "50,400",
    });
  });

  it("formats the governor's proposal threshold in governance tokens", () => {
    const calldata = encodeFunctionData({
      abi: demoGovernorAbi,
      functionName: "setProposalThreshold",
      args: [parseEther("1000")],
    });
    expect(formatArguments(action(dao.governor, calldata), context)[0]?.value).toMatchObject({ text: "1,000 COMM" });
    const quorum = encodeFunctionData({ abi: demoGovernorAbi, functionName: "updateQuorumNumerator", args: [8n] });
    expect(formatArguments(action(dao.governor, quorum), context)[0]?.value).toEqual({ kind: "number", text: "8" });
  });

  it("formats arrays, tuples, bools, bytes and strings recursively", () => {
    const signature = "configure(address[],(uint256,bool,bytes)[],string,int256)";
    const args = encodeAbiParameters(parseAbiParameters("address[], (uint256,bool,bytes)[], string, int256"), [
      [dao.governor],
      [[12345n, true, "0xc0ffee"]],
      "evil\u202etxt",
      -5000n,
    ]);
    const formatted = formatArguments(action(alice, args, signature), context);
    expect(formatted.map((arg) => arg.value)).toEqual([
      { kind: "list", type: "address[]", items: [{ kind: "address", address: dao.governor, label: "Governor" }] },
      {
        kind: "list",
        type: "tuple[]",
        items: [
          {
            kind: "tuple",
            fields: [
              { name: "", type: "uint256", value: { kind: "number", text: "12,345" } },
              { name: "", type: "bool", value: { kind: "bool", value: true } },
              { name: "", type: "bytes", value: { kind: "bytes", hex: "0xc0ffee", size: 3 } },
            ],
          },
        ],
      },
      // Strings stay as written; the renderer shows the bidi override as a marker.
      { kind: "string", text: "evil\u202etxt" },
      { kind: "number", text: "-5,000" },
    ]);
  });

  it("returns nothing for a call that was not decoded", () => {
    expect(formatArguments(action(alice, "0xdeadbeef"), context)).toEqual([]);
  });
});

describe("formatValue and formatAmount", () => {
  it("formats a fixed-size array of named tuples", () => {
    const [parameter] = parseAbiParameters("(address who, uint8 share)[2]");
    if (!parameter) throw new Error("no parameter");
    const value = formatValue(
      parameter,
      [
        { who: alice, share: 60n },
        { who: dao.timelock, share: 40n },
      ],
      context,
    );
    expect(value).toMatchObject({
      kind: "list",
      items: [
        { kind: "tuple", fields: [{ name: "who", value: { label: "Grants multisig" } }, { name: "share" }] },
        { kind: "tuple", fields: [{ name: "who", value: { label: "Timelock (treasury)" } }, { name: "share" }] },
      ],
    });
  });

  it("formats zero and dust exactly", () => {
    expect(formatAmount(0n, { symbol: "mUSDC", decimals: 6 })).toMatchObject({ text: "0 mUSDC" });
    expect(formatAmount(1n, { symbol: "mUSDC", decimals: 6 })).toMatchObject({ text: "0.000001 mUSDC" });
  });
});

describe("addressLabels", () => {
  it("names the DAO's contracts, tokens by symbol, and lets the config win", () => {
    const labels = addressLabels({
      ...dao,
      tokenSymbol: "COMM",
      tokens: new Map([[musdc.toLowerCase(), { symbol: "mUSDC" }]]),
      labels: { [dao.timelock as string]: "Treasury" },
    });
    expect(labels.get(dao.governor.toLowerCase())).toBe("Governor");
    expect(labels.get(dao.token.toLowerCase())).toBe("COMM (governance token)");
    expect(labels.get(musdc.toLowerCase())).toBe("mUSDC token");
    expect(labels.get((dao.timelock as string).toLowerCase())).toBe("Treasury");
  });

  it("bounds and reveals a hostile symbol", () => {
    expect(displaySymbol("USDC\u202e")).toBe("USDC⟨U+202E⟩");
    expect(displaySymbol("A".repeat(100))).toBe(`${"A".repeat(23)}…`);
    expect(displaySymbol("  ")).toBe("?");
  });
});
