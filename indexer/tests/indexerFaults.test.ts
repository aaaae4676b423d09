/**
 * Issue 13's faults, on the real indexer (indexer/supervise.ts running `ponder start`) and a small
 * DAO on a plain anvil (harness/fixtures/plainChain.ts):
 *   - reorgs: a 5-block one (Ponder follows it) and one reaching below the block Ponder took as final
 *     (30 blocks on unknown chains), after which Ponder gives up; afterwards the API must agree
 *     with the chain on every balance, delegate and voting power;
 *   - a chain restarted under the same id and RPC URL, indexed into a fresh schema of the same
 *     PostgreSQL database: Ponder's shared sync cache still holds the old chain's logs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { type Address, createTestClient, getAddress, http, parseUnits, publicActions, walletActions } from "viem";
import { afterAll, describe, expect, it } from "vitest";
import { demoTokenAbi } from "../../contracts-abi/demoToken";
import { type AnvilInstance, freePort, startAnvil } from "../../harness/anvil";
import { checkIndexerAgainstChain } from "../../harness/checkAgainstChain";
import {
  deployPlainChainDao,
  type PlainChainDao,
  plainChainConfig,
  plainChainId,
} from "../../harness/fixtures/plainChain";
import { startIndexer, waitForIndexedBlock } from "../../harness/indexerService";
import { postgresBinDir, startTempPostgres } from "../../harness/postgres";
import type { Service } from "../../harness/services";
import { anvilDevAccounts } from "../../lib/chain/anvilDevAccounts";
import { readCommonsConfig } from "../../lib/config/readCommonsConfig";
import { createIndexerClient } from "../../lib/indexer/client";

const workDir = mkdtempSync(join(tmpdir(), "commons-indexer-faults-"));
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  if (!process.env.KEEP_TEST_DIR) rmSync(workDir, { recursive: true, force: true });
});

const dev = anvilDevAccounts.map((address) => getAddress(address as Address));

function testClient(rpcUrl: string) {
  return createTestClient({ mode: "anvil", transport: http(rpcUrl), cacheTime: 0 })
    .extend(publicActions)
    .extend(walletActions);
}

async function startChain(port: number): Promise<{ anvil: AnvilInstance; dao: PlainChainDao }> {
  const anvil = await startAnvil({ port, chainId: plainChainId });
  cleanups.push(() => anvil.stop());
  return { anvil, dao: await deployPlainChainDao(anvil.rpcUrl) };
}

/** A token transfer, mined, then `extraBlocks` empty blocks; resolves the head after them. */
async function transferThenMine(
  rpcUrl: string,
  dao: PlainChainDao,
  from: Address,
  to: Address,
  tokens: string,
  extraBlocks: number,
): Promise<bigint> {
  const chain = testClient(rpcUrl);
  const hash = await chain.writeContract({
    account: from,
    address: dao.token,
    abi: demoTokenAbi,
    functionName: "transfer",
    args: [to, parseUnits(tokens, 18)],
    chain: null,
    gas: 300_000n,
  });
  const receipt = await chain.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  if (extraBlocks > 0) await chain.mine({ blocks: extraBlocks });
  return chain.getBlockNumber();
}

async function indexChain(
  run: string,
  rpcUrl: string,
  dao: PlainChainDao,
  databaseUrl?: string,
): Promise<{ service: Service; url: string; log: () => string; configPath: string }> {
  const dir = join(workDir, run);
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, "dao.config.json");
  writeFileSync(configPath, JSON.stringify({ daos: [plainChainConfig(dao, rpcUrl)] }));
  const logFile = join(dir, "indexer.log");
  const { service, url } = await startIndexer({
    configPath,
    port: await freePort(),
    dbDir: join(dir, "pglite"),
    cacheDir: dir,
    schema: `faults_${run}`,
    logFile,
    databaseUrl,
  });
  cleanups.push(() => service.stop());
  return { service, url, configPath, log: () => readFileSync(logFile, "utf8") };
}

async function indexerAgreesWithChain(configPath: string, url: string): Promise<string[]> {
  const dao = readCommonsConfig(configPath).daos[0];
  if (!dao) throw new Error("no DAO in the test config");
  return checkIndexerAgainstChain(dao, createIndexerClient(url));
}

/**
 * The block Ponder last logged as finalized ("Finalized block chain=… number=N"). With CI set,
 * Ponder's logger colours its lines, so the escape codes are taken out before matching.
 */
function lastFinalizedBlock(log: string): number {
  const plain = stripVTControlCharacters(log);
  const numbers = [...plain.matchAll(/Finalized block .*?number=(\d+)/g)].map((match) => Number(match[1]));
  return numbers.at(-1) ?? 0;
}

async function indexedVotes(url: string, account: Address): Promise<bigint> {
  return BigInt((await createIndexerClient(url).getDelegate("plain", account)).votingPower);
}

