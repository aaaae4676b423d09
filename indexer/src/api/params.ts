/**
 * Validation of the API's path and query parameters. Each reader returns a clean value or throws
 * a ParamError, which the app turns into a 400 (404 for an unknown DAO or proposal) with a JSON
 * `{ error }` body naming the parameter.
 */
import type { Address } from "viem";

export class ParamError extends Error {
  override name = "ParamError";
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

const maxUint256 = 2n ** 256n - 1n;
const maxSearchLength = 200;

function readInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ParamError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** `limit` (1..maxLimit, default 20; maxLimit defaults to 100) and `offset` (≥ 0, default 0). */
export function readPage(
  query: (name: string) => string | undefined,
  maxLimit = 100,
): { limit: number; offset: number } {
  return {
    limit: readInteger("limit", query("limit"), 20, 1, maxLimit),
    offset: readInteger("offset", query("offset"), 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** A proposal id: a decimal uint256. */
export function readProposalId(raw: string): bigint {
  const id = /^\d{1,78}$/.test(raw) ? BigInt(raw) : -1n;
  if (id < 0n || id > maxUint256) throw new ParamError("proposal id must be a decimal uint256");
  return id;
}

/** An address in any letter case, returned lowercase (as stored); `name` is the parameter's, for the error. */
export function readAddress(raw: string, name = "address"): Address {
  if (!/^0x[0-9a-fA-F]{40}$/.test(raw)) throw new ParamError(`${name} must be 0x followed by 40 hex characters`);
  return raw.toLowerCase() as Address;
}

/** `support`: 0 (against), 1 (for) or 2 (abstain); undefined when absent. */
export function readSupport(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^[012]$/.test(raw)) throw new ParamError("support must be 0, 1 or 2");
  return Number(raw);
}

/** The app's proposal state filters (lib/chain/proposalStates.ts); candidates in ./stateCandidates.ts. */
export const stateFilters = ["active", "pending", "passed", "executed", "closed"] as const;
export type StateFilter = (typeof stateFilters)[number];

/** `state`: one of the app's state filters, or undefined. */
export function readStateFilter(raw: string | undefined): StateFilter | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!(stateFilters as readonly string[]).includes(raw))
    throw new ParamError(`state must be one of ${stateFilters.join(", ")}`);
  return raw as StateFilter;
}

/** `clock`: the governor clock (a block number or a timestamp) the `state` filter is read at; required with it. */
export function readClock(raw: string | undefined): bigint {
  if (raw === undefined || !/^\d{1,20}$/.test(raw))
    throw new ParamError("clock must be a decimal integer (with state)");
  return BigInt(raw);
}

/** `sort` of a proposal's votes: by weight (default) or most recent first. */
export function readVoteSort(raw: string | undefined): "weight" | "recent" {
  if (raw === undefined || raw === "" || raw === "weight") return "weight";
  if (raw === "recent") return "recent";
  throw new ParamError('sort must be "weight" or "recent"');
}

/** A free-text search, trimmed; undefined when empty. */
export function readSearch(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (text === undefined || text === "") return undefined;
  if (text.length > maxSearchLength) throw new ParamError(`q must be at most ${maxSearchLength} characters`);
  // PostgreSQL cannot compare text holding U+0000 (it answered 500); no title holds a control character.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new ParamError("q must not contain control characters");
  return text;
}

/** A lowercase address prefix ("0xab", "ab" or a full address); undefined when `q` is absent. */
export function readAddressPrefix(raw: string | undefined): string | undefined {
  const text = readSearch(raw)?.toLowerCase();
  if (text === undefined) return undefined;
  const prefix = text.startsWith("0x") ? text : `0x${text}`;
  if (!/^0x[0-9a-f]{0,40}$/.test(prefix)) throw new ParamError("q must be the start of an address (hex)");
  return prefix;
}

/** `text` as a LIKE pattern that matches it literally (`%`, `_` and `\` escaped). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const indexedStatuses = ["created", "queued", "executed", "canceled"] as const;
export type IndexedStatus = (typeof indexedStatuses)[number];

/** `status`: a comma-separated subset of created, queued, executed, canceled; undefined when absent. */
export function readStatuses(raw: string | undefined): IndexedStatus[] | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const statuses = raw.split(",").map((part) => part.trim());
  const unknown = statuses.find((status) => !(indexedStatuses as readonly string[]).includes(status));
  if (unknown !== undefined) throw new ParamError(`status must be a list of ${indexedStatuses.join(", ")}`);
  return [...new Set(statuses as IndexedStatus[])];
}
