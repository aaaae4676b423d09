import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createPublicClient, erc20Abi } from "viem";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeChain, type JsonRpcServer, serveJsonRpc } from "../../harness/standIns/fakeChain";
import { ChainUnreachableError, unreachableCause } from "./chainErrors";
import { daoChain } from "./daoChain";
import { endpointStatuses, resetEndpointHealth } from "./endpointHealth";
import { clearMulticall3Cache } from "./multicall3";
import { contractCall, readCalls } from "./readCalls";
import { rpcTransport } from "./rpcTransport";

const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const symbolCall = contractCall({ address: token, abi: erc20Abi, functionName: "symbol" });
const dead = "http://127.0.0.1:1";

/** A server that answers HTTP `status` to the first `times` requests, then passes to `next`. */
async function flaky(status: number, times: number, next: string, headers: Record<string, string> = {}) {
  let seen = 0;
  const server: Server = createServer(async (req, res) => {
    seen += 1;
    let body = "";
    for await (const chunk of req) body += chunk;
    if (seen <= times) {
      res.writeHead(status, { "content-type": "text/plain", ...headers });
      res.end(status === 429 ? "Too Many Requests" : "Service Unavailable");
      return;
    }
    const upstream = await fetch(next, { method: "POST", headers: { "content-type": "application/json" }, body });
    res.writeHead(upstream.status, { "content-type": "application/json" });
    res.end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen: () => seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let chain: JsonRpcServer;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  resetEndpointHealth();
  clearMulticall3Cache();
  chain = await serveJsonRpc(
    fakeChain({ abi: ["function symbol() view returns (string)"], contracts: { [token]: { symbol: () => "COMM" } } })
      .request,
  );
  closers.push(chain.close);
});

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function clientFor(urls: string[], options: Parameters<typeof rpcTransport>[1] = {}) {
  return createPublicClient({
    chain: daoChain({ chainId: 31337, rpcUrls: urls }),
    transport: rpcTransport(urls, options),
  });
}

describe("rpcTransport", () => {
  it("fails over from a dead endpoint, then tries it last while it cools down", async () => {
    const client = clientFor([dead, chain.url]);
    expect(await readCalls(client, [symbolCall])).toEqual(["COMM"]);
    const [first, second] = endpointStatuses([dead, chain.url]);
    expect(first).toMatchObject({ state: "down", failure: { kind: "unreachable", message: "refused the connection" } });
    expect(second?.state).toBe("up");
    // The next request goes to the live endpoint first: no refused connection on the way.
    const before = chain.httpRequests();
    const failureAt = first?.failure?.at;
    await readCalls(client, [symbolCall]);
    expect(chain.httpRequests() - before).toBe(1);
    expect(endpointStatuses([dead])[0]?.failure?.at).toBe(failureAt);
  });

  it("moves on from an endpoint that rate-limits, and comes back when every one did", async () => {
    const throttled = await flaky(429, 1, chain.url, { "Retry-After": "0" });
    closers.push(throttled.close);
    const client = clientFor([throttled.url]);
    // Alone, the throttled endpoint is tried again after a pause, and answers.
    expect(await readCalls(client, [symbolCall])).toEqual(["COMM"]);
    expect(throttled.seen()).toBeGreaterThanOrEqual(2);
  });

  it("gives up after its rounds with one error naming each endpoint", async () => {
    const throttled = await flaky(429, 1_000, chain.url, { "Retry-After": "0" });
    const down = await flaky(503, 1_000, chain.url);
    closers.push(throttled.close, down.close);
    const client = clientFor([throttled.url, down.url, dead], { maxRounds: 2 });
    const error = await readCalls(client, [symbolCall]).catch((caught: unknown) => caught);
    const unreachable = unreachableCause(error);
    expect(unreachable).toBeInstanceOf(ChainUnreachableError);
    expect(unreachable?.kind).toBe("rateLimited");
    expect(unreachable?.message).toBe(
      `All 3 RPC endpoints of chain 31337 failed: ${new URL(throttled.url).host} rate-limited us (HTTP 429); ` +
        `${new URL(down.url).host} answered HTTP 503; 127.0.0.1:1 refused the connection`,
    );
    expect(throttled.seen()).toBe(2);
  });

  it("returns a revert at once: it is the contract's answer on every node", async () => {
    const second = await serveJsonRpc(fakeChain({ abi: [], contracts: {} }).request);
    closers.push(second.close);
    const client = clientFor([chain.url, second.url]);
    const other = contractCall({
      address: "0x000000000000000000000000000000000000dEaD",
      abi: erc20Abi,
      functionName: "symbol",
    });
    expect(await readCalls(client, [other])).toEqual([undefined]);
    expect(second.httpRequests()).toBe(0);
  });
});
