/**
 * Issue 11, the indexer half: a DAO whose token is ~2,500 blocks older than its governor, with
 * ~9,000 token events (2,300 transfers, 1,600 re-delegations among 300 holders) before the
 * governor exists. The config gives the governor's block as startBlock and no tokenStartBlock;
 * the indexer must find the token's first block itself, and then every account's balance,
 * delegate, voting power and delegator count must equal the chain:
 *   - on PGlite, the node serving old state (found by eth_getCode binary search);
 *   - on PostgreSQL, with tokenStartBlock given;
 *   - through an RPC keeping 128 blocks of state (found from logs), in bounded time;
 *   - through [a dead endpoint, an RPC that caps eth_getLogs at 2,000 blocks and 1,000 results
 *     and rate limits 10% of requests], every fault injected at least once.
 * Plus the token start search itself: its cache, and its time budget on a slow provider.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, type PublicClient } from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnvilInstance, freePort, startAnvil } from "../../harness/anvil";
import { checkIndexerAgainstChain } from "../../harness/checkAgainstChain";
import { type FaultyRpc, startFaultyRpc } from "../../harness/faultyRpc";
import {
  deployLongHistoryDao,
  type LongHistoryDao,
  readTokenState,
  type TokenState,
} from "../../harness/fixtures/longHistoryDao";
import { startIndexer, waitForIndexedBlock } from "../../harness/indexerService";
import { postgresBinDir, startTempPostgres } from "../../harness/postgres";
import { readCommonsConfig } from "../../lib/config/readCommonsConfig";
import type { DaoConfigInput } from "../../lib/config/schema";
import { createIndexerClient } from "../../lib/indexer/client";
import { failoverTransport } from "../rpc/failoverTransport";
import { findTokenStart } from "../tokenStart";

const workDir = mkdtempSync(join(tmpdir(), "commons-long-history-"));
let anvil: AnvilInstance;
let dao: LongHistoryDao;
let chainState: TokenState;
const proxies: FaultyRpc[] = [];
const slug = "old-token";

beforeAll(async () => {
  anvil = await startAnvil({
    port: await freePort(),
    // Every state kept in memory (an archive for these ~2,800 blocks, nothing written to disk), and
    // blocks big enough for 150 transactions of 300k gas.
    pruneHistory: 10_000,
    extraArgs: ["--gas-limit", "100000000"],
  });
  dao = await deployLongHistoryDao(anvil.rpcUrl);
  chainState = await readTokenState(anvil.rpcUrl, dao.token, dao.accounts);
}, 120_000);

afterAll(async () => {
  for (const proxy of proxies) await proxy.stop();
  await anvil?.stop();
  if (!process.env.KEEP_TEST_DIR) rmSync(workDir, { recursive: true, force: true });
});

async function faultyRpc(options: Omit<Parameters<typeof startFaultyRpc>[0], "upstream">): Promise<FaultyRpc> {
  const proxy = await startFaultyRpc({ upstream: anvil.rpcUrl, ...options });
  proxies.push(proxy);
  return proxy;
}

/**
 * Starts the real indexer on a fresh database and cache for this DAO, waits until it has indexed the
 * chain head, and hands back its URL, how long that took and its log.
 */
async function indexDao(run: string, rpcUrls: string[], extra: Partial<DaoConfigInput> = {}, databaseUrl?: string) {
  const dir = join(workDir, run);
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, "dao.config.json");
  const config = {
    daos: [
      {
        slug,
        name: "Old token DAO",
        chainId: 31337,
        rpcUrls,
        governor: dao.governor,
        startBlock: dao.governorBlock,
        ...extra,
      },
    ],
  };
  writeFileSync(configPath, JSON.stringify(config));
  const started = Date.now();
  const { service, url } = await startIndexer({
    configPath,
    port: await freePort(),
    dbDir: join(dir, "pglite"),
    cacheDir: dir,
    schema: `long_${run.replace(/\W/g, "_")}`,
    logFile: join(dir, "indexer.log"),
    databaseUrl,
    timeoutMs: 240_000,
  });
  try {
    await waitForIndexedBlock(url, BigInt(dao.headBlock), service);
  } catch (error) {
    await service.stop();
    throw error;
  }
  const status = (await (await fetch(`${url}/api/status`)).json()) as {
    daos: { tokenStartBlock: string; tokenStartSource: string; rpc: { url: string; state: string }[] }[];
  };
  return {
    url,
    service,
    seconds: (Date.now() - started) / 1000,
    log: () => readFileSync(join(dir, "indexer.log"), "utf8"),
    status: status.daos[0],
    dao: readCommonsConfig(configPath).daos[0],
  };
}

