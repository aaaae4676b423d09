import { type Address, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { balanceRows, balanceSubjects } from "./balanceSubjects";
import type { SimulatedEvent } from "./types";

const timelock = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" as Address;
const usdc = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" as Address;
const nft = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address;
const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as Address;

const transfer = (address: Address, standard: "erc20" | "erc721", from: Address, to: Address): SimulatedEvent => ({
  address,
  name: "Transfer",
  kind: "transfer",
  standard,
  args: { from, to, value: "1" },
  topic0: null,
});

describe("balanceSubjects", () => {
  it("reads the treasury's ETH and every token touched, and both sides of each transfer, mints excluded", () => {
    const subjects = balanceSubjects({
      treasury: timelock,
      ethMovers: [timelock, alice],
      events: [
        transfer(usdc, "erc20", timelock, bob),
        transfer(usdc, "erc20", timelock, bob),
        transfer(nft, "erc721", zeroAddress, alice),
        { ...transfer(usdc, "erc20", alice, bob), kind: "approval", name: "Approval" },
      ],
    });
    expect(subjects).toEqual({
      native: [timelock, alice],
      tokens: [
        { address: usdc, standard: "erc20", holders: [timelock, bob] },
        { address: nft, standard: "erc721", holders: [timelock, alice] },
      ],
    });
  });

  it("keeps the treasury's rows always and others' only when they changed, and drops failed reads", () => {
    const rows = balanceRows(
      [
        { holder: timelock, asset: "native", before: 5n, after: 5n },
        { holder: alice, asset: "native", before: 1n, after: 1n },
        { holder: bob, asset: usdc, before: 0n, after: 7n },
        { holder: alice, asset: usdc, before: undefined, after: 3n },
      ],
      timelock,
    );
    expect(rows).toEqual([
      { holder: timelock, asset: "native", before: "5", after: "5", isTreasury: true },
      { holder: bob, asset: usdc, before: "0", after: "7", isTreasury: false },
    ]);
  });
});
