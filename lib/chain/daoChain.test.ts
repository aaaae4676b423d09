import { describe, expect, it } from "vitest";
import { daoChain, multicall3Address } from "./daoChain";

describe("daoChain", () => {
  it("adds Multicall3 on the local chain and uses the DAO's RPC", () => {
    const chain = daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:8845" });
    expect(chain.contracts?.multicall3?.address).toBe(multicall3Address);
    expect(chain.rpcUrls.default.http).toEqual(["http://127.0.0.1:8845"]);
  });

  it("keeps a known chain's own contracts", () => {
    const chain = daoChain({ chainId: 1, rpcUrl: "https://rpc.example.org" });
    expect(chain.name).toBe("Ethereum");
    expect(chain.contracts?.ensUniversalResolver).toBeDefined();
    expect(chain.rpcUrls.default.http).toEqual(["https://rpc.example.org"]);
  });

  it("refuses an unknown chain", () => {
    expect(() => daoChain({ chainId: 424242, rpcUrl: "http://x" })).toThrow(/424242/);
  });
});