/** Every account whose indexed balance, delegate, voting power or delegator count differs from the chain. */
async function accountMismatches(url: string): Promise<string[]> {
  const indexer = createIndexerClient(url);
  const mismatches: string[] = [];
  for (const [address, onChain] of chainState) {
    const served = await indexer.getAccount(slug, address);
    const expected = {
      balance: String(onChain.balance),
      delegate: onChain.delegate,
      votingPower: String(onChain.votes),
      delegatorsCount: onChain.delegators,
    };
    const actual = {
      balance: served.balance,
      delegate: served.delegate,
      votingPower: served.votingPower,
      delegatorsCount: served.delegatorsCount,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      mismatches.push(`${address}: indexed ${JSON.stringify(actual)}, chain ${JSON.stringify(expected)}`);
    }
  }
  return mismatches;
}

describe("a token older than its governor", () => {
  it("has the history the other tests rely on", () => {
    expect(dao.governorBlock - dao.tokenBlock).toBeGreaterThan(2_000);
    expect(dao.transfers).toBeGreaterThan(2_000);
    expect(dao.delegations).toBeGreaterThan(1_000);
    const delegates = [...chainState.values()].filter((account) => account.delegators > 0);
    expect(delegates.length).toBeGreaterThan(100);
    expect(delegates.some((account) => account.delegators > 5)).toBe(true);
  });

  it("PGlite: finds the token's first block by eth_getCode and equals the chain for every account", async () => {
    const run = await indexDao("pglite-getcode", [anvil.rpcUrl]);
    try {
      console.log(`long history, PGlite, eth_getCode discovery: indexed in ${run.seconds.toFixed(1)} s`);
      expect(run.log()).toMatch(
        new RegExp(
          `token ${dao.token} first block ${dao.tokenBlock} \\(found by eth_getCode binary search, \\d+ requests`,
        ),
      );
      expect(run.status).toMatchObject({
        tokenStartBlock: String(dao.tokenBlock),
        tokenStartSource: "eth_getCode",
        rpc: [{ url: anvil.rpcUrl, state: "up", failures: 0 }],
      });
      expect(await accountMismatches(run.url)).toEqual([]);
      if (!run.dao) throw new Error("no DAO in the config");
      expect(await checkIndexerAgainstChain(run.dao, createIndexerClient(run.url))).toEqual([]);
    } finally {
      await run.service.stop();
    }
  }, 300_000);

  it.skipIf(!postgresBinDir())(
    "PostgreSQL: with tokenStartBlock given, equals the chain for every account",
    async () => {
      const postgres = await startTempPostgres();
      try {
        const run = await indexDao(
          "postgres-configured",
          [anvil.rpcUrl],
          { tokenStartBlock: dao.tokenBlock },
          postgres.url,
        );
        try {
          console.log(`long history, PostgreSQL, tokenStartBlock given: indexed in ${run.seconds.toFixed(1)} s`);
          expect(run.log()).toContain(
            `token ${dao.token} first block ${dao.tokenBlock} (tokenStartBlock in the DAO config)`,
          );
          expect(run.status).toMatchObject({ tokenStartSource: "config" });
          expect(await accountMismatches(run.url)).toEqual([]);
        } finally {
          await run.service.stop();
        }
      } finally {
        await postgres.stop();
      }
    },
    300_000,
  );

  it("no archive: through an RPC keeping 128 blocks of state, finds the start from logs, in bounded time", async () => {
    const pruned = await faultyRpc({ stateHistory: 128 });
    const run = await indexDao("no-archive", [pruned.url]);
    try {
      console.log(`long history, no archive: indexed in ${run.seconds.toFixed(1)} s`);
      // The node refused the old eth_getCode; nothing else read old state, so nothing hung on it.
      expect(pruned.faults().stateRefused).toBeGreaterThan(0);
      expect(run.log()).toMatch(
        new RegExp(
          `token ${dao.token} first block ${dao.tokenBlock} \\(found by its first Transfer/delegation log, .*the node keeps no state that old\\)`,
        ),
      );
      expect(run.seconds).toBeLessThan(200);
      expect(await accountMismatches(run.url)).toEqual([]);
    } finally {
      await run.service.stop();
    }
  }, 300_000);

  it("provider faults: a dead endpoint, getLogs caps, 429s — every fault injected, and it equals the chain", async () => {
    const dead = await faultyRpc({ dropConnections: true });
    const provider = await faultyRpc({
      maxLogsRange: 2_000,
      maxLogsResults: 1_000,
      rateLimit: 0.1,
      seed: 11,
      stateHistory: 128,
    });
    const run = await indexDao("faults", [dead.url, provider.url]);
    try {
      console.log(
        `long history, provider faults: indexed in ${run.seconds.toFixed(1)} s`,
        JSON.stringify(provider.faults()),
      );
      const faults = provider.faults();
      expect(dead.faults().dropped).toBeGreaterThan(0);
      expect(faults.logsRangeRefused).toBeGreaterThan(0);
      expect(faults.logsResultsRefused).toBeGreaterThan(0);
      expect(faults.rateLimited).toBeGreaterThan(0);
      expect(faults.rateLimitedRpc).toBeGreaterThan(0);
      expect(faults.stateRefused).toBeGreaterThan(0);
      // Alchemy's words, which Ponder alone does not split on, were among them.
      expect(faults.wordings["alchemy results"] ?? 0).toBeGreaterThan(0);
      expect(run.log()).toContain(`RPC ${dead.url} failed`);
      // The status page's source says which endpoint is down.
      expect(run.status?.rpc).toEqual([
        expect.objectContaining({ url: dead.url, state: "down" }),
        expect.objectContaining({ url: provider.url }),
      ]);
      expect(run.status).toMatchObject({ tokenStartBlock: String(dao.tokenBlock) });
      expect(await accountMismatches(run.url)).toEqual([]);
      if (!run.dao) throw new Error("no DAO in the config");
      // Checked against anvil itself: reading through the faults again would only cost time.
      const direct = { ...run.dao, rpcUrl: anvil.rpcUrl, rpcUrls: [anvil.rpcUrl] };
      expect(await checkIndexerAgainstChain(direct, createIndexerClient(run.url))).toEqual([]);
    } finally {
      await run.service.stop();
    }
  }, 300_000);
});

