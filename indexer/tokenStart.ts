/**
 * Where the indexer starts reading a voting token: its own first block, which for a real DAO is
 * usually months or years before the governor's. Found on the chain when the config does not say
 * (`tokenStartBlock`):
 *   1. a binary search on eth_getCode (about log2(startBlock) requests) where the node serves old state;
 *   2. else the token's first Transfer / DelegateChanged / DelegateVotesChanged log, read forwards
 *      from block 0 in ranges that shrink to the provider's eth_getLogs caps and narrow on its
 *      result caps;
 *   3. within a time budget: when it runs out, the scan's progress is the start (no token log lies
 *      before it) and the log says so; Ponder then reads the rest, which costs what the scan would.
 * A result is cached (a small JSON keyed by chain and token, checked against the block's hash, so a
 * restarted local chain is not fooled) so a restart does not search again.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type Address, type Hex, type PublicClient, toEventSelector } from "viem";
import { votesTokenEventsAbi } from "../contracts-abi/governorEvents";
import { isStateUnavailable, logsLimitOf } from "./rpc/providerErrors";

export type TokenStart = {
  block: number;
  /** How it was found, for the log and /api/status. */
  source: "config" | "cache" | "eth_getCode" | "logs" | "partial-logs" | "governor";
  /** RPC requests the search took (0 from config or cache). */
  requests: number;
  /** One line for the indexer's log. */
  message: string;
};

export type FindTokenStartOptions = {
  client: PublicClient;
  chainId: number;
  token: Address;
  /** The earliest start block of the DAOs using the token: the token exists there (the governor needs it). */
  governorStartBlock: number;
  /** A JSON file remembering earlier results; none when undefined. */
  cacheFile?: string;
  /** Give up the search after this long (default 120 s) and start where the log scan got to. */
  timeoutMs?: number;
  /** eth_getLogs requests in flight during the log scan (default 4). */
  concurrency?: number;
};

/** The token events the indexer reads; their first occurrence is the token's first block that matters. */
const tokenTopics: Hex[] = [
  ...new Set(votesTokenEventsAbi.filter((item) => item.type === "event").map((event) => toEventSelector(event))),
];

type CacheEntry = { block: number; blockHash: Hex; source: TokenStart["source"]; foundAt: string };

function readCache(file: string | undefined): Record<string, CacheEntry> {
  if (file === undefined || !existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, CacheEntry>) : {};
  } catch {
    return {}; // a damaged cache only costs a new search
  }
}

