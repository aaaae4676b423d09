import { getLogsRetryHelper } from "@ponder/utils";
import { HttpRequestError, InvalidParamsRpcError, ResponseBodyTooLargeError, RpcRequestError } from "viem";
import { describe, expect, it } from "vitest";
import {
  isEndpointFailure,
  isRateLimit,
  isStateUnavailable,
  LogsLimitError,
  logsLimitError,
  logsLimitOf,
} from "./providerErrors";

/** A provider's JSON-RPC error as viem's http transport throws it. */
function rpcError(code: number, message: string) {
  const request = new RpcRequestError({ body: { method: "eth_getLogs" }, error: { code, message }, url: "http://x" });
  return code === -32602 ? new InvalidParamsRpcError(request) : request;
}

const alchemy =
  "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response.";

describe("logsLimitOf", () => {
  it.each([
    [alchemy, { kind: "range", maxBlocks: 2000 }],
    ["eth_getLogs is limited to a 10,000 range", { kind: "range", maxBlocks: 10000 }],
    ["exceed maximum block range: 50000", { kind: "range", maxBlocks: 50000 }],
    ["block range too large", { kind: "range" }],
    ["Block range limit exceeded.", { kind: "range" }],
    ["ranges over 10000 blocks are not supported on freetier", { kind: "range", maxBlocks: 10000 }],
    ["query returned more than 10000 results", { kind: "results" }],
    ["query exceeds max results 10000", { kind: "results" }],
    ["logs matched by query exceeds limit of 10000", { kind: "results" }],
  ])("%s", (message, expected) => {
    expect(logsLimitOf(rpcError(-32602, message))).toEqual(expected);
  });

  it("takes viem's refusal of an answer over its size cap for a result cap", () => {
    const tooLarge = new ResponseBodyTooLargeError({ maxSize: 10_485_760, size: 31_508_237 });
    expect(logsLimitOf(tooLarge)).toEqual({ kind: "results" });
    expect(isEndpointFailure(tooLarge)).toBe(false);
  });

  it("ignores other errors", () => {
    expect(logsLimitOf(rpcError(-32000, "execution reverted"))).toBeUndefined();
    expect(logsLimitOf(new Error("fetch failed"))).toBeUndefined();
  });
});

describe("logsLimitError, read by Ponder's own getLogsRetryHelper", () => {
  const params = (fromBlock: `0x${string}`, toBlock: `0x${string}`) =>
    [{ address: "0x0000000000000000000000000000000000000001", fromBlock, toBlock }] as const;

  /** What Ponder decides for the error the indexer's transport hands it. */
  const ponderReads = (fromBlock: `0x${string}`, toBlock: `0x${string}`, provider: unknown) => {
    const error = logsLimitError({ fromBlock, toBlock }, provider);
    if (!error) throw new Error("not a logs limit");
    return getLogsRetryHelper({ params: [...params(fromBlock, toBlock)], error: error as never });
  };

  it("Ponder alone does not split on Alchemy's message without a suggested range", () => {
    const result = getLogsRetryHelper({ params: [...params("0x0", "0x1387")], error: rpcError(-32602, alchemy) });
    expect(result.shouldRetry).toBe(false);
  });

  it("reworded, Ponder splits it into 2,000-block ranges and keeps that width", () => {
    const result = ponderReads("0x0", "0x1387", rpcError(-32602, alchemy));
    expect(result).toMatchObject({ shouldRetry: true, isSuggestedRange: true });
    expect(result.ranges?.[0]).toEqual({ fromBlock: "0x0", toBlock: "0x7cf" });
  });

  it("QuickNode's cap on a range one block too wide: Ponder alone gives up, reworded it splits", () => {
    const quicknode = rpcError(-32614, "eth_getLogs is limited to a 2,000 range");
    expect(getLogsRetryHelper({ params: [...params("0x0", "0x7d0")], error: quicknode }).shouldRetry).toBe(false);
    expect(ponderReads("0x0", "0x7d0", quicknode)).toMatchObject({ shouldRetry: true });
  });

  it("Alchemy's message on a range within its 2K blocks means too many results", () => {
    expect(logsLimitError({ fromBlock: "0x0", toBlock: "0x3e7" }, rpcError(-32602, alchemy))?.limit).toEqual({
      kind: "results",
    });
  });

  it("a result cap halves the range, without fixing the width", () => {
    const result = ponderReads("0x0", "0x3e7", rpcError(-32005, "query returned more than 1000 results"));
    expect(result).toMatchObject({ shouldRetry: true, isSuggestedRange: false });
    expect(result.ranges?.[0]).toEqual({ fromBlock: "0x0", toBlock: "0x1f3" });
  });

  it("keeps the provider's classification through the rewording", () => {
    const error = logsLimitError(
      { fromBlock: "0x0", toBlock: "0x3e7" },
      rpcError(-32005, "query returned more than 1000 results"),
    );
    expect(error).toBeInstanceOf(LogsLimitError);
    expect(logsLimitOf(error)).toEqual({ kind: "results" });
    expect(isRateLimit(error)).toBe(false);
  });

  it("leaves single blocks and tag ranges alone", () => {
    expect(
      logsLimitError({ fromBlock: "0x5", toBlock: "0x5" }, rpcError(-32000, "block range too large")),
    ).toBeUndefined();
    expect(
      logsLimitError({ fromBlock: "latest", toBlock: "latest" }, rpcError(-32000, "block range too large")),
    ).toBeUndefined();
  });
});

describe("rate limits, pruned state, dead endpoints", () => {
  it("tells a rate limit from Infura's -32005 result cap", () => {
    expect(isRateLimit(new HttpRequestError({ url: "http://x", status: 429 }))).toBe(true);
    expect(isRateLimit(rpcError(-32005, "project ID request rate exceeded"))).toBe(true);
    expect(isRateLimit(rpcError(429, "Your app has exceeded its compute units per second capacity"))).toBe(true);
    expect(isRateLimit(rpcError(-32005, "query returned more than 10000 results"))).toBe(false);
  });

  it.each([
    "BlockOutOfRangeError: block height is 5810 but requested was 6",
    "missing trie node 5d2a (path ) state 0x12 is not available",
    "historical state 0xabc is not available",
    "header not found",
  ])("state unavailable: %s", (message) => {
    expect(isStateUnavailable(rpcError(-32000, message))).toBe(true);
  });

  it("a refused connection is an endpoint failure; a revert is not", () => {
    expect(isEndpointFailure(new HttpRequestError({ url: "http://x", cause: new Error("fetch failed") }))).toBe(true);
    expect(isEndpointFailure(new HttpRequestError({ url: "http://x", status: 503 }))).toBe(true);
    expect(isEndpointFailure(rpcError(3, "execution reverted"))).toBe(false);
  });
});
