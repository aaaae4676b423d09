import { type Address, encodeFunctionData, erc20Abi, maxUint256, parseAbi } from "viem";
import { describe, expect, it } from "vitest";
import { addressLabels } from "./addressLabels";
import { type DaoContracts, decodeAction } from "./decodeAction";
import { type FormatContext, formatArguments } from "./formatArguments";
import { summarizeAction } from "./summarizeAction";

const dao: DaoContracts = {
  governor: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  token: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  timelock: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
};
const musdc: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const bob: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const tokens = new Map([[musdc.toLowerCase(), { symbol: "mUSDC", decimals: 6 }]]);
const context: FormatContext = {
  tokens,
  labels: addressLabels({ ...dao, tokenSymbol: "COMM", tokens, labels: { [alice]: "Grants multisig" } }),
  governanceToken: dao.token,
};

function summary(target: Address, calldata: `0x${string}`, value = 0n) {
  const action = decodeAction({ target, value, signature: "", calldata }, dao);
  return summarizeAction(action, formatArguments(action, context), { value: `${value} wei`, target });
}

describe("summarizeAction", () => {
  it("summarises ERC-20 transfers and approvals with names and amounts", () => {
    const transfer = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 75_000_000_000n] });
    expect(summary(musdc, transfer)).toBe("Transfers 75,000 mUSDC to Grants multisig (0x7099…79C8)");
    const from = encodeFunctionData({ abi: erc20Abi, functionName: "transferFrom", args: [bob, alice, 1_500_000n] });
    expect(summary(musdc, from)).toBe(`Transfers 1.5 mUSDC from ${bob} to Grants multisig (0x7099…79C8)`);
    const approve = encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [bob, maxUint256] });
    expect(summary(musdc, approve)).toBe(`Allows ${bob} to spend Unlimited mUSDC`);
  });

  it("summarises a plain ETH transfer", () => {
    expect(summary(bob, "0x", 5n)).toBe(`Sends 5 wei to ${bob}`);
  });

  it("says nothing it cannot say for sure", () => {
    const unknownToken: Address = "0x0000000000000000000000000000000000000bad";
    const transfer = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 1n] });
    expect(summary(unknownToken, transfer)).toBeUndefined();
    expect(summary(musdc, transfer, 1n)).toBeUndefined();
    expect(summary(bob, "0x")).toBeUndefined();
    const poke = encodeFunctionData({ abi: parseAbi(["function poke()"]), functionName: "poke" });
    expect(summary(bob, poke)).toBeUndefined();
  });
});
