import { encodeFunctionData, erc20Abi, parseAbi } from "viem";
import { describe, expect, it } from "vitest";
import { proposalOutflows } from "./proposalOutflows";

const treasury = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const usdc = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const grants = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const someone = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

const transfer = (to: `0x${string}`, amount: bigint) =>
  encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [to, amount] });

describe("proposalOutflows", () => {
  it("lists native values and ERC20 transfers in action order", () => {
    const outflows = proposalOutflows(
      {
        targets: [grants, usdc, usdc],
        values: ["4000000000000000000", "0", "0"],
        calldatas: [
          "0x",
          transfer(grants, 75_000_000_000n),
          encodeFunctionData({ abi: erc20Abi, functionName: "transferFrom", args: [treasury, someone, 5n] }),
        ],
      },
      treasury,
    );
    expect(outflows).toEqual([
      { kind: "native", actionIndex: 0, to: grants, amount: 4_000_000_000_000_000_000n },
      { kind: "erc20", actionIndex: 1, token: usdc, to: grants, amount: 75_000_000_000n },
      { kind: "erc20", actionIndex: 2, token: usdc, to: someone, amount: 5n },
    ]);
  });

  it("ignores other calls, zero amounts, pulls from others and malformed data", () => {
    const governorCall = encodeFunctionData({
      abi: parseAbi(["function setProposalThreshold(uint256)"]),
      args: [1000n],
    });
    const outflows = proposalOutflows(
      {
        targets: [treasury, usdc, usdc, usdc, usdc, "not an address"],
        values: ["0", "0", "0", "0", "x", "5"],
        calldatas: [
          governorCall,
          encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [someone, 10n] }),
          transfer(someone, 0n),
          encodeFunctionData({ abi: erc20Abi, functionName: "transferFrom", args: [someone, grants, 10n] }),
          "0xa9059cbb1234",
          "0x",
        ],
      },
      treasury,
    );
    expect(outflows).toEqual([]);
  });
});
