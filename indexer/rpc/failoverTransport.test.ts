/**
 * The indexer's RPC transport (indexer/rpc/failoverTransport.ts) against a real anvil behind the
 * fault-injecting proxy: a dead first endpoint is skipped and said once, rate limits are retried,
 * a pruned node hands old-state reads to an archive, and eth_getLogs limits come back worded so
 * Ponder splits them.
 */
import {
  createPublicClient,
  createTestClient,
  http,
  type PublicClient,
  parseAbiItem,
  publicActions,
  walletActions,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoTokenAbi, demoTokenBytecode } from "../../contracts-abi/demoToken";
import { type AnvilInstance, freePort, rpc, startAnvil } from "../../harness/anvil";
import { type FaultyRpc, startFaultyRpc } from "../../harness/faultyRpc";
import { anvilDevAccounts } from "../../lib/chain/anvilDevAccounts";
import { failoverTransport, redactRpcUrl } from "./failoverTransport";
import { LogsLimitError, logsLimitOf } from "./providerErrors";

let anvil: AnvilInstance;
const proxies: FaultyRpc[] = [];

async function proxy(options: Omit<Parameters<typeof startFaultyRpc>[0], "upstream">) {
  const started = await startFaultyRpc({ upstream: anvil.rpcUrl, ...options });
  proxies.push(started);
  return started;
}

function client(urls: string[], log: string[] = [], retryCount = 0, splitResultCaps = true): PublicClient {
  return createPublicClient({
    chain: foundry,
    transport: failoverTransport(urls, { retryCount, splitResultCaps, log: (line) => log.push(line) }),
  }) as PublicClient;
}

/** A token with a few transfers, one block each: some logs to ask for. */
async function tokenWithTransfers(count: number) {
  const chain = createTestClient({ mode: "anvil", chain: foundry, transport: http(anvil.rpcUrl), pollingInterval: 50 })
    .extend(publicActions)
    .extend(walletActions);
  const [from, to] = anvilDevAccounts;
  const deployed = await chain.waitForTransactionReceipt({
    hash: await chain.deployContract({
      abi: demoTokenAbi,
      bytecode: demoTokenBytecode,
      args: [from, 10n ** 24n],
      account: from,
    }),
  });
  const token = deployed.contractAddress as `0x${string}`;
  for (let i = 0; i < count; i++) {
    const hash = await chain.writeContract({
      address: token,
      abi: demoTokenAbi,
      functionName: "transfer",
      args: [to, 1n],
      account: from,
    });
    await chain.waitForTransactionReceipt({ hash });
  }
  return { token, fromBlock: deployed.blockNumber, toBlock: await chain.getBlockNumber({ cacheTime: 0 }) };
}

beforeAll(async () => {
  // Keeps every state in memory (nothing written under ~/.foundry): an archive for these 300 blocks.
  anvil = await startAnvil({ port: await freePort(), extraArgs: ["--prune-history", "1000"] });
  await rpc(anvil.rpcUrl, "anvil_mine", ["0x12c"]);
});

afterAll(async () => {
  for (const started of proxies) await started.stop();
  await anvil?.stop();
});

describe("failoverTransport", () => {
  it("skips a dead first endpoint, says so once, and keeps answering", async () => {
    const dead = await proxy({ dropConnections: true });
    const refused = `http://127.0.0.1:${await freePort()}`;
    const log: string[] = [];
    const reader = client([dead.url, refused, anvil.rpcUrl], log);
    for (let i = 0; i < 20; i++) expect(await reader.getBlockNumber({ cacheTime: 0 })).toBe(300n);
    // Both dead ones rest after their first failure: tried once each, not on every request.
    expect(dead.faults().dropped).toBe(1);
    expect(log).toEqual([
      expect.stringMatching(new RegExp(`^RPC ${dead.url} failed \\(.+\\); using the other endpoints`)),
      expect.stringMatching(new RegExp(`^RPC ${refused} failed \\(.*ECONNREFUSED.*\\); using the other endpoints`)),
    ]);
  });

  it("retries rate limits (429 and -32005) until the request passes", async () => {
    const limited = await proxy({ rateLimit: 0.5, seed: 3 });
    const reader = client([limited.url], [], 6);
    for (let i = 0; i < 10; i++) expect(await reader.getChainId()).toBe(31337);
    expect(limited.faults().rateLimited).toBeGreaterThan(0);
    expect(limited.faults().rateLimitedRpc).toBeGreaterThan(0);
  });

  it("reports a -32005 rate limit as HTTP 429, which Ponder rests the endpoint on", async () => {
    const limited = await proxy({ rateLimit: 1, seed: 1 });
    const reader = client([limited.url]);
    const errors = [await reader.getChainId().catch((e) => e), await reader.getChainId().catch((e) => e)];
    expect(errors.map((error) => (error as { status?: number }).status)).toEqual([429, 429]);
  });

  it("hands a read at an old block to the next endpoint when the first keeps no old state", async () => {
    const pruned = await proxy({ stateHistory: 128, wordings: ["anvil state"] });
    const account = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    const archiveRead = await client([pruned.url, anvil.rpcUrl]).getBalance({ address: account, blockNumber: 5n });
    expect(archiveRead).toBeGreaterThan(0n);
    expect(pruned.faults().stateRefused).toBe(1);
    // With no archive listed, the node's own refusal comes back (for the caller to fall back on).
    await expect(client([pruned.url]).getBalance({ address: account, blockNumber: 5n })).rejects.toThrow(
      /block height is 300 but requested was 5/,
    );
  });

  it("words eth_getLogs refusals so Ponder splits them, keeping what the provider meant", async () => {
    const capped = await proxy({ maxLogsRange: 100, wordings: ["alchemy range"] });
    const error = await client([capped.url])
      .request({ method: "eth_getLogs", params: [{ fromBlock: "0x0", toBlock: "0x12b" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LogsLimitError);
    expect(logsLimitOf(error)).toEqual({ kind: "range", maxBlocks: 100 });
    expect(JSON.stringify(error)).toContain("this block range should work: [0x0, 0x63]");
  });

  it("answers a result cap by joining the halves, so Ponder never narrows its ranges for it", async () => {
    const { token, fromBlock, toBlock } = await tokenWithTransfers(9);
    const capped = await proxy({ maxLogsResults: 3 });
    const transfer = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)");
    const logs = await client([capped.url]).getLogs({ address: token, event: transfer, fromBlock, toBlock });
    expect(logs.map((log) => log.blockNumber)).toEqual(
      Array.from({ length: 10 }, (_, index) => fromBlock + BigInt(index)),
    );
    expect(capped.faults().logsResultsRefused).toBeGreaterThan(0);
    // Asked not to (the token start search), it hands the refusal back: "there are logs in here".
    const refusal = await client([capped.url], [], 0, false)
      .getLogs({ address: token, event: transfer, fromBlock, toBlock })
      .catch((caught: unknown) => caught);
    expect(logsLimitOf(refusal)).toEqual({ kind: "results" });
  });

  it("never prints an RPC key", () => {
    expect(redactRpcUrl("https://eth-mainnet.g.alchemy.com/v2/SECRET")).toBe("https://eth-mainnet.g.alchemy.com/…");
    expect(redactRpcUrl("https://user:pw@rpc.example/?key=SECRET")).toBe("https://rpc.example/…");
    expect(redactRpcUrl("http://127.0.0.1:8545")).toBe("http://127.0.0.1:8545");
  });
});