function writeCache(file: string | undefined, key: string, entry: CacheEntry): void {
  if (file === undefined) return;
  try {
    const entries = { ...readCache(file), [key]: entry };
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename: another indexer process sharing the file never reads half of it.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(entries, null, 2)}\n`);
    renameSync(temporary, file);
  } catch (error) {
    console.warn(`could not write the token start cache ${file}: ${(error as Error).message}`);
  }
}

class SearchTimeout extends Error {}

/**
 * The first block where `token` has code, by binary search on eth_getCode; throws when the node
 * refuses state that old (isStateUnavailable) or another error.
 */
async function firstCodeBlock(
  client: PublicClient,
  token: Address,
  upTo: number,
  deadline: number,
  counter: { requests: number },
): Promise<number | undefined> {
  const hasCode = async (block: number) => {
    if (Date.now() > deadline) throw new SearchTimeout();
    counter.requests++;
    const code = await client.getCode({ address: token, blockNumber: BigInt(block) });
    return code !== undefined && code !== "0x";
  };
  if (!(await hasCode(upTo))) return undefined;
  // Most tokens deployed alongside their governor: one request settles that.
  if (upTo === 0 || !(await hasCode(upTo - 1))) return upTo;
  let low = 0; // no code at `low` unless it is 0
  let high = upTo - 1; // code at `high`
  if (await hasCode(0)) return 0;
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (await hasCode(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * The first block in [from, to] with one of the token's events, reading forwards. Ranges follow the
 * provider: a range cap narrows every later request, a result cap splits that range (a single block
 * over the cap does hold logs). `scanned` is the last block known to hold none, for a timeout.
 */
async function firstLogBlock(
  client: PublicClient,
  token: Address,
  from: number,
  to: number,
  options: { deadline: number; concurrency: number },
  counter: { requests: number; scanned: number },
): Promise<number | undefined> {
  let maxRange = Number.POSITIVE_INFINITY;
  /** Ranges found empty (first block → last) not yet joined to `counter.scanned`. */
  const emptyRanges = new Map<number, number>();

  const first = async (low: number, high: number): Promise<number | undefined> => {
    if (high - low + 1 > maxRange) return scan(low, high);
    if (Date.now() > options.deadline) throw new SearchTimeout();
    counter.requests++;
    try {
      const logs = await client.request({
        method: "eth_getLogs",
        params: [
          {
            address: token,
            topics: [tokenTopics],
            fromBlock: `0x${low.toString(16)}`,
            toBlock: `0x${high.toString(16)}`,
          },
        ],
      });
      if (logs.length === 0) {
        // Chunks finish out of order: advance `scanned` over every empty range joined to it.
        emptyRanges.set(low, high);
        for (
          let next = emptyRanges.get(counter.scanned + 1);
          next !== undefined;
          next = emptyRanges.get(counter.scanned + 1)
        ) {
          emptyRanges.delete(counter.scanned + 1);
          counter.scanned = next;
        }
        return undefined;
      }
      return logs.reduce((earliest, log) => Math.min(earliest, Number(BigInt(log.blockNumber ?? "0x0"))), high);
    } catch (error) {
      const limit = logsLimitOf(error);
      if (limit === undefined) throw error;
      if (low === high) {
        if (limit.kind === "results") return low;
        throw error;
      }
      const size = high - low + 1;
      if (limit.kind === "range") {
        const cap = limit.maxBlocks !== undefined && limit.maxBlocks < size ? limit.maxBlocks : Math.ceil(size / 2);
        maxRange = Math.min(maxRange, cap);
        return scan(low, high);
      }
      // Too many results: the range holds logs; the first is in the lower half or else the upper.
      const middle = low + Math.floor(size / 2) - 1;
      return (await first(low, middle)) ?? first(middle + 1, high);
    }
  };

  /** [low, high] in chunks of maxRange, `concurrency` at a time, the earliest chunk with a log winning. */
  const scan = async (low: number, high: number): Promise<number | undefined> => {
    const chunks: [number, number][] = [];
    for (let start = low; start <= high; start += maxRange) chunks.push([start, Math.min(high, start + maxRange - 1)]);
    const pending: Promise<number | undefined>[] = [];
    let next = 0;
    const launch = () => {
      const chunk = chunks[next++];
      if (chunk === undefined) return;
      const promise = first(chunk[0], chunk[1]);
      // Awaited in order below; a later chunk failing after an earlier one was found is no crash.
      promise.catch(() => undefined);
      pending.push(promise);
    };
    for (let i = 0; i < options.concurrency; i++) launch();
    for (let index = 0; index < chunks.length; index++) {
      const found = await pending[index];
      // Later chunks may still be in flight; their answers no longer matter.
      if (found !== undefined) return found;
      launch();
    }
    return undefined;
  };

  return first(from, to);
}

/**
 * Finds (or reads from the config or the cache) the block the token source starts at, never
 * taking much longer than `timeoutMs`.
 *
 * @example
 * const start = await findTokenStart({ client, chainId: 1, token, governorStartBlock: 13533772 });
 * console.log(start.message); // "token 0x… first block 13533418 (found by eth_getCode binary search, 26 requests)"
 */
export async function findTokenStart(options: FindTokenStartOptions): Promise<TokenStart> {
  const { client, chainId, token, governorStartBlock, cacheFile } = options;
  const key = `${chainId}:${token.toLowerCase()}`;
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 120_000);
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const cached = readCache(cacheFile)[key];
  if (cached && Number.isInteger(cached.block) && cached.block <= governorStartBlock) {
    try {
      const block = await client.getBlock({ blockNumber: BigInt(cached.block) });
      if (block.hash === cached.blockHash) {
        return {
          block: cached.block,
          source: "cache",
          requests: 1,
          message: `token ${token} first block ${cached.block} (cached: found by ${cached.source} on ${cached.foundAt})`,
        };
      }
    } catch {
      // Not checkable now: search again.
    }
  }

  const remember = async (block: number, source: TokenStart["source"]) => {
    try {
      const { hash } = await client.getBlock({ blockNumber: BigInt(block) });
      if (hash) writeCache(cacheFile, key, { block, blockHash: hash, source, foundAt: new Date().toISOString() });
    } catch {
      // Caching is a convenience; the result stands.
    }
  };

  const counter = { requests: 0, scanned: -1 };
  let codeRefused: string | undefined;
  try {
    const block = await firstCodeBlock(client, token, governorStartBlock, deadline, counter);
    if (block === undefined) {
      return {
        block: governorStartBlock,
        source: "governor",
        requests: counter.requests,
        message: `token ${token} has no code at block ${governorStartBlock} (the DAO's startBlock): indexing it from there`,
      };
    }
    await remember(block, "eth_getCode");
    return {
      block,
      source: "eth_getCode",
      requests: counter.requests,
      message: `token ${token} first block ${block} (found by eth_getCode binary search, ${counter.requests} requests, ${seconds()})`,
    };
  } catch (error) {
    if (error instanceof SearchTimeout) {
      return timedOut(token, 0, counter.requests, seconds());
    }
    codeRefused = isStateUnavailable(error)
      ? "the node keeps no state that old"
      : `eth_getCode failed: ${(error as Error).message.split("\n")[0]}`;
  }

  const codeRequests = counter.requests;
  try {
    const block = await firstLogBlock(
      client,
      token,
      0,
      governorStartBlock,
      { deadline, concurrency: options.concurrency ?? 4 },
      counter,
    );
    const logRequests = counter.requests - codeRequests;
    if (block === undefined) {
      return {
        block: governorStartBlock,
        source: "governor",
        requests: counter.requests,
        message: `token ${token} emitted no Transfer or delegation before block ${governorStartBlock} (the DAO's startBlock): indexing it from there`,
      };
    }
    await remember(block, "logs");
    return {
      block,
      source: "logs",
      requests: counter.requests,
      message: `token ${token} first block ${block} (found by its first Transfer/delegation log, ${logRequests} eth_getLogs requests, ${seconds()}; ${codeRefused})`,
    };
  } catch (error) {
    const start = counter.scanned + 1;
    if (error instanceof SearchTimeout) return timedOut(token, start, counter.requests, seconds());
    return {
      block: start,
      source: "partial-logs",
      requests: counter.requests,
      message: `WARNING: could not find token ${token}'s first block (${codeRefused}; eth_getLogs failed: ${(error as Error).message.split("\n")[0]}); indexing it from block ${start}${start > 0 ? ", before which it emitted no event" : ""}. Set tokenStartBlock in the DAO config to skip this search.`,
    };
  }
}

function timedOut(token: Address, start: number, requests: number, took: string): TokenStart {
  return {
    block: start,
    source: "partial-logs",
    requests,
    message: `WARNING: gave up looking for token ${token}'s first block after ${took} (${requests} requests); indexing it from block ${start}${start > 0 ? ", before which it emitted no event" : ""}, which takes longer. Set tokenStartBlock in the DAO config to skip this search.`,
  };
}
