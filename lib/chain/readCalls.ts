/**
 * Many contract reads in one Multicall3 `aggregate3` round trip, typed per call, with a read that
 * reverts (or returns nothing) coming back `undefined` while a chain that cannot be reached throws.
 * (viem's `multicall` with `allowFailure` turns a network error into per-call failures,
 * indistinguishable from reverts; a page must be able to say "the chain did not answer".)
 */
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionReturnType,
  decodeFunctionResult,
  encodeFunctionData,
  type Hex,
  multicall3Abi,
  type PublicClient,
} from "viem";

type ReadMutability = "pure" | "view";

/** A read ready for aggregate3: where to call, what to send, how to decode the answer. */
export type PreparedCall<T> = { target: Address; callData: Hex; decode: (data: Hex) => T };

/**
 * Prepares one typed read for {@link readCalls}.
 *
 * @example
 * const supply = contractCall({ address: token, abi: erc20Abi, functionName: "totalSupply" });
 */
export function contractCall<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, ReadMutability>,
  const args extends ContractFunctionArgs<abi, ReadMutability, functionName>,
>(call: {
  address: Address;
  abi: abi;
  functionName: functionName;
  args?: args;
}): PreparedCall<ContractFunctionReturnType<abi, ReadMutability, functionName, args>> {
  const { address, abi, functionName, args } = call;
  const callData = encodeFunctionData({ abi, functionName, args } as never);
  return {
    target: address,
    callData,
    decode: (data) =>
      decodeFunctionResult({ abi, functionName, args, data } as never) as ContractFunctionReturnType<
        abi,
        ReadMutability,
        functionName,
        args
      >,
  };
}

/**
 * The native balance of `account`, read through Multicall3's own `getEthBalance` so it joins the
 * same round trip as the contract reads.
 *
 * @example const [eth] = await readCalls(client, [ethBalanceCall(multicall3Address, timelock)]);
 */
export function ethBalanceCall(multicall3: Address, account: Address): PreparedCall<bigint> {
  return contractCall({ address: multicall3, abi: multicall3Abi, functionName: "getEthBalance", args: [account] });
}

export type CallResults<calls extends readonly PreparedCall<unknown>[]> = {
  [index in keyof calls]: calls[index] extends PreparedCall<infer value> ? value | undefined : never;
};

/**
 * The chain's Multicall3 address, or a clear error when none is configured.
 *
 * @example const multicall3 = multicall3Of(client);
 */
export function multicall3Of(client: Pick<PublicClient, "chain">): Address {
  const address = client.chain?.contracts?.multicall3?.address;
  if (!address) throw new Error(`chain ${client.chain?.id} has no Multicall3 configured`);
  return address;
}

/**
 * Runs every call in one `aggregate3` (optionally at a past block). A call that reverts or whose
 * answer does not decode is `undefined`; an unreachable chain, or one without Multicall3, throws.
 *
 * @example
 * const [supply, symbol] = await readCalls(client, [
 *   contractCall({ address: token, abi: erc20Abi, functionName: "totalSupply" }),
 *   contractCall({ address: token, abi: erc20Abi, functionName: "symbol" }),
 * ]); // [10000000000000000000000000n, "COMM"]
 */
export async function readCalls<const calls extends readonly PreparedCall<unknown>[]>(
  client: Pick<PublicClient, "chain" | "readContract">,
  calls: calls,
  options: { blockNumber?: bigint } = {},
): Promise<CallResults<calls>> {
  if (calls.length === 0) return [] as unknown as CallResults<calls>;
  const results = await client.readContract({
    address: multicall3Of(client),
    abi: multicall3Abi,
    functionName: "aggregate3",
    args: [calls.map((call) => ({ target: call.target, allowFailure: true, callData: call.callData }))],
    ...(options.blockNumber === undefined ? {} : { blockNumber: options.blockNumber }),
  });
  return calls.map((call, index) => {
    const result = results[index];
    if (!result?.success || result.returnData === "0x") return undefined;
    try {
      return call.decode(result.returnData);
    } catch {
      return undefined;
    }
  }) as unknown as CallResults<calls>;
}
