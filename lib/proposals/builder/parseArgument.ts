/**
 * Turns what a proposer typed into a value for a Solidity ABI type, or says exactly what is wrong,
 * naming the field: "Action 2 · amount (uint256): must be a whole number ≥ 0".
 *
 * Scalars are typed as plain text: an address (`0x` + 40 hex characters; a mixed-case address
 * must carry a valid EIP-55 checksum), a whole number (decimal, `_` between digit groups allowed,
 * or `0x` hex for unsigned types) checked against the type's range, `true`/`false`, hex bytes
 * (`bytesN` exactly N bytes), or any string. Arrays (`T[]`, `T[k]`) and tuples are typed as JSON:
 * `["0x…", "0x…"]`, `[1, "2"]`, a tuple as an array in order or an object keyed by component
 * names. Inside JSON, numbers may be JSON numbers when they are safe integers, else strings.
 *
 * The values come back in the form viem's `encodeFunctionData` takes: `Address` strings, bigints,
 * booleans, `0x` hex, strings, arrays (tuples as arrays, in component order).
 *
 * Over 300 lines because scalars, arrays and tuples recurse into one another; the parser stays whole.
 */
import { getAddress, type Hex } from "viem";

export type ParseResult<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** The part of an ABI parameter the parser reads (viem's `AbiParameter` fits). */
export type ArgumentParameter = { type: string; name?: string; components?: readonly ArgumentParameter[] };

/** Thrown inside the parser, caught at the top: a problem and where in a JSON value it is. */
class ArgumentError extends Error {
  constructor(
    readonly problem: string,
    readonly path: string[] = [],
  ) {
    super(problem);
  }
}

const intPattern = /^(u?)int(\d*)$/;
const bytesPattern = /^bytes(\d*)$/;
const arrayPattern = /^(.*)\[(\d*)\]$/;
const decimalInteger = /^-?\d+(?:_\d+)*$/;
const hexInteger = /^0x[0-9a-fA-F]+$/;

/**
 * How a parameter is written in the form: "amount (uint256)", "argument 2 (address[])".
 *
 * @example parameterLabel({ name: "to", type: "address" }, 0) // "to (address)"
 */
export function parameterLabel(parameter: ArgumentParameter, index: number): string {
  return `${parameter.name || `argument ${index + 1}`} (${displayType(parameter)})`;
}

/**
 * A parameter's type as Solidity writes it, tuples spelled out: "(address,uint256)[]".
 *
 * @example displayType({ type: "tuple[]", components: [{ type: "address" }, { type: "uint256" }] }) // "(address,uint256)[]"
 */
export function displayType(parameter: ArgumentParameter): string {
  if (!parameter.type.startsWith("tuple")) return parameter.type;
  const inner = (parameter.components ?? []).map(displayType).join(",");
  return `(${inner})${parameter.type.slice("tuple".length)}`;
}

/** Whether the value of this type is typed as JSON (arrays and tuples) rather than plain text. */
export function isJsonType(type: string): boolean {
  return arrayPattern.test(type) || type.startsWith("tuple");
}

/**
 * A short hint of what to type, for placeholders.
 *
 * @example inputHint({ type: "address[]" }) // '["0x…", "0x…"]'
 */
export function inputHint(parameter: ArgumentParameter): string {
  const { type } = parameter;
  const list = arrayPattern.exec(type);
  if (list) {
    const item = inputHint({ ...parameter, type: list[1] ?? "" });
    const quoted = isJsonType(list[1] ?? "") || /^u?int/.test(list[1] ?? "") || list[1] === "bool" ? item : `"${item}"`;
    return `[${quoted}, ${quoted}]`;
  }
  if (type === "tuple") {
    const fields = (parameter.components ?? []).map((component) => {
      const hint = inputHint(component);
      return isJsonType(component.type) || /^u?int/.test(component.type) || component.type === "bool"
        ? hint
        : `"${hint}"`;
    });
    return `[${fields.join(", ")}]`;
  }
  if (type === "address") return "0x…";
  if (type === "bool") return "true";
  if (intPattern.test(type)) return "0";
  if (bytesPattern.test(type)) return "0x…";
  return "text";
}

function bitsOf(type: string): { signed: boolean; bits: number } | undefined {
  const match = intPattern.exec(type);
  if (!match) return undefined;
  const bits = match[2] ? Number(match[2]) : 256;
  return { signed: match[1] !== "u", bits };
}

function describeBound(value: bigint, bits: number, signed: boolean, upper: boolean): string {
  if (bits <= 64) return value.toString();
  if (!signed) return `2^${bits} − 1`;
  return upper ? `2^${bits - 1} − 1` : `−2^${bits - 1}`;
}

function parseInteger(type: string, raw: unknown): bigint {
  const info = bitsOf(type);
  if (!info) throw new ArgumentError(`has an unsupported type ${type}`);
  const { signed, bits } = info;
  const shape = signed ? "must be a whole number" : "must be a whole number ≥ 0";
  let value: bigint;
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) throw new ArgumentError(shape);
    if (!Number.isSafeInteger(raw)) throw new ArgumentError("is too large for a JSON number: write it in quotes");
    value = BigInt(raw);
  } else if (typeof raw === "string") {
    const text = raw.trim();
    if (text === "") throw new ArgumentError("is required");
    if (!signed && hexInteger.test(text)) value = BigInt(text);
    else if (decimalInteger.test(text)) value = BigInt(text.replaceAll("_", ""));
    else throw new ArgumentError(shape);
  } else {
    throw new ArgumentError(shape);
  }
  const max = signed ? 2n ** BigInt(bits - 1) - 1n : 2n ** BigInt(bits) - 1n;
  const min = signed ? -(2n ** BigInt(bits - 1)) : 0n;
  if (!signed && value < 0n) throw new ArgumentError(shape);
  if (value > max || value < min) {
    const range = signed
      ? `between ${describeBound(min, bits, true, false)} and ${describeBound(max, bits, true, true)}`
      : `at most ${describeBound(max, bits, false, true)}`;
    throw new ArgumentError(`is out of range: ${signed ? "an" : "a"} ${type} must be ${range}`);
  }
  return value;
}