describe("reorgs", () => {
  it("follows a 5-block reorg, and recovers from one below the block Ponder took as final", async () => {
    const { anvil, dao } = await startChain(await freePort());
    const chain = testClient(anvil.rpcUrl);
    const indexer = await indexChain("reorg", anvil.rpcUrl, dao);
    // Blocks enough that Ponder's finalized block (head − 30) is past the deployment.
    await chain.mine({ blocks: 40 });
    await waitForIndexedBlock(indexer.url, await chain.getBlockNumber(), indexer.service);
    const before = await indexedVotes(indexer.url, dev[2] as Address);

    // 5 blocks: a transfer to #2 (its votes grow), reverted and replaced by a transfer to #3.
    const shallow = await chain.snapshot();
    let head = await transferThenMine(anvil.rpcUrl, dao, dev[1] as Address, dev[2] as Address, "1000", 4);
    await waitForIndexedBlock(indexer.url, head, indexer.service);
    expect(await indexedVotes(indexer.url, dev[2] as Address)).toBe(before + parseUnits("1000", 18));
    await chain.revert({ id: shallow });
    head = await transferThenMine(anvil.rpcUrl, dao, dev[1] as Address, dev[3] as Address, "5000", 5);
    await waitForIndexedBlock(indexer.url, head, indexer.service);
    expect(await indexedVotes(indexer.url, dev[2] as Address)).toBe(before);
    expect(await indexerAgreesWithChain(indexer.configPath, indexer.url)).toEqual([]);

    // A reorg below Ponder's finalized block: from a snapshot, a transfer to #2, then blocks until
    // Ponder logs a finalized block above the snapshot (it moves that block to head − 30 each time
    // the head passes it by 60). The log may trail the indexed head: then one more round is mined.
    const deep = await chain.snapshot();
    const ancestor = await chain.getBlockNumber();
    head = await transferThenMine(anvil.rpcUrl, dao, dev[1] as Address, dev[2] as Address, "2000", 0);
    for (let round = 0; lastFinalizedBlock(indexer.log()) <= Number(ancestor); round++) {
      expect(round, "Ponder never took a block above the snapshot as final").toBeLessThan(20);
      await chain.mine({ blocks: 10 });
      head = await chain.getBlockNumber();
      await waitForIndexedBlock(indexer.url, head, indexer.service);
    }
    expect(await indexedVotes(indexer.url, dev[2] as Address)).toBe(before + parseUnits("2000", 18));
    await chain.revert({ id: deep });
    // The replacing chain is longer than the one it replaces, so it is the one the node follows.
    head = await transferThenMine(
      anvil.rpcUrl,
      dao,
      dev[1] as Address,
      dev[4] as Address,
      "3000",
      Number(head - ancestor) + 4,
    );
    await waitForIndexedBlock(indexer.url, head, indexer.service);
    // The indexer may answer at the new head before it has seen the reorg: wait for the truth.
    await expect
      .poll(() => indexedVotes(indexer.url, dev[2] as Address).catch(() => -1n), { timeout: 120_000, interval: 500 })
      .toBe(before);
    await waitForIndexedBlock(indexer.url, await chain.getBlockNumber(), indexer.service);
    expect(await indexerAgreesWithChain(indexer.configPath, indexer.url)).toEqual([]);
    expect(indexer.log()).toMatch(/Encountered unrecoverable/);
    expect(indexer.log()).toContain("[commons] the chain reorganised deeper than Ponder follows");
    expect(indexer.service.hasExited()).toBe(false);
  }, 300_000);
});

describe.skipIf(!postgresBinDir())("a chain restarted under the same id, on PostgreSQL", () => {
  it("drops the old chain's cached logs, says so, and indexes the new chain's truth", async () => {
    const postgres = await startTempPostgres();
    cleanups.push(() => postgres.stop());
    const port = await freePort();

    // The first chain: the DAO, then a transfer the second chain will not have, then blocks enough
    // that the transfer is older than Ponder's finality (30 blocks): backfilled through its cache.
    const first = await startChain(port);
    const firstHead = await transferThenMine(
      first.anvil.rpcUrl,
      first.dao,
      dev[1] as Address,
      dev[2] as Address,
      "100000",
      40,
    );
    const old = await indexChain("chain_a", first.anvil.rpcUrl, first.dao, postgres.url);
    await waitForIndexedBlock(old.url, firstHead, old.service);
    expect(await indexerAgreesWithChain(old.configPath, old.url)).toEqual([]);
    await old.service.stop();
    await first.anvil.stop();

    // The chain restarted on the same port: the same DAO at the same addresses, without that transfer.
    const second = await startChain(port);
    expect(second.dao.token).toBe(first.dao.token);
    await testClient(second.anvil.rpcUrl).mine({ blocks: 40 });
    const secondHead = await testClient(second.anvil.rpcUrl).getBlockNumber();
    const fresh = await indexChain("chain_b", second.anvil.rpcUrl, second.dao, postgres.url);
    await waitForIndexedBlock(fresh.url, secondHead, fresh.service);
    expect(await indexerAgreesWithChain(fresh.configPath, fresh.url)).toEqual([]);
    expect(fresh.log()).toMatch(
      new RegExp(`\\[commons\\] chain ${plainChainId} is not the chain indexed before \\(genesis 0x[0-9a-f]{8}…`),
    );
  }, 300_000);
});
