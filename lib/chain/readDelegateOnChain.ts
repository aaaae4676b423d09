/**
 * A delegate's live figures from the voting token, in one Multicall3 round trip: current votes
 * (`getVotes`), token balance, own delegate, and the token's total supply (the base of a share).
 */
import { type Address, erc20Abi, type PublicClient, parseAbi, zeroAddress } from "viem";
import { contractCall, readCalls } from "./readCalls";

const votesAbi = parseAbi([
  "function getVotes(address account) view returns (uint256)",
  // COMP-style tokens call it getCurrentVotes.
  "function getCurrentVotes(address account) view returns (uint96)",
  "function delegates(address account) view returns (address)",
]);

export type DelegateOnChain = {
  /** `getVotes` (or COMP's `getCurrentVotes`); undefined when the token answers neither. */
  votes: bigint | undefined;
  balance: bigint | undefined;
  /** Whom the address delegates to; null when it never delegated. */
  delegate: Address | null | undefined;
  totalSupply: bigint | undefined;
};

/**
 * Throws when the chain cannot be reached (see readCalls).
 *
 * @example
 * const live = await readDelegateOnChain(client, dao.token, "0x7099…79C8");
 * live.votes // 441850000000000000000000n
 */
export async function readDelegateOnChain(
  client: Pick<PublicClient, "chain" | "readContract">,
  token: Address,
  account: Address,
): Promise<DelegateOnChain> {
  const [votes, currentVotes, balance, delegate, totalSupply] = await readCalls(client, [
    contractCall({ address: token, abi: votesAbi, functionName: "getVotes", args: [account] }),
    contractCall({ address: token, abi: votesAbi, functionName: "getCurrentVotes", args: [account] }),
    contractCall({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
    contractCall({ address: token, abi: votesAbi, functionName: "delegates", args: [account] }),
    contractCall({ address: token, abi: erc20Abi, functionName: "totalSupply" }),
  ]);
  return {
    votes: votes ?? currentVotes,
    balance,
    delegate: delegate === undefined ? undefined : delegate === zeroAddress ? null : delegate,
    totalSupply,
  };
}
