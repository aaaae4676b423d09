/**
 * A one-line, plain-language summary of what an action does, for the calls a treasury proposal
 * makes most (ERC-20 transfers and approvals, plain ETH transfers); undefined for anything else,
 * whose decoded call speaks for itself. Built only from decoded, formatted values.
 */
import { shortAddress } from "../format/shortAddress";
import type { DecodedAction } from "./decodeAction";
import type { FormattedArgument, FormattedValue } from "./formatArguments";

function who(value: FormattedValue | undefined): string | undefined {
  if (value?.kind !== "address") return undefined;
  return value.label ? `${value.label} (${shortAddress(value.address)})` : value.address;
}

function amount(value: FormattedValue | undefined): string | undefined {
  return value?.kind === "amount" ? value.text : undefined;
}

/**
 * @example
 * summarizeAction(action, formatArguments(action, context), { value: "4 ETH", target: "0x7099…79C8" })
 * // "Transfers 75,000 mUSDC to Grants multisig (0x7099…79C8)"
 */
export function summarizeAction(
  action: DecodedAction,
  args: readonly FormattedArgument[],
  display: { value: string; target: string },
): string | undefined {
  const { call } = action;
  if (call.kind === "none") return action.value > 0n ? `Sends ${display.value} to ${display.target}` : undefined;
  if (call.kind !== "decoded" || action.value > 0n) return undefined;
  const [first, second, third] = args.map((arg) => arg.value);
  if (call.signature === "transfer(address,uint256)" && amount(second) && who(first)) {
    return `Transfers ${amount(second)} to ${who(first)}`;
  }
  if (call.signature === "transferFrom(address,address,uint256)" && amount(third) && who(first) && who(second)) {
    return `Transfers ${amount(third)} from ${who(first)} to ${who(second)}`;
  }
  if (call.signature === "approve(address,uint256)" && amount(second) && who(first)) {
    return `Allows ${who(first)} to spend ${amount(second)}`;
  }
  return undefined;
}
