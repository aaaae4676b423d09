import {
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  erc20Abi,
  type Hex,
  multicall3Abi,
} from "viem";
import { describe, expect, it } from "vitest";
import { daoChain, multicall3Address } from "./daoChain";
import { contractCall, ethBalanceCall, readCalls } from "./readCalls";

const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const broken = "0x000000000000000000000000000000000000dEaD";
const holder = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

/** A chain where `token` answers ERC20 reads, `broken` reverts, and Multicall3 knows ETH balances. */
function fakeChain(onCall?: (blockTag: unknown) => void) {
  return createPublicClient({
    chain: daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" }),
    transport: custom({
      async request({ method, params }) {
        if (method !== "eth_call") throw new Error(`unexpected ${method}`);
        const [{ to, data }, blockTag] = params as [{ to: string; data: Hex }, unknown];
        onCall?.(blockTag);
        expect(to.toLowerCase()).toBe(multicall3Address.toLowerCase());
        const calls = decodeFunctionData({ abi: multicall3Abi, data }).args[0] as readonly {
          target: string;
          callData: Hex;
        }[];
        const results = calls.map(({ target, callData }) => {
          if (target.toLowerCase() === multicall3Address.toLowerCase()) {
            const returnData = encodeFunctionResult({ abi: multicall3Abi, functionName: "getEthBalance", result: 5n });
            return { success: true, returnData };
          }
          if (target.toLowerCase() !== token.toLowerCase()) return { success: false, returnData: "0x" as Hex };
          const { functionName } = decodeFunctionData({ abi: erc20Abi, data: callData });
          if (functionName === "symbol") {
            return { success: true, returnData: encodeFunctionResult({ abi: erc20Abi, functionName, result: "COMM" }) };
          }
          if (functionName === "decimals") return { success: true, returnData: "0x" as Hex };
          return {
            success: true,
            returnData: encodeFunctionResult({ abi: erc20Abi, functionName: "totalSupply", result: 42n }),
          };
        });
        return encodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", result: results });
      },
    }),
  });
}

describe("readCalls", () => {
  it("reads every call in one aggregate3, undefined where a call reverts or returns nothing", async () => {
    const tags: unknown[] = [];
    const [symbol, supply, decimals, reverted, eth] = await readCalls(
      fakeChain((tag) => tags.push(tag)),
      [
        contractCall({ address: token, abi: erc20Abi, functionName: "symbol" }),
        contractCall({ address: token, abi: erc20Abi, functionName: "totalSupply" }),
        contractCall({ address: token, abi: erc20Abi, functionName: "decimals" }),
        contractCall({ address: broken, abi: erc20Abi, functionName: "balanceOf", args: [holder] }),
        ethBalanceCall(multicall3Address, holder),
      ],
      { blockNumber: 7n },
    );
    expect({ symbol, supply, decimals, reverted, eth }).toEqual({
      symbol: "COMM",
      supply: 42n,
      decimals: undefined,
      reverted: undefined,
      eth: 5n,
    });
    expect(tags).toEqual(["0x7"]);
  });

  it("makes no request for no calls", async () => {
    let calls = 0;
    expect(
      await readCalls(
        fakeChain(() => calls++),
        [],
      ),
    ).toEqual([]);
    expect(calls).toBe(0);
  });

  it("throws when the chain cannot be reached", async () => {
    const client = createPublicClient({
      chain: daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" }),
      transport: custom(
        {
          async request() {
            throw new Error("connect ECONNREFUSED");
          },
        },
        { retryCount: 0 },
      ),
    });
    await expect(
      readCalls(client, [contractCall({ address: token, abi: erc20Abi, functionName: "symbol" })]),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
