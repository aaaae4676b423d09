/**
 * The treasury's balances, live, in one round trip from one block (lib/chain/readCalls): the native
 * coin and, for each candidate ERC20, balanceOf, symbol, name and decimals.
 * A candidate that does not answer like an ERC20 (no decimals, no balanceOf) comes back without
 * figures, so a caller can drop it. Symbols and names are untrusted text.
 */
import {
  type Address,
  decodeFunctionResult,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  hexToString,
  parseAbi,
} from "viem";
import { type ChainReader, contractCall, ethBalanceCall, type PreparedCall, readCalls } from "./readCalls";

/** Most tokens read in one page view; anyone can send a treasury junk tokens. */
export const maxTreasuryTokens = 200;

const bytes32MetadataAbi = parseAbi([
  "function symbol() view returns (bytes32)",
  "function name() view returns (bytes32)",
]);

/** `symbol()`/`name()` as a string, or as bytes32 for the tokens that predate the standard (MKR, SAI). */
function textCall(token: Address, functionName: "symbol" | "name"): PreparedCall<string> {
  return {
    target: token,
    callData: encodeFunctionData({ abi: erc20Abi, functionName }),
    decode: (data: Hex) => {
      try {
        return decodeFunctionResult({ abi: erc20Abi, functionName, data });
      } catch {
        const raw = decodeFunctionResult({ abi: bytes32MetadataAbi, functionName, data });
        return hexToString(raw, { size: 32 }).replace(/\0+$/, "");
      }
    },
  };
}

export type TreasuryTokenBalance = {
  address: Address;
  balance: bigint | undefined;
  symbol: string | undefined;
  name: string | undefined;
  decimals: number | undefined;
};

export type TreasuryBalances = { eth: bigint | undefined; tokens: TreasuryTokenBalance[] };

/**
 * Throws when the chain cannot be reached. At most {@link maxTreasuryTokens} tokens are read.
 *
 * @example
 * const { eth, tokens } = await readTreasuryBalances(client, timelock, [comm, usdc]);
 * tokens[1] // { address: usdc, balance: 2575000000000n, symbol: "mUSDC", name: "USD Coin", decimals: 6 }
 */
export async function readTreasuryBalances(
  client: ChainReader,
  treasury: Address,
  tokens: readonly Address[],
): Promise<TreasuryBalances> {
  const candidates = tokens.slice(0, maxTreasuryTokens);
  const perToken = (token: Address) =>
    [
      contractCall({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [treasury] }),
      textCall(token, "symbol"),
      textCall(token, "name"),
      contractCall({ address: token, abi: erc20Abi, functionName: "decimals" }),
    ] as const;
  const calls = [ethBalanceCall(treasury), ...candidates.flatMap(perToken)];
  const [eth, ...rest] = await readCalls(client, calls);
  return {
    eth: eth as bigint | undefined,
    tokens: candidates.map((address, index) => {
      const [balance, symbol, name, decimals] = rest.slice(index * 4, index * 4 + 4);
      return {
        address,
        balance: balance as bigint | undefined,
        symbol: symbol as string | undefined,
        name: name as string | undefined,
        decimals: decimals === undefined ? undefined : Number(decimals),
      };
    }),
  };
}
