/**
 * Reads a contract ABI a proposer pasted: a JSON array of ABI entries, or a build artifact
 * (Hardhat, Foundry, Truffle) with an `abi` array. Every entry is checked against the ABI
 * specification (abitype's schema, `abitype/zod`) before anything uses it, and a problem is
 * reported where it is ("entry 3 (transfer): input 2 (x) has an invalid type uint257") instead of
 * failing later inside the encoder. Only the functions that can change state are offered for a
 * proposal action (a view call does nothing when the timelock executes it).
 */
import {
  AbiConstructor,
  AbiError,
  AbiEvent,
  AbiFallback,
  AbiFunction as AbiFunctionSchema,
  AbiParameter as AbiParameterSchema,
  AbiReceive,
} from "abitype/zod";
import { type Abi, type AbiFunction, toFunctionSignature } from "viem";
import { jsonErrorDetail } from "./parseArgument";

export type ParsedAbi = {
  abi: Abi;
  /** The functions a proposal can usefully call (not view or pure), in ABI order. */
  functions: AbiFunction[];
};

export type AbiParseResult = ({ ok: true } & ParsedAbi) | { ok: false; error: string };

/** Large enough for any real contract's ABI (Uniswap's router is ~60 KB). */
export const maxAbiLength = 1_000_000;

type Schema = { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: unknown } };

/** abitype's schema of each kind of ABI entry. */
const entrySchemas: Record<string, Schema> = {
  function: AbiFunctionSchema as unknown as Schema,
  event: AbiEvent as unknown as Schema,
  error: AbiError as unknown as Schema,
  constructor: AbiConstructor as unknown as Schema,
  fallback: AbiFallback as unknown as Schema,
  receive: AbiReceive as unknown as Schema,
};
const parameterSchema = AbiParameterSchema as unknown as Schema;

// abitype's identifier pattern is not anchored ("f x" passes); a name goes into the signature that
// the selector is hashed from, so it must be exactly an identifier.
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

class AbiShapeError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Why abitype refused a parameter, in words (abitype's union errors name every alternative). */
function parameterProblem(value: unknown, what: string): string | undefined {
  if (!isObject(value)) return `${what} must be an object with a "type"`;
  const { type, name, components } = value;
  if (typeof type !== "string") return `${what} has no "type"`;
  if (name !== undefined && name !== "" && (typeof name !== "string" || !identifier.test(name))) {
    return `${what} has an invalid name`;
  }
  const label = typeof name === "string" && name ? `${what} (${name})` : what;
  if (type.startsWith("tuple")) {
    if (!Array.isArray(components) || components.length === 0) return `${label} is a tuple without "components"`;
    for (const [index, component] of components.entries()) {
      const problem = parameterProblem(component, `${label} component ${index + 1}`);
      if (problem) return problem;
    }
  }
  // Valid for abitype but not for Solidity (a zero-length array) or not encodable by viem.
  const unsupported = /\[0+\]/.test(type) || /^function(\[|$)/.test(type);
  if (unsupported || !parameterSchema.safeParse(value).success) {
    const fixed = /^u?fixed/.test(type) ? " (fixed-point types are not supported)" : "";
    return `${label} has an invalid type ${JSON.stringify(type)}${fixed}`;
  }
  return undefined;
}

function checkParameters(value: unknown, what: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw new AbiShapeError(`${what} must be an array`);
  for (const [index, parameter] of value.entries()) {
    const problem = parameterProblem(parameter, `${what.replace(/s$/, "")} ${index + 1}`);
    if (problem) throw new AbiShapeError(problem);
  }
}

function checkEntry(value: unknown, index: number): Abi[number] {
  const where = `entry ${index + 1}`;
  if (!isObject(value)) throw new AbiShapeError(`${where} is not an ABI entry (an object with a "type")`);
  // The ABI specification: `type` may be omitted and then means "function".
  const type = value.type ?? "function";
  const schema = typeof type === "string" ? entrySchemas[type] : undefined;
  if (!schema) throw new AbiShapeError(`${where} has an unknown type ${JSON.stringify(type)}`);
  const named = type === "function" || type === "event" || type === "error";
  const { name } = value;
  if (named && (typeof name !== "string" || !identifier.test(name))) {
    throw new AbiShapeError(`${where} (a ${type}) has no valid name`);
  }
  const label = named ? `${where} (${name as string})` : where;
  checkParameters(value.inputs, `${label}: inputs`);
  checkParameters(value.outputs, `${label}: outputs`);
  // A copy (abitype's schema fills in `stateMutability` from old compilers' `constant`/`payable`
  // on the object it is given), with the lists hand-written ABIs often leave out.
  const entry: Record<string, unknown> = { ...value, type };
  if (type !== "receive" && type !== "fallback") entry.inputs = value.inputs ?? [];
  if (type === "function") entry.outputs = value.outputs ?? [];
  const result = schema.safeParse(entry);
  if (!result.success) {
    const issue = (result.error as { issues?: { path: PropertyKey[] }[] }).issues?.[0];
    const field = issue?.path[0];
    throw new AbiShapeError(
      field === "stateMutability" || field === undefined
        ? `${label} has an invalid stateMutability`
        : `${label} has an invalid ${String(field)}`,
    );
  }
  return result.data as Abi[number];
}

/**
 * Checks a list of ABI entries against the ABI specification (abitype's schema), for ABIs from
 * elsewhere too (a Sourcify server's answer): the entries as viem takes them, or the first problem.
 *
 * @example checkAbi(JSON.parse(text)) // { ok: true, abi } or { ok: false, error: "entry 3 (f): input 1 (x) has an invalid type \"uint257\"" }
 */
export function checkAbi(entries: readonly unknown[]): { ok: true; abi: Abi } | { ok: false; error: string } {
  try {
    return { ok: true, abi: entries.map(checkEntry) as Abi };
  } catch (error) {
    if (error instanceof AbiShapeError) return { ok: false, error: error.message };
    throw error;
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
  const checked = checkAbi(json);
  if (!checked.ok) return fail(`is not a valid ABI: ${checked.error}`);
  const { abi } = checked;
  if (!abi.some((item) => item.type === "function")) return fail("has no functions");
  const functions = callableFunctions(abi);
  if (functions.length === 0) return fail("has only view and pure functions, which a proposal cannot usefully call");
  return { ok: true, abi, functions };
}