/**
 * An address as typed: `0x` and 40 hex characters; all-lowercase or all-uppercase is accepted as
 * is, mixed case must be a valid EIP-55 checksum (it catches typos).
 */
function parseAddress(raw: unknown): Hex {
  if (typeof raw !== "string") throw new ArgumentError("must be an address in quotes");
  const text = raw.trim();
  if (text === "") throw new ArgumentError("is required");
  if (/^[0-9a-fA-F]{40}$/.test(text)) throw new ArgumentError("must start with 0x");
  if (/^0x[0-9a-fA-F]*$/.test(text) && text.length !== 42) {
    throw new ArgumentError(`must be 40 hex characters after 0x (this has ${text.length - 2})`);
  }
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) {
    const ens = /^[^\s/]+\.[a-z]{2,}$/i.test(text) ? " (names are not resolved here: paste the address)" : "";
    throw new ArgumentError(`must be an address: 0x followed by 40 hex characters${ens}`);
  }
  const body = text.slice(2);
  const checksummed = getAddress(text.toLowerCase());
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && checksummed !== text) {
    throw new ArgumentError("has an invalid checksum: check it for a typo (or write it all in lowercase)");
  }
  return checksummed;
}

function parseBool(raw: unknown): boolean {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "string") {
    const text = raw.trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
    if (text === "") throw new ArgumentError("is required");
  }
  throw new ArgumentError("must be true or false");
}

function parseBytes(type: string, raw: unknown): Hex {
  const size = bytesPattern.exec(type)?.[1];
  if (typeof raw !== "string") throw new ArgumentError("must be hex in quotes, starting with 0x");
  const text = raw.trim();
  if (text === "" && size) throw new ArgumentError("is required");
  if (text === "") return "0x";
  if (!/^0x/i.test(text)) throw new ArgumentError("must be hex starting with 0x");
  const digits = text.slice(2);
  if (!/^[0-9a-fA-F]*$/.test(digits)) throw new ArgumentError("must contain only hex digits (0-9, a-f) after 0x");
  if (digits.length % 2 !== 0) throw new ArgumentError("must have an even number of hex digits (whole bytes)");
  if (size) {
    const expected = Number(size);
    if (digits.length / 2 !== expected) {
      throw new ArgumentError(
        `must be exactly ${expected} bytes (${expected * 2} hex digits after 0x); this has ${digits.length / 2}`,
      );
    }
  }
  return `0x${digits.toLowerCase()}`;
}

function describeJsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function fromJson(parameter: ArgumentParameter, value: unknown): unknown {
  const { type } = parameter;
  const list = arrayPattern.exec(type);
  if (list) {
    if (!Array.isArray(value)) throw new ArgumentError(`must be a JSON array (got ${describeJsonKind(value)})`);
    const length = list[2];
    if (length !== undefined && length !== "" && value.length !== Number(length)) {
      throw new ArgumentError(`must have exactly ${length} items (this has ${value.length})`);
    }
    const item: ArgumentParameter = { ...parameter, type: list[1] ?? "" };
    return value.map((entry, index) => {
      try {
        return fromJson(item, entry);
      } catch (error) {
        throw nest(error, `item ${index + 1}`);
      }
    });
  }
  if (type === "tuple") {
    const components = parameter.components ?? [];
    const names = components.map((component, index) => component.name || `field ${index + 1}`);
    let values: unknown[];
    if (Array.isArray(value)) {
      if (value.length !== components.length) {
        throw new ArgumentError(`must have ${components.length} fields in order: ${names.join(", ")}`);
      }
      values = value;
    } else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      const unknownKey = Object.keys(record).find((key) => !components.some((component) => component.name === key));
      if (unknownKey !== undefined) throw new ArgumentError(`has an unknown field "${unknownKey}"`);
      values = components.map((component, index) => {
        if (!component.name || !(component.name in record)) {
          throw new ArgumentError(`is missing the field ${names[index]}`);
        }
        return record[component.name];
      });
    } else {
      throw new ArgumentError(`must be a JSON array (in order) or object with the fields ${names.join(", ")}`);
    }
    return components.map((component, index) => {
      try {
        return fromJson(component, values[index]);
      } catch (error) {
        throw nest(error, names[index] ?? `field ${index + 1}`);
      }
    });
  }
  return scalar(type, value);
}

function scalar(type: string, value: unknown): unknown {
  if (type === "address") return parseAddress(value);
  if (type === "bool") return parseBool(value);
  if (type === "string") {
    if (typeof value !== "string") throw new ArgumentError("must be a string in quotes");
    return value;
  }
  if (intPattern.test(type)) return parseInteger(type, value);
  if (bytesPattern.test(type)) return parseBytes(type, value);
  throw new ArgumentError(`has an unsupported type ${type}`);
}

function nest(error: unknown, step: string): ArgumentError {
  if (error instanceof ArgumentError) return new ArgumentError(error.problem, [step, ...error.path]);
  return new ArgumentError(error instanceof Error ? error.message : String(error), [step]);
}

/** JSON.parse's message without the engine's noise, for "is not valid JSON (…)". */
export function jsonErrorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^JSON\.parse: /, "").split("\n")[0] ?? message;
}

/**
 * Parses one argument. `field` names it in the error ("Action 2 · amount (uint256)").
 *
 * @example
 * parseArgument({ type: "uint8", name: "n" }, "300", "Action 1 · n (uint8)")
 * // { ok: false, error: "Action 1 · n (uint8): is out of range: a uint8 must be at most 255" }
 * parseArgument({ type: "address[]" }, '["0x70997970c51812dc3a010c7d01b50e0d17dc79c8"]', "to")
 * // { ok: true, value: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"] }
 */
export function parseArgument(parameter: ArgumentParameter, input: string, field: string): ParseResult {
  try {
    if (!isJsonType(parameter.type)) return { ok: true, value: scalar(parameter.type, input) };
    const text = input.trim();
    if (text === "") throw new ArgumentError(`is required: write it as JSON, e.g. ${inputHint(parameter)}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ArgumentError(
        `is not valid JSON (${jsonErrorDetail(error)}); write it like ${inputHint(parameter)}, with strings, addresses and hex in double quotes`,
      );
    }
    return { ok: true, value: fromJson(parameter, json) };
  } catch (error) {
    const problem = error instanceof ArgumentError ? error : nest(error, "");
    const where = problem.path.filter(Boolean).join(" › ");
    return { ok: false, error: `${field}${where ? ` › ${where}` : ""}: ${problem.problem}` };
  }
}
