/**
 * What an RPC provider meant by an error: an eth_getLogs limit (too wide a block range, too many
 * results), a rate limit, state the node no longer keeps, or an endpoint that is down. Providers
 * word these differently and change their wording; the patterns below are the ones seen from
 * Alchemy, Infura, QuickNode, Ankr, LlamaRPC, PublicNode, BlockPI, Chainstack, dRPC, Cloudflare,
 * thirdweb, Coinbase, geth, Erigon, anvil and others. Used by the indexer's RPC transport
 * (failoverTransport.ts) and by the token start search (../tokenStart.ts).
 */
import { BaseError, HttpRequestError, isHex, numberToHex, TimeoutError } from "viem";

/**
 * An eth_getLogs refusal. `range`: the block range is too wide (`maxBlocks` when the message says
 * the cap). `results`: the answer would hold too many logs — there are logs in the range, and a
 * narrower range may pass.
 */
export type LogsLimit = { kind: "range"; maxBlocks?: number } | { kind: "results" };

type ErrorLike = { message?: unknown; details?: unknown; shortMessage?: unknown; cause?: unknown; code?: unknown };

/** Every message, detail and code along an error's cause chain, as one string to match against. */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== null && current !== undefined; depth++) {
    if (typeof current === "string") {
      parts.push(current);
      break;
    }
    if (typeof current !== "object") break;
    const { message, details, shortMessage, code, cause } = current as ErrorLike;
    for (const part of [message, details, shortMessage]) if (typeof part === "string") parts.push(part);
    if (typeof code === "number") parts.push(`code ${code}`);
    current = cause;
  }
  return parts.join("\n");
}

/** The first numeric `code` along the cause chain (JSON-RPC error code, or 429). */
export function errorCode(error: unknown): number | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== null && typeof current === "object"; depth++) {
    const { code } = current as ErrorLike;
    if (typeof code === "number") return code;
    current = (current as ErrorLike).cause;
  }
  return undefined;
}

/** The HTTP status along the cause chain, if the error came with a response. */
export function httpStatus(error: unknown): number | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== null && typeof current === "object"; depth++) {
    const { status } = current as { status?: unknown };
    if (typeof status === "number") return status;
    current = (current as ErrorLike).cause;
  }
  return undefined;
}

