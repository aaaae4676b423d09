import {
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  erc20Abi,
  type Hex,
  multicall3Abi,
  parseAbi,
  stringToHex,
} from "viem";
import { describe, expect, it } from "vitest";
import { daoChain, multicall3Address } from "./daoChain";
import { readTreasuryBalances } from "./readTreasuryBalances";

const treasury = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const usdc = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const mkr = "0x9f8F72aA9304c8B593d555F12eF6589cC3A579A2";
const governor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const multicallViewsAbi = parseAbi([
  "function getEthBalance(address) view returns (uint256)",
  "function getBlockNumber() view returns (uint256)",
  "function getCurrentBlockTimestamp() view returns (uint256)",
]);
const bytes32Abi = parseAbi(["function symbol() view returns (bytes32)", "function name() view returns (bytes32)"]);

function answer(target: string, callData: Hex): { success: boolean; returnData: Hex } {
  if (target.toLowerCase() === multicall3Address.toLowerCase()) {
    const { functionName } = decodeFunctionData({ abi: multicallViewsAbi, data: callData });
    const result = functionName === "getEthBalance" ? 250n * 10n ** 18n : 150n;
    return {
      success: true,
      returnData: encodeFunctionResult({ abi: multicallViewsAbi, functionName, result } as never),
    };
  }
  const { functionName } = decodeFunctionData({ abi: erc20Abi, data: callData });
  if (target === usdc) {
    const results = { balanceOf: 2_563_000_000_000n, symbol: "mUSDC", name: "USD Coin", decimals: 6 } as const;
    const result = results[functionName as keyof typeof results];
    return { success: true, returnData: encodeFunctionResult({ abi: erc20Abi, functionName, result } as never) };
  }
  if (target === mkr) {
    if (functionName === "symbol" || functionName === "name") {
      const result = stringToHex(functionName === "symbol" ? "MKR" : "Maker", { size: 32 });
      return { success: true, returnData: encodeFunctionResult({ abi: bytes32Abi, functionName, result }) };
    }
    const result = functionName === "decimals" ? 18 : 5n;
    return { success: true, returnData: encodeFunctionResult({ abi: erc20Abi, functionName, result } as never) };
  }
  // The governor is labelled in the config but is no ERC20: every call reverts.
  return { success: false, returnData: "0x" };
}

const client = createPublicClient({
  chain: daoChain({ chainId: 31337, rpcUrls: ["http://127.0.0.1:1"] }),
  transport: custom({
    async request({ method, params }) {
      if (method === "eth_getCode") return (params as [string])[0] === multicall3Address ? "0x6001" : "0x";
      if (method !== "eth_call") throw new Error(`unexpected ${method}`);
      const [{ data }] = params as [{ data: Hex }];
      const calls = decodeFunctionData({ abi: multicall3Abi, data }).args[0] as readonly {
        target: string;
        callData: Hex;
      }[];
      const results = calls.map(({ target, callData }) => answer(target, callData));
      return encodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", result: results });
    },
  }),
});

describe("readTreasuryBalances", () => {
  it("reads the native balance and every token's figures in one round trip", async () => {
    const balances = await readTreasuryBalances(client, treasury, [usdc, mkr, governor]);
    expect(balances).toEqual({
      eth: 250n * 10n ** 18n,
      tokens: [
        { address: usdc, balance: 2_563_000_000_000n, symbol: "mUSDC", name: "USD Coin", decimals: 6 },
        { address: mkr, balance: 5n, symbol: "MKR", name: "Maker", decimals: 18 },
        { address: governor, balance: undefined, symbol: undefined, name: undefined, decimals: undefined },
      ],
    });
  });
});
