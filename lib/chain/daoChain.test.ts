import { describe, expect, it } from "vitest";
import { chainInfoOf, chainName, daoChain, daoExplorerUrl, multicall3Address } from "./daoChain";

describe("daoChain", () => {
  it("uses the DAO's endpoints and assumes no Multicall3 until one is found", () => {
    const chain = daoChain({ chainId: 31337, rpcUrls: ["http://127.0.0.1:8845", "http://127.0.0.1:8846"] });
    expect(chain.name).toBe("Foundry");
    expect(chain.contracts?.multicall3).toBeUndefined();
    expect(chain.rpcUrls.default.http).toEqual(["http://127.0.0.1:8845", "http://127.0.0.1:8846"]);
    expect(
      daoChain({ chainId: 31337, rpcUrls: ["http://x"], multicall3: multicall3Address }).contracts?.multicall3,
    ).toEqual({ address: multicall3Address });
  });

  it("keeps a known chain's own contracts but not its table Multicall3", () => {
    const chain = daoChain({ chainId: 1, rpcUrls: ["https://rpc.example.org"] });
    expect(chain.name).toBe("Ethereum");
    expect(chain.contracts?.ensUniversalResolver).toBeDefined();
    expect(chain.contracts?.multicall3).toBeUndefined();
  });

  it("knows any chain viem knows, and serves an unknown id as a plain chain", () => {
    expect(chainName(42161)).toBe("Arbitrum One");
    expect(chainName(424242)).toBe("Chain 424242");
    const chain = daoChain({ chainId: 424242, rpcUrls: ["http://x"] });
    expect(chain).toMatchObject({ id: 424242, name: "Chain 424242", nativeCurrency: { symbol: "ETH", decimals: 18 } });
  });

  it("hands the browser plain data, with the explorer from viem's table when the config has none", () => {
    expect(chainInfoOf({ chainId: 10, rpcUrls: ["https://op.example"] }, null)).toEqual({
      chainId: 10,
      name: "OP Mainnet",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: ["https://op.example"],
      multicall3: null,
      explorerUrl: "https://optimistic.etherscan.io",
    });
  });

  it("links to the chain's default explorer unless the config names one", () => {
    expect(daoExplorerUrl({ chainId: 1 })).toBe("https://etherscan.io");
    expect(daoExplorerUrl({ chainId: 42161 })).toBe("https://arbiscan.io");
    expect(daoExplorerUrl({ chainId: 1, explorerUrl: "https://eth.blockscout.com" })).toBe(
      "https://eth.blockscout.com",
    );
    // A local anvil and an id viem does not know have none: no links rather than wrong ones.
    expect(daoExplorerUrl({ chainId: 31337 })).toBeUndefined();
    expect(daoExplorerUrl({ chainId: 424242 })).toBeUndefined();
  });
});