/** "2K" → 2000, "10,000" → 10000, "1.5k" → 1500. */
function parseCount(text: string): number | undefined {
  const match = /^([\d,.]+)\s*([kKmM]?)$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  const suffix = match[2]?.toLowerCase();
  const digits = suffix ? match[1].replace(/,/g, "") : match[1].replace(/[,.]/g, "");
  const value = Number(digits) * (suffix === "k" ? 1_000 : suffix === "m" ? 1_000_000 : 1);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

/** Range caps whose message names the cap; the captured number is the widest range allowed. */
const rangeCapPatterns: RegExp[] = [
  /up to a ([\d,.]+\s*[kKmM]?) block range/, // Alchemy, Aurora
  /eth_getLogs is limited to a ([\d,.]+\s*[kKmM]?) range/i, // QuickNode
  /limited to a ([\d,.]+\s*[kKmM]?)\b/i, // QuickNode, 1RPC, Blast
  /limited to ([\d,.]+\s*[kKmM]?) blocks?/i, // BlockPI
  /maximum block range:?\s*([\d,.]+)/i, // PublicNode
  /max(?:imum)? block range (?:is |of )?([\d,.]+)/i, // Hyperliquid and others
  /requested too many blocks from \d+ to \d+, maximum is set to ([\d,.]+)/i, // Avalanche
  /Max range: ([\d,.]+)/i, // Cloudflare
  /Maximum allowed number of requested blocks is ([\d,.]+)/i, // thirdweb
  /please limit the query to at most ([\d,.]+) blocks/i, // Coinbase
  /ranges over ([\d,.]+) blocks are not supported/i, // dRPC free tier
  /block range greater than ([\d,.]+) max/i, // Swell
  /block range exceeds ([\d,.]+)/i, // Somnia
  /exceeds the range allowed for your plan \(\d+ > (\d+)\)/i, // Blast (paid)
  /range is too large, max is ([\d,.]+\s*[kK]?) blocks/i, // Merkle
  /block range is too wide \(maximum (\d+)\)/i, // Moonriver
  /maximum \[from, to\] blocks distance: (\d+)/i, // Ankr (TAC)
  /exceed max block range: (\d+)/i, // Tron
  /query must be smaller than size ([\d,.]+)/i, // Harmony
];

/** Range caps that do not say the cap. */
const rangePhrases: RegExp[] = [
  /block range (?:is )?too (?:large|wide|big)/i,
  /range (?:is )?too (?:large|wide)/i,
  /block range limit exceeded/i, // Chainstack
  /exceed(?:s|ed)? (?:the )?max(?:imum)? (?:block )?range/i,
  /allowed block range threshold exceeded/i,
  /range threshold exceeded/i,
  /too many blocks/i,
];

/** Result caps: the range holds more logs than the provider returns at once. */
const resultPhrases: RegExp[] = [
  /query returned more than [\d,]+ results/i, // Infura, geth-derived
  /query exceeds max results/i, // LlamaRPC, Ankr
  /logs matched by query exceeds limit of \d+/i, // Arbitrum
  /log response size exceeded/i, // Alchemy (when it names no block range)
  /response size should not greater than \d+ bytes/i, // 1RPC
  /backend response too large/i, // Optimism
  /response (?:is )?too large/i,
  /too many (?:logs|results)/i,
  /more than [\d,]+ (?:logs|results)/i,
  /query timeout exceeded/i, // providers that give up on a heavy range
  // viem's own refusal of an answer over its size cap (10 MB): the range holds too many logs for
  // one answer whatever the provider allows, e.g. a token's first distribution to 50,000 holders.
  /response body exceeded the size limit/i,
];

/**
 * The eth_getLogs limit an error reports, or undefined when it is some other error.
 *
 * @example
 * logsLimitOf(new Error("eth_getLogs is limited to a 10,000 range")) // { kind: "range", maxBlocks: 10000 }
 * logsLimitOf(new Error("query returned more than 10000 results")) // { kind: "results" }
 */
export function logsLimitOf(error: unknown): LogsLimit | undefined {
  if (error instanceof LogsLimitError) return error.limit;
  const text = errorText(error);
  for (const pattern of rangeCapPatterns) {
    const match = pattern.exec(text);
    const maxBlocks = match?.[1] ? parseCount(match[1]) : undefined;
    if (maxBlocks !== undefined) return { kind: "range", maxBlocks };
  }
  if (rangePhrases.some((pattern) => pattern.test(text))) return { kind: "range" };
  if (resultPhrases.some((pattern) => pattern.test(text))) return { kind: "results" };
  return undefined;
}

const rateLimitPhrases =
  /rate.?limit|too many requests|exceeded its compute units|compute units per second|request rate exceeded|requests per second|throughput|capacity exceeded|daily request count exceeded|credits? (?:limit|exceeded)/i;

/**
 * Whether the provider asked us to slow down: HTTP 429, JSON-RPC 429, or -32005 / a rate-limit
 * message (an eth_getLogs result cap also uses -32005 at Infura, so limits are ruled out first).
 */
export function isRateLimit(error: unknown): boolean {
  if (httpStatus(error) === 429) return true;
  const code = errorCode(error);
  if (code === 429) return true;
  if (logsLimitOf(error) !== undefined) return false;
  return code === -32005 || code === -32090 || rateLimitPhrases.test(errorText(error));
}

const stateUnavailablePhrases =
  /missing trie node|historical state .* is not available|state .*(?:is )?not available|header not found|block height is \d+ but requested was \d+|BlockOutOfRangeError|required historical state unavailable|state histories haven't been fully indexed|pruned|not (?:an )?archive|distance to target block exceeds|old data not available|unknown block|no state (?:available )?for block|state at block #?\d+ is pruned/i;

/**
 * Whether the node refused a read at an old block because it no longer keeps that state (a full
 * node, not an archive).
 *
 * @example
 * isStateUnavailable(new Error("missing trie node 0x12… (path ) state 0x34… is not available")) // true
 */
export function isStateUnavailable(error: unknown): boolean {
  return stateUnavailablePhrases.test(errorText(error));
}

/**
 * Whether the endpoint itself failed (unreachable, timed out, HTTP error, rate limited) rather than
 * answering the request: another endpoint may well answer it.
 */
export function isEndpointFailure(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (isRateLimit(error)) return true;
  const status = httpStatus(error);
  if (status !== undefined) return status >= 400 && status !== 400;
  // A fetch that never got a response (connection refused or reset, DNS): HttpRequestError without status.
  if (error instanceof HttpRequestError) return true;
  const code = errorCode(error);
  // -32603 internal error and -32002/-32000 "upstream" failures of gateways are worth another endpoint.
  return (
    code === -32603 || /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|network|upstream/i.test(errorText(error))
  );
}

/**
 * An eth_getLogs limit as the indexer's transport reports it: `limit` is what the provider said,
 * and `details` (enumerable, so the JSON.stringify Ponder matches against includes it) carries a
 * range in words Ponder's getLogsRetryHelper acts on — Alchemy's "this block range should work:
 * [from, to]" when the cap is known, else "block range too large", on which Ponder halves the
 * range. Its code is QuickNode's -32614, which viem neither rewraps nor retries.
 */
export class LogsLimitError extends BaseError {
  override name = "LogsLimitError";
  readonly code = -32614;
  constructor(
    readonly limit: LogsLimit,
    providerMessage: string,
    hint: string,
  ) {
    super(`eth_getLogs refused by the provider: ${providerMessage.split("\n")[0]?.slice(0, 300)}`, {
      details: `${hint} (provider said: ${providerMessage.replace(/\s+/g, " ").slice(0, 600)})`,
    });
  }
}

/**
 * A provider's eth_getLogs refusal of the range `filter` asked for, as a {@link LogsLimitError};
 * undefined for other errors, and for a single block (nothing narrower to ask for).
 *
 * @example
 * logsLimitError({ fromBlock: "0x0", toBlock: "0x1387" }, new Error("eth_getLogs is limited to a 2,000 range"))
 * // details: "this block range should work: [0x0, 0x7cf] (provider said: …)"
 */
export function logsLimitError(
  filter: { fromBlock?: unknown; toBlock?: unknown },
  error: unknown,
): LogsLimitError | undefined {
  if (error instanceof LogsLimitError) return error;
  const limit = logsLimitOf(error);
  if (limit === undefined || !isHex(filter.fromBlock) || !isHex(filter.toBlock)) return undefined;
  const from = BigInt(filter.fromBlock);
  const blocks = BigInt(filter.toBlock) - from + 1n;
  if (blocks <= 1n) return undefined;
  const said =
    errorText(error)
      .split("\n")
      .find((line) => logsLimitOf(line) !== undefined) ?? errorText(error);
  if (limit.kind === "range" && limit.maxBlocks !== undefined) {
    if (BigInt(limit.maxBlocks) < blocks) {
      const end = from + BigInt(limit.maxBlocks) - 1n;
      return new LogsLimitError(
        limit,
        said,
        `this block range should work: [${numberToHex(from)}, ${numberToHex(end)}]`,
      );
    }
    // Within the named block range: what is too large is the answer (Alchemy says both in one message).
    return new LogsLimitError({ kind: "results" }, said, "block range too large");
  }
  return new LogsLimitError(limit, said, "block range too large");
}
