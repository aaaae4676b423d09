/** The voting token's total supply, live: the base of every "share of supply" in the delegates pages. */
import { type GovernorAdapter, preparedRead } from "../governor/adapter";
import { CallRevertedError } from "./chainErrors";
import { type ChainReader, readCalls } from "./readCalls";

/**
 * Throws a ChainUnreachableError when the chain cannot be reached, and a CallRevertedError when the
 * token has no totalSupply() (some ERC721Votes tokens), so a page can say which.
 *
 * @example const supply = await readTotalSupply(client, adapterOf(dao)); // 10000000000000000000000000n
 */
export async function readTotalSupply(
  client: ChainReader,
  adapter: Pick<GovernorAdapter, "totalSupply">,
): Promise<bigint> {
  const read = adapter.totalSupply();
  const [supply] = await readCalls(client, [preparedRead<bigint>(read)]);
  if (supply === undefined) {
    throw new CallRevertedError(`the voting token ${read.address} does not answer totalSupply()`);
  }
  return BigInt(supply);
}
