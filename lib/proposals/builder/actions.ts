/**
 * The actions of a proposal as the propose form holds them (drafts: exactly what was typed) and
 * their encoding into what the governor stores (target, value, calldata). Four kinds:
 *
 * - an ETH transfer from the treasury: recipient and amount in ETH;
 * - an ERC-20 transfer from the treasury: a token the treasury holds, recipient, amount in the
 *   token's units (encoded as `token.transfer(to, amount)`, executed by the timelock);
 * - a custom call: target, an ABI (one of the DAO's contracts, the standard ERC-20, or pasted
 *   JSON), a function, one typed input per argument, an optional ETH value;
 * - raw calldata: target, hex calldata, an optional ETH value.
 *
 * Every error names its action and field ("Action 2 · amount (uint256): must be a whole number
 * ≥ 0") and is keyed by field so the form can show it next to the input.
 */
import {
  type Abi,
  type AbiFunction,
  type Address,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  toFunctionSignature,
} from "viem";
import { type KnownAbiId, knownAbis } from "./knownAbis";
import { parseAbiJson } from "./parseAbiJson";
import { parseAmount } from "./parseAmount";
import { parameterLabel, parseArgument } from "./parseArgument";

export type EthTransferDraft = { kind: "eth"; to: string; amount: string };
export type Erc20TransferDraft = { kind: "erc20"; token: string; to: string; amount: string };
export type CustomCallDraft = {
  kind: "call";
  target: string;
  abiSource: KnownAbiId | "pasted";
  /** The pasted ABI (abiSource "pasted"). */
  abiJson: string;
  /** The chosen function's signature, e.g. "transfer(address,uint256)" ("" before one is picked). */
  fn: string;
  /** One input per argument of the function, as typed. */
  args: string[];
  /** ETH sent with the call, in ETH ("" for none). */
  value: string;
};
export type RawCallDraft = { kind: "raw"; target: string; calldata: string; value: string };

export type ActionDraft = { id: string } & (EthTransferDraft | Erc20TransferDraft | CustomCallDraft | RawCallDraft);
export type ActionKind = ActionDraft["kind"];

/** An ERC-20 the treasury holds (read on the server; the balance as a decimal string of raw units). */
export type TreasuryToken = { address: Address; symbol: string; decimals: number; balance: string };

export type BuilderContext = {
  /** The chain's native coin: "ETH", 18. */
  native: { symbol: string; decimals: number };
  /** ERC-20s the treasury holds, offered for ERC-20 transfers. */
  tokens: readonly TreasuryToken[];
};

/**
 * What the governor stores for one action. `calldata` is always the full call (selector and
 * arguments); `signature` names the function it calls when the action is a known function (a token
 * transfer, a custom call), so Bravo-family governors can be proposed signature + arguments
 * (./signatures.ts).
 */
export type EncodedAction = { target: Address; value: bigint; calldata: Hex; signature?: string };

/** `field` is the draft's key ("to", "amount", "args.0"); `message` names action and field in words. */
export type FieldError = { field: string; message: string };

export type EncodeResult = { ok: true; action: EncodedAction } | { ok: false; errors: FieldError[] };

export const actionKindLabels: Readonly<Record<ActionKind, string>> = {
  eth: "ETH transfer",
  erc20: "Token transfer",
  call: "Contract call",
  raw: "Raw calldata",
};

/** A new, empty action of a kind. */
export function emptyAction(kind: ActionKind, id: string): ActionDraft {
  switch (kind) {
    case "eth":
      return { id, kind, to: "", amount: "" };
    case "erc20":
      return { id, kind, token: "", to: "", amount: "" };
    case "call":
      return { id, kind, target: "", abiSource: "governor", abiJson: "", fn: "", args: [], value: "" };
    case "raw":
      return { id, kind, target: "", calldata: "", value: "" };
  }
}

/** "Action 2 · " */
export function actionPrefix(index: number): string {
  return `Action ${index + 1} · `;
}

const knownParsed = new Map<KnownAbiId, { ok: true; abi: Abi; functions: AbiFunction[] }>();

/** The ABI a custom call uses, or why there is none. */
export function customCallAbi(
  draft: Pick<CustomCallDraft, "abiSource" | "abiJson">,
  index: number,
): { ok: true; abi: Abi; functions: AbiFunction[] } | { ok: false; error: string } {
  if (draft.abiSource === "pasted") return parseAbiJson(draft.abiJson, `${actionPrefix(index)}ABI`);
  const cached = knownParsed.get(draft.abiSource);
  if (cached) return cached;
  const parsed = parseAbiJson(JSON.stringify(knownAbis[draft.abiSource].abi), "ABI");
  if (!parsed.ok) throw new Error(`the built-in ${draft.abiSource} ABI is invalid: ${parsed.error}`);
  knownParsed.set(draft.abiSource, parsed);
  return parsed;
}

/** The function of `functions` with this signature. */
export function findFunction(functions: readonly AbiFunction[], signature: string): AbiFunction | undefined {
  return functions.find((item) => toFunctionSignature(item) === signature);
}

function addressField(input: string, field: string, message: string, errors: FieldError[]): Address | undefined {
  const parsed = parseArgument({ type: "address" }, input, message);
  if (parsed.ok) return parsed.value as Address;
  errors.push({ field, message: parsed.error });
  return undefined;
}

