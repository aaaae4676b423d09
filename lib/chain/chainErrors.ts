/**
 * What went wrong when Commons talked to a chain, in the words a page shows. A dead RPC, a
 * provider that rate-limits, a node that no longer keeps old state, an RPC serving another chain
 * and a call that reverted are different problems with different fixes, so each has its own
 * kind and sentence — "the RPC did not answer" is said only when it did not.
 */
import { BaseError, HttpRequestError, TimeoutError } from "viem";

export type ChainProblemKind =
  /** Connection refused, DNS failure, HTTP 5xx: the endpoint is down. */
  | "unreachable"
  | "timeout"
  /** HTTP 429, JSON-RPC -32005 / -32007 / 429: the provider is throttling us. */
  | "rateLimited"
  /** HTTP 401/403: the endpoint refuses us (a missing or wrong API key). */
  | "refused"
  /** "missing trie node", "header not found", "block height is X but requested was Y": no archive state. */
  | "stateUnavailable"
  /** The RPC serves another chain id than the config says. */
  | "wrongChain"
  /** The call ran and the contract refused it. */
  | "reverted"
  | "unknown";

/** One endpoint's failure, for messages that name which endpoint did what. */
export type EndpointFailure = { url: string; kind: ChainProblemKind; message: string };

/**
 * Every endpoint of a chain failed a request. `failures` says what each one did.
 *
 * @example
 * throw new ChainUnreachableError(31337, [{ url, kind: "unreachable", message: "connection refused" }]);
 */
export class ChainUnreachableError extends Error {
  override name = "ChainUnreachableError";
  constructor(
    readonly chainId: number | undefined,
    readonly failures: readonly EndpointFailure[],
  ) {
    super(describeFailures(chainId, failures));
  }

  /** The most telling kind: rate limits and missing state say more than "unreachable". */
  get kind(): ChainProblemKind {
    const kinds = this.failures.map((failure) => failure.kind);
    for (const kind of ["rateLimited", "stateUnavailable", "refused", "timeout", "unreachable"] as const) {
      if (kinds.includes(kind)) return kind;
    }
    return kinds[0] ?? "unknown";
  }
}

/**
 * The ChainUnreachableError inside an error viem wrapped (its RPC error classes keep ours as the
 * cause), or undefined.
 *
 * @example const down = unreachableCause(error); if (down) show(down.message);
 */
export function unreachableCause(error: unknown): ChainUnreachableError | undefined {
  for (let e = error as { cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e instanceof ChainUnreachableError) return e;
  }
  return undefined;
}

/**
 * The RPC answers for another chain than the DAO's config names.
 *
 * @example throw new WrongChainError({ expected: 1, actual: 31337, url });
 */
export class WrongChainError extends Error {
  override name = "WrongChainError";
  readonly kind = "wrongChain" as const;
  constructor(readonly detail: { expected: number; actual: number; url: string }) {
    super(`${hostOf(detail.url)} serves chain ${detail.actual}, not chain ${detail.expected} as the config says`);
  }
}

/**
 * A read the page cannot do without reverted (e.g. a token without totalSupply()).
 *
 * @example throw new CallRevertedError(`token ${token} has no totalSupply()`);
 */
export class CallRevertedError extends Error {
  override name = "CallRevertedError";
  readonly kind = "reverted" as const;
}

/**
 * The host (and port) of an RPC URL: enough to tell endpoints apart without printing an API key
 * that many providers put in the path or query.
 *
 * @example hostOf("https://eth-mainnet.g.alchemy.com/v2/SECRET") // "eth-mainnet.g.alchemy.com"
 */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "an RPC endpoint";
  }
}

const stateUnavailablePattern =
  /missing trie node|header not found|block height is \d+ but requested was \d+|state (is )?not available|historical state|pruned|old data not available|state histories haven't been fully indexed/i;
const revertPattern = /execution reverted|\brevert(ed)?\b/i;

function codeOf(error: unknown): number | undefined {
  let found: number | undefined;
  if (error instanceof BaseError) {
    error.walk((e) => {
      const code = (e as { code?: unknown }).code;
      if (typeof code === "number" && found === undefined) found = code;
      return false;
    });
  }
  const code = (error as { code?: unknown } | null)?.code;
  return found ?? (typeof code === "number" ? code : undefined);
}

function httpStatusOf(error: unknown): number | undefined {
  let status: number | undefined;
  if (error instanceof BaseError) {
    error.walk((e) => {
      if (e instanceof HttpRequestError && e.status !== undefined && status === undefined) status = e.status;
      return false;
    });
  }
  return status;
}

function isTimeout(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  return error instanceof BaseError && error.walk((e) => e instanceof TimeoutError) !== null;
}

