/** The voting token's total supply, live: the base of every "share of supply" in the delegates pages. */
import { type Address, erc20Abi, type PublicClient } from "viem";

/**
 * Throws when the chain cannot be reached or the token has no totalSupply().
 *
 * @example const supply = await readTotalSupply(client, dao.token); // 10000000000000000000000000n
 */
export async function readTotalSupply(client: Pick<PublicClient, "readContract">, token: Address): Promise<bigint> {
  return client.readContract({ address: token, abi: erc20Abi, functionName: "totalSupply" });
}