function valueField(input: string, index: number, context: BuilderContext, errors: FieldError[]): bigint | undefined {
  const { symbol, decimals } = context.native;
  const parsed = parseAmount(input, `${actionPrefix(index)}${symbol} value`, { symbol, decimals, optional: true });
  if (parsed.ok) return parsed.value;
  errors.push({ field: "value", message: parsed.error });
  return undefined;
}

function encodeEth(draft: EthTransferDraft, index: number, context: BuilderContext): EncodeResult {
  const errors: FieldError[] = [];
  const prefix = actionPrefix(index);
  const { symbol, decimals } = context.native;
  const to = addressField(draft.to, "to", `${prefix}recipient`, errors);
  const amount = parseAmount(draft.amount, `${prefix}amount (${symbol})`, { symbol, decimals, positive: true });
  if (!amount.ok) errors.push({ field: "amount", message: amount.error });
  if (errors.length > 0 || !to || !amount.ok) return { ok: false, errors };
  return { ok: true, action: { target: to, value: amount.value, calldata: "0x" } };
}

function encodeErc20(draft: Erc20TransferDraft, index: number, context: BuilderContext): EncodeResult {
  const errors: FieldError[] = [];
  const prefix = actionPrefix(index);
  const token = context.tokens.find((candidate) => candidate.address.toLowerCase() === draft.token.toLowerCase());
  if (!token) errors.push({ field: "token", message: `${prefix}token: pick one of the tokens the treasury holds` });
  const to = addressField(draft.to, "to", `${prefix}recipient`, errors);
  const symbol = token?.symbol ?? "tokens";
  const amount = token
    ? parseAmount(draft.amount, `${prefix}amount (${symbol})`, { symbol, decimals: token.decimals, positive: true })
    : undefined;
  if (amount && !amount.ok) errors.push({ field: "amount", message: amount.error });
  if (errors.length > 0 || !token || !to || !amount?.ok) return { ok: false, errors };
  return {
    ok: true,
    action: {
      target: token.address,
      value: 0n,
      calldata: encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [to, amount.value] }),
      signature: "transfer(address,uint256)",
    },
  };
}

function encodeCall(draft: CustomCallDraft, index: number, context: BuilderContext): EncodeResult {
  const errors: FieldError[] = [];
  const prefix = actionPrefix(index);
  const target = addressField(draft.target, "target", `${prefix}target contract`, errors);
  const value = valueField(draft.value, index, context, errors);
  const abi = customCallAbi(draft, index);
  if (!abi.ok) return { ok: false, errors: [...errors, { field: "abi", message: abi.error }] };
  const item = draft.fn ? findFunction(abi.functions, draft.fn) : undefined;
  if (!item) {
    errors.push({ field: "fn", message: `${prefix}function: pick the function to call` });
    return { ok: false, errors };
  }
  const args = item.inputs.map((parameter, position) => {
    const parsed = parseArgument(
      parameter,
      draft.args[position] ?? "",
      `${prefix}${parameterLabel(parameter, position)}`,
    );
    if (!parsed.ok) errors.push({ field: `args.${position}`, message: parsed.error });
    return parsed.ok ? parsed.value : undefined;
  });
  if (value !== undefined && value > 0n && item.stateMutability !== "payable") {
    errors.push({
      field: "value",
      message: `${prefix}${context.native.symbol} value: ${item.name} is not payable, so sending ${context.native.symbol} with it would revert`,
    });
  }
  if (errors.length > 0 || !target || value === undefined) return { ok: false, errors };
  try {
    const calldata = encodeFunctionData({ abi: [item], functionName: item.name, args });
    return { ok: true, action: { target, value, calldata, signature: toFunctionSignature(item) } };
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    return {
      ok: false,
      errors: [{ field: "fn", message: `${prefix}${item.name}: the arguments do not encode (${detail})` }],
    };
  }
}

function encodeRaw(draft: RawCallDraft, index: number, context: BuilderContext): EncodeResult {
  const errors: FieldError[] = [];
  const prefix = actionPrefix(index);
  const target = addressField(draft.target, "target", `${prefix}target`, errors);
  const value = valueField(draft.value, index, context, errors);
  const text = draft.calldata.trim();
  let calldata: Hex | undefined;
  if (text === "" || text === "0x") {
    calldata = "0x";
  } else {
    const parsed = parseArgument({ type: "bytes" }, text, `${prefix}calldata`);
    if (!parsed.ok) errors.push({ field: "calldata", message: parsed.error });
    else if ((parsed.value as Hex).length < 10) {
      errors.push({
        field: "calldata",
        message: `${prefix}calldata: must start with a 4-byte function selector (8 hex digits), or be empty`,
      });
    } else calldata = parsed.value as Hex;
  }
  if (errors.length > 0 || !target || value === undefined || !calldata) return { ok: false, errors };
  return { ok: true, action: { target, value, calldata } };
}

/**
 * @example
 * encodeAction({ id: "a", kind: "eth", to: "0x7099…", amount: "1.5" }, 0, context)
 * // { ok: true, action: { target: "0x7099…", value: 1500000000000000000n, calldata: "0x" } }
 */
export function encodeAction(draft: ActionDraft, index: number, context: BuilderContext): EncodeResult {
  switch (draft.kind) {
    case "eth":
      return encodeEth(draft, index, context);
    case "erc20":
      return encodeErc20(draft, index, context);
    case "call":
      return encodeCall(draft, index, context);
    case "raw":
      return encodeRaw(draft, index, context);
  }
}
