/**
 * Live proposal states, read from the governor (never inferred from events: a timelock canceller
 * can cancel without the governor emitting anything). Many ids cost one Multicall3 call.
 */
import {
  type Address,
  decodeFunctionResult,
  encodeFunctionData,
  multicall3Abi,
  type PublicClient,
  parseAbi,
} from "viem";

/** IGovernor.ProposalState, in enum order. */
export const proposalStateNames = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;

export type ProposalState = (typeof proposalStateNames)[number];

const governorStateAbi = parseAbi(["function state(uint256 proposalId) view returns (uint8)"]);

/**
 * Maps the governor's `state()` number to its name; undefined for a value outside the enum.
 *
 * @example proposalStateName(1) // "Active"
 */
export function proposalStateName(value: number | bigint): ProposalState | undefined {
  return proposalStateNames[Number(value)];
}

function decodeState(success: boolean, returnData: `0x${string}`): ProposalState | undefined {
  if (!success || returnData === "0x") return undefined;
  try {
    return proposalStateName(decodeFunctionResult({ abi: governorStateAbi, functionName: "state", data: returnData }));
  } catch {
    return undefined;
  }
}

/**
 * Reads `state(id)` for every id in one Multicall3 `aggregate3`. An id whose call reverts (unknown
 * proposal, a governor that is not OpenZeppelin-compatible) comes back as `undefined`; a chain
 * that cannot be reached, or has no Multicall3, throws, so the caller can say so.
 *
 * (viem's `multicall` with `allowFailure` would turn a network error into per-call failures,
 * indistinguishable from reverts, hence the explicit aggregate3.)
 *
 * @example
 * const states = await readProposalStates(client, dao.governor, [id1, id2]); // ["Active", "Executed"]
 */
export async function readProposalStates(
  client: PublicClient,
  governor: Address,
  ids: readonly bigint[],
): Promise<(ProposalState | undefined)[]> {
  if (ids.length === 0) return [];
  const multicall3 = client.chain?.contracts?.multicall3?.address;
  if (!multicall3) throw new Error(`readProposalStates: chain ${client.chain?.id} has no Multicall3 configured`);
  const results = await client.readContract({
    address: multicall3,
    abi: multicall3Abi,
    functionName: "aggregate3",
    args: [
      ids.map((id) => ({
        target: governor,
        allowFailure: true,
        callData: encodeFunctionData({ abi: governorStateAbi, functionName: "state", args: [id] }),
      })),
    ],
  });
  return results.map(({ success, returnData }) => decodeState(success, returnData));
}
