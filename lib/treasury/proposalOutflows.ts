/**
 * What an executed proposal paid out of the treasury, from its actions: the native coin sent with
 * each call (`values`), and ERC20 `transfer(to, amount)` calls (and `transferFrom(treasury, to,
 * amount)`) decoded with a standard ERC20 ABI. Anything else (approvals, swaps, streams) is not an
 * outflow this module can name; the proposal page shows every action in full.
 *
 * (A minimal decoder on purpose: it does not need the proposal page's action decoder in
 * lib/actions, and only ever recognises these two selectors.)
 */
import { type Address, decodeFunctionData, erc20Abi, getAddress, type Hex, isAddressEqual, slice } from "viem";

export type Outflow =
  | { kind: "native"; actionIndex: number; to: Address; amount: bigint }
  | { kind: "erc20"; actionIndex: number; token: Address; to: Address; amount: bigint };

export type ProposalActions = { targets: readonly string[]; values: readonly string[]; calldatas: readonly string[] };

const transferSelectors = new Set(["0xa9059cbb", "0x23b872dd"]);

function decodeTransfer(calldata: Hex, treasury: Address): { to: Address; amount: bigint } | undefined {
  if (calldata.length < 10 || !transferSelectors.has(slice(calldata, 0, 4).toLowerCase())) return undefined;
  try {
    const decoded = decodeFunctionData({ abi: erc20Abi, data: calldata });
    if (decoded.functionName === "transfer") {
      const [to, amount] = decoded.args;
      return { to: getAddress(to), amount };
    }
    if (decoded.functionName === "transferFrom") {
      const [from, to, amount] = decoded.args;
      // Pulling someone else's tokens is not spending the treasury's.
      if (!isAddressEqual(from, treasury)) return undefined;
      return { to: getAddress(to), amount };
    }
  } catch {
    // Malformed arguments: not a transfer we can vouch for.
  }
  return undefined;
}

/**
 * @example
 * proposalOutflows({ targets: [usdc], values: ["0"], calldatas: [transferCalldata] }, timelock)
 * // [{ kind: "erc20", actionIndex: 0, token: usdc, to: grants, amount: 75000000000n }]
 */
export function proposalOutflows(actions: ProposalActions, treasury: Address): Outflow[] {
  const outflows: Outflow[] = [];
  actions.targets.forEach((rawTarget, actionIndex) => {
    if (!/^0x[0-9a-fA-F]{40}$/.test(rawTarget)) return;
    const target = getAddress(rawTarget);
    const rawValue = actions.values[actionIndex] ?? "0";
    const value = /^\d{1,78}$/.test(rawValue) ? BigInt(rawValue) : 0n;
    if (value > 0n) outflows.push({ kind: "native", actionIndex, to: target, amount: value });
    const calldata = actions.calldatas[actionIndex] ?? "0x";
    if (!/^0x([0-9a-fA-F]{2})*$/.test(calldata)) return;
    const transfer = decodeTransfer(calldata as Hex, treasury);
    if (transfer && transfer.amount > 0n) outflows.push({ kind: "erc20", actionIndex, token: target, ...transfer });
  });
  return outflows;
}