/** All the messages of an error and its causes, for pattern tests. */
function fullText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: unknown; details?: unknown; cause?: unknown } | undefined; e; ) {
    if (typeof e.message === "string") parts.push(e.message);
    if (typeof e.details === "string") parts.push(e.details);
    e = e.cause as typeof e;
  }
  return parts.join(" | ");
}

/**
 * What kind of problem one failed request was.
 *
 * @example classifyChainError(new HttpRequestError({ url, status: 429 })) // "rateLimited"
 */
export function classifyChainError(error: unknown): ChainProblemKind {
  const unreachable = unreachableCause(error);
  if (unreachable) return unreachable.kind;
  if (error instanceof WrongChainError || error instanceof CallRevertedError) return error.kind;
  const text = fullText(error);
  const code = codeOf(error);
  const status = httpStatusOf(error);
  if (stateUnavailablePattern.test(text)) return "stateUnavailable";
  if (code === 3 || revertPattern.test(text)) return "reverted";
  if (status === 429 || code === 429 || code === -32005 || code === -32007) return "rateLimited";
  if (/rate limit|too many requests|exceeded .*(capacity|quota|limit)|request limit reached/i.test(text)) {
    return "rateLimited";
  }
  if (isTimeout(error) || /timed? ?out/i.test(text)) return "timeout";
  if (status === 401 || status === 403) return "refused";
  if (status !== undefined && status >= 500) return "unreachable";
  if (/fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket hang up|network|Failed to fetch/i.test(text)) {
    return "unreachable";
  }
  if (error instanceof HttpRequestError) return "unreachable";
  return "unknown";
}

/**
 * One short line for one endpoint's failure.
 *
 * @example endpointFailure(url, error).message // "refused the connection"
 */
export function endpointFailure(url: string, error: unknown): EndpointFailure {
  const kind = classifyChainError(error);
  const status = httpStatusOf(error);
  const detail = firstLine(error);
  const message =
    kind === "rateLimited"
      ? `rate-limited us${status ? ` (HTTP ${status})` : ""}`
      : kind === "timeout"
        ? "did not answer in time"
        : kind === "refused"
          ? `refused the request (HTTP ${status}: check the API key or allow-list)`
          : kind === "stateUnavailable"
            ? "no longer keeps the state of that block (not an archive node)"
            : kind === "unreachable"
              ? status
                ? `answered HTTP ${status}`
                : /ECONNREFUSED|fetch failed/i.test(fullText(error))
                  ? "refused the connection"
                  : `could not be reached (${detail})`
              : detail;
  return { url, kind, message };
}

function firstLine(error: unknown): string {
  const message =
    error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? message).slice(0, 200);
}

function describeFailures(chainId: number | undefined, failures: readonly EndpointFailure[]): string {
  const chain = chainId === undefined ? "the chain" : `chain ${chainId}`;
  if (failures.length === 0) return `No RPC endpoint of ${chain} answered`;
  const parts = failures.map((failure) => `${hostOf(failure.url)} ${failure.message}`);
  return failures.length === 1
    ? `The RPC endpoint of ${chain} failed: ${parts[0]}`
    : `All ${failures.length} RPC endpoints of ${chain} failed: ${parts.join("; ")}`;
}

/** What a page says about a failed chain read: a title and one sentence on what it means. */
export type ChainProblem = { kind: ChainProblemKind; title: string; detail: string };

/**
 * @example
 * const problem = describeChainProblem(error);
 * <Alert title={problem.title}>{problem.detail}</Alert>
 */
export function describeChainProblem(error: unknown): ChainProblem {
  if (error instanceof ChainProblemError) return error.problem;
  const kind = classifyChainError(error);
  const cause = unreachableCause(error) ?? error;
  const detail = cause instanceof Error ? cause.message.split("\n")[0] || cause.name : String(cause);
  switch (kind) {
    case "rateLimited":
      return { kind, title: "The chain’s RPC is rate-limiting this server", detail };
    case "timeout":
      return { kind, title: "The chain’s RPC is too slow to answer", detail };
    case "refused":
      return { kind, title: "The chain’s RPC refuses this server", detail };
    case "stateUnavailable":
      return { kind, title: "The chain’s RPC does not keep that block’s state", detail };
    case "wrongChain":
      return { kind, title: "The RPC serves another chain", detail };
    case "reverted":
      return { kind, title: "A contract call reverted", detail };
    case "unreachable":
      return { kind, title: "The chain’s RPC did not answer", detail };
    default:
      return { kind, title: "Reading the chain failed", detail };
  }
}

/**
 * A problem found earlier (e.g. when the DAO was loaded), carried as an error so a page that
 * settles its reads handles it like any other.
 *
 * @example { ok: false, error: new ChainProblemError(loaded.problem) }
 */
export class ChainProblemError extends Error {
  override name = "ChainProblemError";
  constructor(readonly problem: ChainProblem) {
    super(problem.detail);
  }
}
