/**
 * Reads a contract ABI a proposer pasted: a JSON array of ABI entries, or a build artifact
 * (Hardhat, Foundry, Truffle) with an `abi` array. Every entry is checked against the ABI
 * specification before anything uses it, so a typo is reported as such ("entry 3 (transfer):
 * parameter 2 has an invalid type uint257") instead of failing later inside the encoder. Only the
 * functions that can change state are offered for a proposal action (a view call does nothing
 * when the timelock executes it).
 */
import { type Abi, type AbiFunction, type AbiParameter, toFunctionSignature } from "viem";
import { jsonErrorDetail } from "./parseArgument";

export type ParsedAbi = {
  abi: Abi;
  /** The functions a proposal can usefully call (not view or pure), in ABI order. */
  functions: AbiFunction[];
};

export type AbiParseResult = ({ ok: true } & ParsedAbi) | { ok: false; error: string };

/** Large enough for any real contract's ABI (Uniswap's router is ~60 KB). */
export const maxAbiLength = 1_000_000;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const entryTypes = new Set(["function", "constructor", "event", "error", "fallback", "receive"]);
const mutabilities = new Set(["pure", "view", "nonpayable", "payable"]);

/**
 * Whether `type` (without tuple components) is a Solidity ABI type viem can encode.
 *
 * @example isAbiType("uint256[2][]") // true
 * @example isAbiType("uint257") // false
 */
export function isAbiType(type: string): boolean {
  const match = /^([a-z]+)(\d*)((?:\[\d*\])*)$/.exec(type);
  if (!match) return false;
  const [, base, size = "", arrays = ""] = match;
  if (/\[0+\]/.test(arrays)) return false;
  if (base === "uint" || base === "int") {
    if (size === "") return true;
    const bits = Number(size);
    return !size.startsWith("0") && bits >= 8 && bits <= 256 && bits % 8 === 0;
  }
  if (base === "bytes") {
    if (size === "") return true;
    const bytes = Number(size);
    return !size.startsWith("0") && bytes >= 1 && bytes <= 32;
  }
  if (base === "address" || base === "bool" || base === "string" || base === "tuple") return size === "";
  return false;
}

class AbiShapeError extends Error {}

function checkParameters(value: unknown, what: string): AbiParameter[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new AbiShapeError(`${what} must be an array`);
  return value.map((parameter, index) => checkParameter(parameter, `${what.replace(/s$/, "")} ${index + 1}`));
}

function checkParameter(value: unknown, what: string): AbiParameter {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AbiShapeError(`${what} must be an object with a "type"`);
  }
  const parameter = value as Record<string, unknown>;
  const { type, name } = parameter;
  if (typeof type !== "string") throw new AbiShapeError(`${what} has no "type"`);
  if (name !== undefined && name !== "" && (typeof name !== "string" || !identifier.test(name))) {
    throw new AbiShapeError(`${what} has an invalid name`);
  }
  const label = typeof name === "string" && name ? `${what} (${name})` : what;
  if (!isAbiType(type)) {
    const fixed = /^u?fixed/.test(type) ? " (fixed-point types are not supported)" : "";
    throw new AbiShapeError(`${label} has an invalid type ${JSON.stringify(type)}${fixed}`);
  }
  const out: Record<string, unknown> = { type, name: typeof name === "string" ? name : "" };
  if (typeof parameter.internalType === "string") out.internalType = parameter.internalType;
  if (typeof parameter.indexed === "boolean") out.indexed = parameter.indexed;
  if (type.startsWith("tuple")) {
    if (!Array.isArray(parameter.components) || parameter.components.length === 0) {
      throw new AbiShapeError(`${label} is a tuple without "components"`);
    }
    out.components = checkParameters(parameter.components, `${label} components`);
  }
  return out as AbiParameter;
}