describe("the token start search", () => {
  const reader = (urls: string[]) =>
    createPublicClient({
      chain: foundry,
      transport: failoverTransport(urls, { retryCount: 5, splitResultCaps: false, log: () => undefined }),
    }) as PublicClient;

  it("remembers what it found, and does not trust the memory on another chain", async () => {
    const cacheFile = join(workDir, "search-cache", "token-start-blocks.json");
    const search = () =>
      findTokenStart({
        client: reader([anvil.rpcUrl]),
        chainId: 31337,
        token: dao.token,
        governorStartBlock: dao.governorBlock,
        cacheFile,
      });
    expect(await search()).toMatchObject({ block: dao.tokenBlock, source: "eth_getCode" });
    expect(await search()).toMatchObject({ block: dao.tokenBlock, source: "cache", requests: 1 });
    // A restarted local chain reuses chain id and addresses: the remembered block's hash no longer matches.
    const cache = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, { blockHash: string }>;
    for (const entry of Object.values(cache)) entry.blockHash = `0x${"ab".repeat(32)}`;
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(await search()).toMatchObject({ block: dao.tokenBlock, source: "eth_getCode" });
  });

  it("gives up in time on a slow provider, starting where its scan got to, with a warning", async () => {
    // No old state, 50-block eth_getLogs ranges, 300 ms per answer: reaching block 201 takes ~2.5 s.
    const slow = await faultyRpc({
      stateHistory: 128,
      maxLogsRange: 50,
      latencyMs: 300,
      wordings: ["anvil state", "quicknode range"],
    });
    const started = Date.now();
    const start = await findTokenStart({
      client: reader([slow.url]),
      chainId: 31337,
      token: dao.token,
      // Older than the node's 128 blocks of state: the eth_getCode search stops at its first request.
      governorStartBlock: dao.governorBlock - 200,
      timeoutMs: 1_500,
      concurrency: 1,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(start.source).toBe("partial-logs");
    // Where the scan got to: no token event before it, so indexing from there loses nothing.
    expect(start.block).toBeGreaterThan(0);
    expect(start.block).toBeLessThanOrEqual(dao.tokenBlock);
    expect(start.block % 50).toBe(0);
    expect(start.message).toMatch(
      new RegExp(
        `^WARNING: gave up looking for token ${dao.token}'s first block after .* indexing it from block ${start.block}, before which it emitted no event`,
      ),
    );
  });
});
