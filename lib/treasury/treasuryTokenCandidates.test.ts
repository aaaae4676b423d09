import { describe, expect, it } from "vitest";
import { treasuryTokenCandidates } from "./treasuryTokenCandidates";

const comm = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const usdc = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const weth = "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9";

describe("treasuryTokenCandidates", () => {
  it("merges sources by address in any letter case, governance token first", () => {
    const candidates = treasuryTokenCandidates({
      received: [usdc.toLowerCase(), comm, weth],
      labelled: [usdc, "not an address"],
      spent: [weth.toUpperCase().replace("0X", "0x")],
      governance: [comm],
    });
    expect([...candidates.keys()]).toEqual([comm, usdc, weth]);
    expect([...(candidates.get(comm) ?? [])]).toEqual(["governance", "received"]);
    expect([...(candidates.get(usdc) ?? [])]).toEqual(["labelled", "received"]);
    expect([...(candidates.get(weth) ?? [])]).toEqual(["spent", "received"]);
  });
});
