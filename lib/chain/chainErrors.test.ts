import { HttpRequestError, RpcRequestError, TimeoutError } from "viem";
import { describe, expect, it } from "vitest";
import {
  CallRevertedError,
  ChainUnreachableError,
  classifyChainError,
  describeChainProblem,
  endpointFailure,
  hostOf,
  WrongChainError,
} from "./chainErrors";

const url = "https://eth-mainnet.example/v2/SECRETKEY";
const rpcError = (code: number, message: string) => new RpcRequestError({ body: {}, error: { code, message }, url });

describe("classifyChainError", () => {
  it.each([
    ["HTTP 429", new HttpRequestError({ url, status: 429 }), "rateLimited"],
    ["-32005 limit exceeded", rpcError(-32005, "request rate exceeded"), "rateLimited"],
    ["QuickNode -32007", rpcError(-32007, "100/second request limit reached"), "rateLimited"],
    [
      "Alchemy's capacity message",
      rpcError(-32000, "Your app has exceeded its compute units per second capacity"),
      "rateLimited",
    ],
    [
      "geth missing trie node",
      rpcError(-32000, "missing trie node 1f2e (path ) state 0x1f2e is not available"),
      "stateUnavailable",
    ],
    ["header not found", rpcError(-32000, "header not found"), "stateUnavailable"],
    ["anvil pruned state", rpcError(-32000, "block height is 5810 but requested was 6"), "stateUnavailable"],
    ["a revert", rpcError(3, "execution reverted: Governor: unknown proposal id"), "reverted"],
    ["a timeout", new TimeoutError({ body: {}, url }), "timeout"],
    ["HTTP 403", new HttpRequestError({ url, status: 403 }), "refused"],
    ["HTTP 503", new HttpRequestError({ url, status: 503 }), "unreachable"],
    [
      "a refused connection",
      new HttpRequestError({ url, cause: new Error("fetch failed: connect ECONNREFUSED") }),
      "unreachable",
    ],
    ["a wrong chain", new WrongChainError({ expected: 1, actual: 31337, url }), "wrongChain"],
    ["a needed call that reverted", new CallRevertedError("token has no totalSupply()"), "reverted"],
  ])("%s", (_, error, kind) => {
    expect(classifyChainError(error)).toBe(kind);
  });

  it("takes the most telling kind of several endpoints", () => {
    const error = new ChainUnreachableError(1, [
      { url, kind: "unreachable", message: "refused the connection" },
      { url: "https://b.example", kind: "rateLimited", message: "rate-limited us (HTTP 429)" },
    ]);
    expect(classifyChainError(error)).toBe("rateLimited");
    expect(classifyChainError(new Error("wrapped", { cause: error }))).toBe("rateLimited");
  });
});

describe("messages", () => {
  it("never print the path or query of an RPC URL (API keys live there)", () => {
    expect(hostOf(url)).toBe("eth-mainnet.example");
    const error = new ChainUnreachableError(1, [endpointFailure(url, new HttpRequestError({ url, status: 429 }))]);
    expect(error.message).toBe("The RPC endpoint of chain 1 failed: eth-mainnet.example rate-limited us (HTTP 429)");
    expect(error.message).not.toContain("SECRETKEY");
  });

  it("give each problem its own title", () => {
    expect(describeChainProblem(new HttpRequestError({ url, status: 429 })).title).toBe(
      "The chain’s RPC is rate-limiting this server",
    );
    expect(describeChainProblem(new WrongChainError({ expected: 1, actual: 5, url }))).toEqual({
      kind: "wrongChain",
      title: "The RPC serves another chain",
      detail: "eth-mainnet.example serves chain 5, not chain 1 as the config says",
    });
    expect(describeChainProblem(new CallRevertedError("token 0xabc has no totalSupply()")).title).toBe(
      "A contract call reverted",
    );
  });
});