function checkEntry(value: unknown, index: number): Abi[number] {
  const where = `entry ${index + 1}`;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AbiShapeError(`${where} is not an ABI entry (an object with a "type")`);
  }
  const entry = value as Record<string, unknown>;
  // The ABI specification: `type` may be omitted and then means "function".
  const type = entry.type ?? "function";
  if (typeof type !== "string" || !entryTypes.has(type)) {
    throw new AbiShapeError(`${where} has an unknown type ${JSON.stringify(type)}`);
  }
  const named = type === "function" || type === "event" || type === "error";
  const { name } = entry;
  if (named && (typeof name !== "string" || !identifier.test(name))) {
    throw new AbiShapeError(`${where} (a ${type}) has no valid name`);
  }
  const label = named ? `${where} (${name as string})` : where;
  // Old compilers wrote `constant` and `payable` instead of `stateMutability`.
  let stateMutability = entry.stateMutability;
  if (stateMutability === undefined) {
    stateMutability = entry.constant === true ? "view" : entry.payable === true ? "payable" : "nonpayable";
  }
  if (typeof stateMutability !== "string" || !mutabilities.has(stateMutability)) {
    throw new AbiShapeError(`${label} has an invalid stateMutability`);
  }
  const inputs = checkParameters(entry.inputs, `${label}: inputs`);
  switch (type) {
    case "function":
      return {
        type,
        name: name as string,
        inputs,
        outputs: checkParameters(entry.outputs, `${label}: outputs`),
        stateMutability: stateMutability as AbiFunction["stateMutability"],
      };
    case "event":
      return { type, name: name as string, inputs, anonymous: entry.anonymous === true } as Abi[number];
    case "error":
      return { type, name: name as string, inputs };
    case "constructor":
      return { type, inputs, stateMutability } as Abi[number];
    default:
      return { type, stateMutability } as Abi[number];
  }
}

/**
 * Whether a function can change state, and so is worth a proposal action.
 *
 * @example changesState({ type: "function", name: "transfer", stateMutability: "nonpayable", inputs: [], outputs: [] }) // true
 */
export function changesState(item: AbiFunction): boolean {
  return item.stateMutability !== "view" && item.stateMutability !== "pure";
}

/**
 * The state-changing functions of an ABI, one per signature (the first of any duplicates).
 *
 * @example callableFunctions(erc20Abi).map(toFunctionSignature) // ["approve(address,uint256)", "transfer(address,uint256)", "transferFrom(address,address,uint256)"]
 */
export function callableFunctions(abi: Abi): AbiFunction[] {
  const seen = new Set<string>();
  const functions: AbiFunction[] = [];
  for (const item of abi) {
    if (item.type !== "function" || !changesState(item)) continue;
    const signature = toFunctionSignature(item);
    if (seen.has(signature)) continue;
    seen.add(signature);
    functions.push(item);
  }
  return functions;
}

/**
 * @example
 * parseAbiJson('[{"type":"function","name":"pause","inputs":[],"outputs":[],"stateMutability":"nonpayable"}]', "Action 1 · ABI")
 * // { ok: true, abi: [...], functions: [{ name: "pause", … }] }
 * parseAbiJson("[{", "Action 1 · ABI")
 * // { ok: false, error: "Action 1 · ABI: is not valid JSON (…)" }
 */
export function parseAbiJson(text: string, field = "ABI"): AbiParseResult {
  const fail = (problem: string): AbiParseResult => ({ ok: false, error: `${field}: ${problem}` });
  const trimmed = text.trim();
  if (trimmed === "") return fail("is required: paste the contract's ABI (a JSON array)");
  if (trimmed.length > maxAbiLength)
    return fail(`is too long (more than ${maxAbiLength.toLocaleString("en-US")} characters)`);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    return fail(`is not valid JSON (${jsonErrorDetail(error)})`);
  }
  if (json !== null && typeof json === "object" && !Array.isArray(json) && "abi" in json) {
    json = (json as { abi: unknown }).abi;
  }
  if (!Array.isArray(json)) {
    return fail('is not an ABI: expected a JSON array of entries (or a build artifact with an "abi" array)');
  }
  let abi: Abi;
  try {
    abi = json.map(checkEntry) as Abi;
  } catch (error) {
    if (error instanceof AbiShapeError) return fail(`is not a valid ABI: ${error.message}`);
    throw error;
  }
  if (!abi.some((item) => item.type === "function")) return fail("has no functions");
  const functions = callableFunctions(abi);
  if (functions.length === 0) return fail("has only view and pure functions, which a proposal cannot usefully call");
  return { ok: true, abi, functions };
}
