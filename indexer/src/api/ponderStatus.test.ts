import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiContext, indexedHeads, parseStatus, statusUrl } from "./ponderStatus";

/** A route context whose request reached `address`:`port`. */
function contextAt(address: string, port: number): ApiContext {
  return { env: { incoming: { socket: { localAddress: address, localPort: port } } as IncomingMessage } };
}

describe("statusUrl", () => {
  it("names the address and port the request reached, IPv6 in brackets and IPv4-mapped as IPv4", () => {
    expect(statusUrl(contextAt("127.0.0.1", 42069).env.incoming)).toBe("http://127.0.0.1:42069/status");
    expect(statusUrl(contextAt("::1", 42069).env.incoming)).toBe("http://[::1]:42069/status");
    expect(statusUrl(contextAt("::ffff:127.0.0.1", 80).env.incoming)).toBe("http://127.0.0.1:80/status");
    expect(statusUrl(contextAt("fd00::5", 80).env.incoming)).toBe("http://[fd00::5]:80/status");
  });

  it("throws when the socket has no local address", () => {
    expect(() => statusUrl({ socket: {} } as IncomingMessage)).toThrow(/no local address/);
  });
});

describe("parseStatus", () => {
  it("keys each chain's head by its id", () => {
    const heads = parseStatus({
      anvil: { id: 31337, block: { number: 120, timestamp: 1_700_000_000 } },
      mainnet: { id: 1, block: { number: 21_000_000, timestamp: 1_730_000_000 } },
    });
    expect(heads.get(31337)).toEqual({ block: 120n, timestamp: 1_700_000_000n });
    expect(heads.get(1)).toEqual({ block: 21_000_000n, timestamp: 1_730_000_000n });
  });

  it("refuses an answer of another shape", () => {
    expect(() => parseStatus(null)).toThrow(/not a JSON object/);
    expect(() => parseStatus({ anvil: { id: "31337", block: { number: 1, timestamp: 2 } } })).toThrow(/"anvil"/);
  });
});

describe("indexedHeads", () => {
  let server: Server;
  let port: number;
  let requests = 0;
  let failNext = false;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      if (request.url !== "/status" || failNext) {
        failNext = false;
        response.writeHead(503).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ anvil: { id: 31337, block: { number: 100 + requests, timestamp: 5000 } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  afterEach(() => {
    vi.useRealTimers();
  });

  it("makes one request for a burst of calls, and a new one after about a second", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const c = contextAt("127.0.0.1", port);
    const before = requests;
    const burst = await Promise.all([indexedHeads(c), indexedHeads(c), indexedHeads(c)]);
    expect(requests - before).toBe(1);
    expect(new Set(burst).size).toBe(1);
    expect(burst[0]?.get(31337)?.timestamp).toBe(5000n);
    vi.advanceTimersByTime(500);
    await indexedHeads(c);
    expect(requests - before).toBe(1);
    vi.advanceTimersByTime(600);
    const later = await indexedHeads(c);
    expect(requests - before).toBe(2);
    expect(later.get(31337)?.block).toBe(BigInt(100 + requests));
  });

  it("throws naming the URL when Ponder does not answer, and asks again on the next call", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    vi.advanceTimersByTime(5_000); // well past the previous test's answer
    failNext = true;
    const c = contextAt("127.0.0.1", port);
    await expect(indexedHeads(c)).rejects.toThrow(
      `indexer API: could not read Ponder's progress from http://127.0.0.1:${port}/status: HTTP 503`,
    );
    const before = requests;
    await indexedHeads(c);
    expect(requests - before).toBe(1);
  });
});
