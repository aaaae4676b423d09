/**
 * A delegate's live figures from the voting token, in one round trip, asked through the DAO's
 * adapter (OpenZeppelin Votes' getVotes, or Compound's getCurrentVotes): current votes, token
 * balance, own delegate, and the token's total supply (the base of a share).
 */
import { type Address, zeroAddress } from "viem";
import { type GovernorAdapter, preparedRead } from "../governor/adapter";
import { type ChainReader, readCalls } from "./readCalls";

export type DelegateOnChain = {
  /** Current votes; undefined when the token does not answer. */
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
 * const live = await readDelegateOnChain(client, governorAdapter(writeDao), "0x7099…79C8");
 * live.votes // 441850000000000000000000n
 */
export async function readDelegateOnChain(
  client: ChainReader,
  adapter: Pick<GovernorAdapter, "votesNow" | "balanceOf" | "delegates" | "totalSupply">,
  account: Address,
): Promise<DelegateOnChain> {
  const [votes, balance, delegate, totalSupply] = await readCalls(client, [
    preparedRead<bigint>(adapter.votesNow(account)),
    preparedRead<bigint>(adapter.balanceOf(account)),
    preparedRead<Address>(adapter.delegates(account)),
    preparedRead<bigint>(adapter.totalSupply()),
  ]);
  return {
    votes: votes === undefined ? undefined : BigInt(votes),
    balance: balance === undefined ? undefined : BigInt(balance),
    delegate: delegate === undefined ? undefined : delegate === zeroAddress ? null : delegate,
    totalSupply,
  };
}
