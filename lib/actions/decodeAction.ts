/**
 * Decodes one proposal action (target, value, signature, calldata) with known ABIs only: the DAO's
 * governor, timelock and token (with the ABIs of that role in every flavour, ./flavourAbis), the
 * target's own verified ABI when the caller has one (Sourcify, ./verifiedAbis), then the standard
 * ERC-20 and ERC-721 interfaces. Nothing is looked up by selector (a 4byte directory would name any
 * selector an attacker registers). A call that matches no known function is "unknown", shown raw.
 *
 * GovernorBravo actions may carry a `signature` ("transfer(address,uint256)") with the calldata
 * holding only the arguments; those decode from the signature, named by a known ABI when its
 * selector matches one. The timelock hashes the signature exactly as written, so one that is not
 * in canonical form (a space, "uint") calls another selector than its text says: shown as unknown.
 */
import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  type Address,
  decodeAbiParameters,
  decodeFunctionData,
  encodeFunctionData,
  getAbiItem,
  type Hex,
  isAddressEqual,
  parseAbiItem,
  size,
  slice,
  toFunctionSelector,
  toFunctionSignature,
} from "viem";
import { signatureSelector } from "../proposals/builder/signatures";
import { roleAbi } from "./flavourAbis";
import { erc20CallsAbi, erc721CallsAbi } from "./standardAbis";

/** An action as the governor stores it. */
export type ProposalActionInput = { target: Address; value: bigint; signature: string; calldata: Hex };

/** The DAO's own contracts, whose full ABIs decode their calls. */
export type DaoContracts = { governor: Address; token: Address; timelock: Address | null };

/** Which ABI decoded a call ("verified": the target's verified source, from Sourcify). */
export type AbiSource = "governor" | "timelock" | "token" | "verified" | "erc20" | "erc721" | "signature";

/** Verified ABIs of targets, by lowercase address (./verifiedAbis fetches them). */
export type VerifiedAbis = ReadonlyMap<string, Abi>;

export type DecodedArgument = { name: string; type: string; parameter: AbiParameter; value: unknown };

export type DecodedCall =
  /** No calldata and no signature: a plain transfer of the value (or a call of the fallback). */
  | { kind: "none" }
  | {
      kind: "decoded";
      source: AbiSource;
      functionName: string;
      /** Canonical signature, e.g. "transfer(address,uint256)". */
      signature: string;
      selector: Hex;
      args: DecodedArgument[];
      /** False when re-encoding the arguments does not give back the calldata (extra or odd bytes). */
      exact: boolean;
    }
  | { kind: "unknown"; selector: Hex | null; reason: string };

export type DecodedAction = ProposalActionInput & { call: DecodedCall };

const governorAbi: Abi = roleAbi("governor");
const timelockAbi: Abi = roleAbi("timelock");
const tokenAbi: Abi = roleAbi("token");
// A Solidity function signature: a name and a parenthesised list of types, nothing else.
const signaturePattern = /^[A-Za-z_$][A-Za-z0-9_$]{0,99}\((?:[A-Za-z0-9_[\](), ]{0,1000})\)$/;

/** ABIs to try, the target's own first: a selector can mean different things on different contracts. */
function candidateAbis(target: Address, dao: DaoContracts, verified?: VerifiedAbis): [AbiSource, Abi][] {
  const own: [AbiSource, Abi][] = [];
  if (isAddressEqual(target, dao.governor)) own.push(["governor", governorAbi]);
  if (dao.timelock && isAddressEqual(target, dao.timelock)) own.push(["timelock", timelockAbi]);
  if (isAddressEqual(target, dao.token)) own.push(["token", tokenAbi]);
  const source = verified?.get(target.toLowerCase());
  if (source) own.push(["verified", source]);
  return [...own, ["erc20", erc20CallsAbi], ["erc721", erc721CallsAbi]];
}

