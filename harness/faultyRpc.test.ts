/**
 * The fault-injecting proxy against a real anvil: each fault answers as a provider does and is
 * counted, batches and CORS work, the same seed refuses the same requests, and a dropping proxy
 * answers nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnvilInstance, freePort, rpc, startAnvil } from "./anvil";
import { type FaultyRpc, startFaultyRpc } from "./faultyRpc";

let anvil: AnvilInstance;
const proxies: FaultyRpc[] = [];

async function proxy(options: Omit<Parameters<typeof startFaultyRpc>[0], "upstream">) {
  const started = await startFaultyRpc({ upstream: anvil.rpcUrl, ...options });
  proxies.push(started);
  return started;
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://app.example" },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort(), extraArgs: ["--prune-history", "1000"] });
  await rpc(anvil.rpcUrl, "anvil_mine", ["0x12c"]); // 300 blocks
});

afterAll(async () => {
  for (const started of proxies) await started.stop();
  await anvil?.stop();
});

describe("faulty RPC proxy", () => {
  it("forwards single and batch requests, with CORS for browsers, and counts them", async () => {
    const faulty = await proxy({});
    const single = await post(faulty.url, { jsonrpc: "2.0", id: 7, method: "eth_blockNumber", params: [] });
    expect(single.body).toEqual({ jsonrpc: "2.0", id: 7, result: "0x12c" });
    expect(single.headers.get("access-control-allow-origin")).toBe("*");
    const batch = await post(faulty.url, [
      { jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] },
      { jsonrpc: "2.0", id: 2, method: "eth_blockNumber", params: [] },
    ]);
    expect(batch.body).toEqual([
      { jsonrpc: "2.0", id: 1, result: "0x7a69" },
      { jsonrpc: "2.0", id: 2, result: "0x12c" },
    ]);
    const preflight = await fetch(faulty.url, {
      method: "OPTIONS",
      headers: { origin: "http://app.example", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(faulty.faults()).toMatchObject({ requests: 2, calls: 3, methods: { eth_blockNumber: 2, eth_chainId: 1 } });
    const overHttp = await (await fetch(`${faulty.url}/faults`)).json();
    expect(overHttp).toEqual(faulty.faults());
  });

  it("refuses wide eth_getLogs ranges and big answers in providers' words, taking turns", async () => {
    const faulty = await proxy({ maxLogsRange: 100, maxLogsResults: 0 });
    const getLogs = (fromBlock: string, toBlock: string) =>
      post(faulty.url, { jsonrpc: "2.0", id: 1, method: "eth_getLogs", params: [{ fromBlock, toBlock }] });
    const messages = [];
    for (let i = 0; i < 4; i++)
      messages.push(((await getLogs("0x0", "0x64")).body as { error: { message: string } }).error.message);
    expect(messages).toEqual([
      expect.stringContaining("You can make eth_getLogs requests with up to a 100 block range"),
      "eth_getLogs is limited to a 100 range",
      "block range too large",
      "exceed maximum block range: 100",
    ]);
    // 100 blocks pass the range cap; anvil has no logs, so the result cap (0) is not exceeded either.
    expect((await getLogs("0x0", "0x63")).body).toMatchObject({ result: [] });
    expect(faulty.faults()).toMatchObject({ logsRangeRefused: 4, logsResultsRefused: 0 });
  });

  it("refuses state older than N blocks, by number, tag or block hash, as a pruned node does", async () => {
    const faulty = await proxy({ stateHistory: 128, wordings: ["anvil state", "geth missing trie node"] });
    const account = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    const block5 = await rpc<{ hash: string }>(anvil.rpcUrl, "eth_getBlockByNumber", ["0x5", false]);
    const old = await post(faulty.url, [
      { jsonrpc: "2.0", id: 1, method: "eth_getBalance", params: [account, "0x5"] },
      { jsonrpc: "2.0", id: 2, method: "eth_getCode", params: [account, "earliest"] },
      { jsonrpc: "2.0", id: 3, method: "eth_call", params: [{ to: account }, { blockHash: block5.hash }] },
      { jsonrpc: "2.0", id: 4, method: "eth_getBalance", params: [account, "latest"] },
      { jsonrpc: "2.0", id: 5, method: "eth_getBalance", params: [account, "0xc8"] },
    ]);
    const answers = old.body as { id: number; result?: string; error?: { message: string } }[];
    expect(answers[0]?.error?.message).toBe("BlockOutOfRangeError: block height is 300 but requested was 5");
    expect(answers[1]?.error?.message).toMatch(/^missing trie node 0x\w+ \(path \) state 0x\w+ is not available$/);
    expect(answers[2]?.error?.message).toMatch(/block height is 300 but requested was 5/);
    expect(answers[3]?.result).toMatch(/^0x/);
    expect(answers[4]?.result).toMatch(/^0x/); // 100 blocks back: kept
    expect(faulty.faults()).toMatchObject({
      stateRefused: 3,
      wordings: { "anvil state": 2, "geth missing trie node": 1 },
    });
  });

  it("rate limits a seeded share of requests: HTTP 429 and -32005 in turn, the same ones each run", async () => {
    const refusedOf = async () => {
      const faulty = await proxy({ rateLimit: 0.3, seed: 42 });
      const statuses = [];
      for (let i = 0; i < 40; i++) {
        const { status, body } = await post(faulty.url, { jsonrpc: "2.0", id: i, method: "eth_chainId", params: [] });
        const code = (body as { error?: { code: number } }).error?.code;
        statuses.push(status === 429 ? "429" : code === -32005 ? "-32005" : "ok");
      }
      return { statuses, faults: faulty.faults() };
    };
    const first = await refusedOf();
    const second = await refusedOf();
    expect(second.statuses).toEqual(first.statuses);
    expect(first.faults.rateLimited).toBeGreaterThan(2);
    expect(first.faults.rateLimitedRpc).toBeGreaterThan(2);
    expect(first.faults.rateLimited + first.faults.rateLimitedRpc).toBe(
      first.statuses.filter((s) => s !== "ok").length,
    );
  });

  it("drops every connection when it plays a dead endpoint", async () => {
    const dead = await proxy({ dropConnections: true });
    await expect(fetch(dead.url, { method: "POST", body: "{}" })).rejects.toThrow();
    expect(dead.faults().dropped).toBe(1);
  });
});
