/**
 * Turns a decoded call's arguments into values a person can read, by type: addresses checksummed
 * (and named when known), token amounts in the token's units with its symbol, integers with
 * thousands separators, booleans, bytes, strings (untrusted: shown with invisible characters
 * revealed by the renderer), arrays and tuples, recursively. Amounts are exact: a proposal moving
 * 1.000001 tokens says so.
 */
import { type AbiParameter, type Address, getAddress, type Hex, maxUint256 } from "viem";
import { formatTokenAmount } from "../format/formatTokenAmount";
import type { DecodedAction, DecodedArgument } from "./decodeAction";
import { erc20AmountFunctions } from "./standardAbis";

/** What is known about tokens and addresses, keyed by lowercase address. */
export type FormatContext = {
  /** Symbol and decimals of ERC-20 tokens (the DAO token and action targets read from chain). */
  tokens: ReadonlyMap<string, { symbol: string; decimals: number }>;
  /** Names of known addresses (the DAO's contracts, configured labels, tokens). */
  labels: ReadonlyMap<string, string>;
  /** The DAO's governance token, whose units some governor settings are in. */
  governanceToken: Address;
};

export type FormattedValue =
  | { kind: "address"; address: Address; label?: string }
  | { kind: "amount"; text: string; raw: string; unlimited: boolean }
  | { kind: "number"; text: string }
  | { kind: "bool"; value: boolean }
  | { kind: "bytes"; hex: Hex; size: number }
  | { kind: "string"; text: string }
  | { kind: "list"; type: string; items: FormattedValue[] }
  | { kind: "tuple"; fields: FormattedArgument[] };

export type FormattedArgument = { name: string; type: string; value: FormattedValue };

type Components = { components?: readonly AbiParameter[] };

function groupDigits(value: bigint): string {
  const sign = value < 0n ? "-" : "";
  const digits = (value < 0n ? -value : value).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A token amount in the token's units, exact; "Unlimited" for the maximum uint256 (an infinite
 * approval).
 *
 * @example formatAmount(75_000_000_000n, { symbol: "mUSDC", decimals: 6 }) // "75,000 mUSDC"
 */
export function formatAmount(raw: bigint, token: { symbol: string; decimals: number }): FormattedValue {
  if (raw === maxUint256)
    return { kind: "amount", text: `Unlimited ${token.symbol}`, raw: raw.toString(), unlimited: true };
  const text = `${formatTokenAmount(raw, token.decimals, { maxFractionDigits: token.decimals })} ${token.symbol}`;
  return { kind: "amount", text, raw: raw.toString(), unlimited: false };
}

/**
 * Formats one ABI value. `amountOf` says, for a uint at this position, which token's units it is in.
 *
 * @example formatValue({ type: "bool" }, true, context) // { kind: "bool", value: true }
 */
export function formatValue(
  parameter: AbiParameter,
  value: unknown,
  context: FormatContext,
  amountOf?: { symbol: string; decimals: number },
): FormattedValue {
  const type = parameter.type;
  const list = /^(.*)\[(\d*)\]$/.exec(type);
  if (list && Array.isArray(value)) {
    const itemParameter = { ...parameter, type: list[1] ?? "" } as AbiParameter;
    return { kind: "list", type, items: value.map((item) => formatValue(itemParameter, item, context)) };
  }
  if (type === "tuple") {
    const components = (parameter as Components).components ?? [];
    const record = value as Record<string, unknown> | readonly unknown[];
    return {
      kind: "tuple",
      fields: components.map((component, index) => ({
        name: component.name ?? "",
        type: component.type,
        value: formatValue(
          component,
          Array.isArray(record) ? record[index] : (record as Record<string, unknown>)[component.name ?? String(index)],
          context,
        ),
      })),
    };
  }
  if (type === "address" && typeof value === "string") {
    const address = getAddress(value);
    const label = context.labels.get(address.toLowerCase());
    return label ? { kind: "address", address, label } : { kind: "address", address };
  }
  // viem decodes (u)int of 48 bits or fewer as JS numbers, wider ones as bigints.
  if (
    /^u?int\d*$/.test(type) &&
    (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value)))
  ) {
    const integer = BigInt(value);
    return amountOf ? formatAmount(integer, amountOf) : { kind: "number", text: groupDigits(integer) };
  }
  if (type === "bool" && typeof value === "boolean") return { kind: "bool", value };
  if (/^bytes\d*$/.test(type) && typeof value === "string") {
    return { kind: "bytes", hex: value as Hex, size: Math.max(0, (value.length - 2) / 2) };
  }
  if (type === "string" && typeof value === "string") return { kind: "string", text: value };
  // A value the ABI type does not describe (should not happen with viem's decoder): show it as text.
  return { kind: "string", text: String(value) };
}

/** Which argument (by index) of a call is an amount, and in which token. */
function amountArgument(
  action: DecodedAction,
  context: FormatContext,
): { index: number; token: { symbol: string; decimals: number } } | undefined {
  const { call } = action;
  if (call.kind !== "decoded") return undefined;
  const target = action.target.toLowerCase();
  if (
    erc20AmountFunctions.has(call.functionName) &&
    (call.source === "erc20" || call.source === "token" || call.source === "signature")
  ) {
    const token = context.tokens.get(target);
    const index = call.args.map((arg) => arg.type).lastIndexOf("uint256");
    return token && index >= 0 ? { index, token } : undefined;
  }
  if (call.source === "governor" && call.functionName === "setProposalThreshold") {
    const token = context.tokens.get(context.governanceToken.toLowerCase());
    return token ? { index: 0, token } : undefined;
  }
  return undefined;
}

/**
 * @example
 * formatArguments(decodeAction(action, dao), context)
 * // [{ name: "to", type: "address", value: { kind: "address", … } }, { name: "amount", …, value: { kind: "amount", text: "75,000 mUSDC" } }]
 */
export function formatArguments(action: DecodedAction, context: FormatContext): FormattedArgument[] {
  if (action.call.kind !== "decoded") return [];
  const amount = amountArgument(action, context);
  return action.call.args.map((arg: DecodedArgument, index) => ({
    name: arg.name,
    type: arg.type,
    value: formatValue(arg.parameter, arg.value, context, amount?.index === index ? amount.token : undefined),
  }));
}