function argumentsOf(item: AbiFunction, values: readonly unknown[]): DecodedArgument[] {
  return item.inputs.map((parameter, index) => ({
    name: parameter.name ?? "",
    type: parameter.type,
    parameter,
    value: values[index],
  }));
}

function isExact(item: AbiFunction, args: readonly unknown[], data: Hex): boolean {
  try {
    return encodeFunctionData({ abi: [item], functionName: item.name, args }).toLowerCase() === data.toLowerCase();
  } catch {
    return false;
  }
}

/** Decodes `data` (selector + arguments) with the first ABI that has its selector. */
function decodeWithAbis(data: Hex, abis: [AbiSource, Abi][]): DecodedCall | undefined {
  const selector = slice(data, 0, 4);
  for (const [source, abi] of abis) {
    const item = getAbiItem({ abi, name: selector }) as AbiFunction | undefined;
    if (item?.type !== "function") continue;
    try {
      const { args = [] } = decodeFunctionData({ abi: [item], data });
      return {
        kind: "decoded",
        source,
        functionName: item.name,
        signature: toFunctionSignature(item),
        selector,
        args: argumentsOf(item, args),
        exact: isExact(item, args, data),
      };
    } catch {
      return { kind: "unknown", selector, reason: `the arguments do not decode as ${toFunctionSignature(item)}` };
    }
  }
  return undefined;
}

function decodeWithSignature(action: ProposalActionInput, dao: DaoContracts, verified?: VerifiedAbis): DecodedCall {
  const signature = action.signature.trim();
  if (!signaturePattern.test(signature)) {
    return { kind: "unknown", selector: null, reason: "the signature is not a valid function signature" };
  }
  let item: AbiFunction;
  try {
    item = parseAbiItem(`function ${signature}`) as AbiFunction;
  } catch {
    return { kind: "unknown", selector: null, reason: "the signature is not a valid function signature" };
  }
  const selector = toFunctionSelector(item);
  const called = signatureSelector(action.signature);
  if (called !== selector) {
    return {
      kind: "unknown",
      selector: called,
      reason: `the signature is not in canonical form (${toFunctionSignature(item)}): the timelock calls selector ${called}, not that function`,
    };
  }
  // Named by a known ABI when the selector matches one (better argument names).
  const data = `${selector}${action.calldata.slice(2)}` as Hex;
  const known = decodeWithAbis(data, candidateAbis(action.target, dao, verified));
  if (known?.kind === "decoded") return known;
  try {
    const values = decodeAbiParameters(item.inputs, action.calldata);
    return {
      kind: "decoded",
      source: "signature",
      functionName: item.name,
      signature: toFunctionSignature(item),
      selector,
      args: argumentsOf(item, values),
      exact: isExact(item, values, data),
    };
  } catch {
    return { kind: "unknown", selector, reason: `the arguments do not decode as ${signature}` };
  }
}

/**
 * @example
 * const data = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [to, 5n] });
 * decodeAction({ target: usdc, value: 0n, signature: "", calldata: data }, dao).call
 * // { kind: "decoded", source: "erc20", functionName: "transfer", signature: "transfer(address,uint256)", … }
 * decodeAction(action, dao, await verifiedAbis(settings, chainId, unknownTargets)) // "verified" where Sourcify has it
 */
export function decodeAction(action: ProposalActionInput, dao: DaoContracts, verified?: VerifiedAbis): DecodedAction {
  let call: DecodedCall;
  if (action.signature.trim() !== "") {
    call = decodeWithSignature(action, dao, verified);
  } else if (action.calldata === "0x") {
    call = { kind: "none" };
  } else if (size(action.calldata) < 4) {
    call = { kind: "unknown", selector: null, reason: "the calldata is shorter than a function selector" };
  } else {
    call = decodeWithAbis(action.calldata, candidateAbis(action.target, dao, verified)) ?? {
      kind: "unknown",
      selector: slice(action.calldata, 0, 4),
      reason: "no known ABI has this function selector",
    };
  }
  return { ...action, call };
}
