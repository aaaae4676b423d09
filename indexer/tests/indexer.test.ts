/**
 * The indexer end to end on both databases it supports: backfill the seeded demo chain, then
 * check every proposal's tallies and voters and every delegate's power against the contracts,
 * probe the API's input validation, and follow a live vote. PostgreSQL runs when its binaries
 * are installed (CI installs them; `.ci/run`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { createTestClient, http, parseAbi, parseAbiItem, publicActions, walletActions } from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../harness/anvil";
import { checkIndexerAgainstChain } from "../../harness/checkAgainstChain";
import { type DemoChain, startDemoChain } from "../../harness/demoChain";
import { startIndexer, waitForIndexedBlock } from "../../harness/indexerService";
import { postgresBinDir, startTempPostgres, type TempPostgres } from "../../harness/postgres";
import type { Service } from "../../harness/services";
import { isTimestampClock } from "../../lib/chain/clock";
import { readCommonsConfig } from "../../lib/config/readCommonsConfig";
import type { DaoConfig } from "../../lib/config/schema";
import { createIndexerClient } from "../../lib/indexer/client";
import { writeDemoConfig } from "../../scripts/demo/writeDemoConfig";
import { computeParticipation } from "../src/api/participation";

const governorAbi = parseAbi([
  "function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns (uint256)",
]);

let demo: DemoChain;
let dao: DaoConfig;
/** Every DAO of the demo config: the demo DAO, then the flavour DAOs seeded on the same chain. */
let allDaos: DaoConfig[];
let configPath: string;
const workDir = mkdtempSync(join(tmpdir(), "commons-indexer-test-"));

beforeAll(async () => {
  demo = await startDemoChain({ port: await freePort() });
  configPath = join(workDir, "dao.config.json");
  writeDemoConfig(demo.deployment, demo.rpcUrl, configPath);
  allDaos = readCommonsConfig(configPath).daos;
  const first = allDaos[0];
  if (!first) throw new Error("demo config lists no DAO");
  dao = first;
});

afterAll(async () => {
  await demo?.anvil.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** This machine's address on its network (not loopback), where a public listener would answer. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && !entry.internal && entry.family === "IPv4")?.address;

function indexerSuite(backend: "pglite" | "postgres") {
  let service: Service;
  let url: string;
  let postgres: TempPostgres | undefined;

  beforeAll(async () => {
    if (backend === "postgres") postgres = await startTempPostgres();
    const started = await startIndexer({
      configPath,
      port: await freePort(),
      dbDir: join(workDir, `pglite-${backend}`),
      schema: `test_${backend}`,
      logFile: join(workDir, `indexer-${backend}.log`),
      databaseUrl: postgres?.url,
    });
    service = started.service;
    url = started.url;
    await waitForIndexedBlock(url, BigInt(demo.deployment.headBlock), service);
  });

  afterAll(async () => {
    await service?.stop();
    await postgres?.stop();
  });

  it.skipIf(backend !== "pglite" || !externalAddress)(
    "listens on the loopback interface only, so /metrics is not served to the network",
    async () => {
      expect((await fetch(`${url}/metrics`)).ok).toBe(true);
      const port = new URL(url).port;
      await expect(
        fetch(`http://${externalAddress}:${port}/metrics`, { signal: AbortSignal.timeout(5_000) }),
      ).rejects.toThrow();
    },
  );

  it("serves every seeded proposal, newest first, with plain-text titles", async () => {
    const page = await createIndexerClient(url).listProposals(dao.slug, { limit: 100, offset: 0 });
    expect(page.total).toBe(demo.deployment.proposals.length);
    const blocks = page.items.map((proposal) => BigInt(proposal.createdBlock));
    expect(blocks).toEqual([...blocks].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    for (const seeded of demo.deployment.proposals) {
      const indexed = page.items.find((proposal) => proposal.id === seeded.id);
      expect(indexed?.title, seeded.key).toBe(seeded.title);
    }
    const hostile = page.items.find((proposal) => proposal.description.includes("<script>"));
    expect(hostile?.title).not.toMatch(/[<>]/);
  });

  it("agrees with the contracts on tallies, voters, voting power, balances and delegates, for every flavour", async () => {
    for (const each of allDaos) {
      expect(await checkIndexerAgainstChain(each, createIndexerClient(url)), each.slug).toEqual([]);
    }
  });

  it("serves participation, missed streaks and last votes as a recount of each delegate's history says", async () => {
    // The API counts from stored counters and index ranges; the recount is
    // participation.ts's definition applied to every proposal, power change and vote.
    const indexer = createIndexerClient(url);
    const chain = createTestClient({
      mode: "anvil",
      chain: foundry,
      transport: http(demo.rpcUrl),
      cacheTime: 0,
    }).extend(publicActions);
    const indexedBlock = (await indexer.status()).daos.find((each) => each.slug === dao.slug)?.indexedBlock;
    const head = await chain.getBlock({ blockNumber: BigInt(indexedBlock ?? "0") });
    const clockMode = await chain
      .readContract({
        address: dao.governor,
        abi: parseAbi(["function CLOCK_MODE() view returns (string)"]),
        functionName: "CLOCK_MODE",
      })
      .catch(() => "mode=blocknumber&from=default");
    const now = isTimestampClock(clockMode) ? head.timestamp : head.number;
    const proposals = (await indexer.listProposals(dao.slug, { limit: 100 })).items.map((proposal) => ({
      id: BigInt(proposal.id),
      voteStart: BigInt(proposal.voteStart),
      voteEnd: BigInt(proposal.voteEnd),
      canceled: proposal.status === "canceled",
    }));
    const delegates = (await indexer.listDelegates(dao.slug, { limit: 100 })).items;
    expect(delegates.length).toBeGreaterThan(3);
    let streaks = 0;
    for (const delegate of delegates) {
      const changes = (await indexer.listVotingPowerChanges(dao.slug, delegate.address, { limit: 100 })).items;
      const votes = (await indexer.listVoterVotes(dao.slug, delegate.address, { limit: 100 })).items;
      const crossings = changes
        .filter((change) => (BigInt(change.previousVotes) === 0n) !== (BigInt(change.newVotes) === 0n))
        .map((change) => ({
          at: isTimestampClock(clockMode) ? BigInt(change.timestamp) : BigInt(change.block),
          previousVotes: BigInt(change.previousVotes),
          newVotes: BigInt(change.newVotes),
        }))
        .reverse();
      const expected = computeParticipation({
        proposals,
        crossings,
        currentVotes: BigInt(delegate.votingPower),
        votedIds: new Set(votes.filter((vote) => BigInt(vote.weight) > 0n).map((vote) => BigInt(vote.proposalId))),
        now,
      });
      const lastVote = votes.length === 0 ? null : Math.max(...votes.map((vote) => vote.timestamp));
      expect(delegate.participation, delegate.address).toEqual({ ...expected, lastVoteTimestamp: lastVote });
      streaks += expected.missedStreak;
    }
    // The demo has delegates who skipped recent proposals: the streaks are not all zero.
    expect(streaks).toBeGreaterThan(0);
  });

  it("refuses bad input with a 400/404 and a message", async () => {
    const get = async (path: string) => {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, body: (await response.json()) as { error?: string } };
    };
    expect(await get("/api/daos/nope/proposals")).toEqual({ status: 404, body: { error: 'unknown DAO "nope"' } });
    expect((await get(`/api/daos/${dao.slug}/proposals?limit=101`)).status).toBe(400);
    expect((await get(`/api/daos/${dao.slug}/proposals/12x`)).status).toBe(400);
    expect((await get(`/api/daos/${dao.slug}/proposals/1/votes?support=7`)).status).toBe(400);
    expect((await get(`/api/daos/${dao.slug}/accounts/0x1234`)).status).toBe(400);
  });

  it("serves the delegates and treasury pages' routes as the contracts say", async () => {
    const chain = createTestClient({
      mode: "anvil",
      chain: foundry,
      transport: http(demo.rpcUrl),
      cacheTime: 0,
    }).extend(publicActions);
    const { token, timelock, governor, actors, tokens } = demo.deployment;
    const readToken = parseAbi([
      "function getVotes(address account) view returns (uint256)",
      "function delegates(address account) view returns (address)",
    ]);
    const indexer = createIndexerClient(url);
    const delegate = actors.delegate;
    const votes = await chain.readContract({
      address: token,
      abi: readToken,
      functionName: "getVotes",
      args: [delegate],
    });

    // One delegate, with participation: closed, uncanceled proposals where it had power at the snapshot.
    const served = await indexer.getDelegate(dao.slug, delegate);
    expect(BigInt(served.votingPower)).toBe(votes);
    expect(served.participation?.eligible).toBeGreaterThan(0);
    expect(served.participation?.voted).toBeLessThanOrEqual(served.participation?.eligible ?? 0);
    const listed = await indexer.listDelegates(dao.slug, { limit: 100 });
    // The total is kept by the handlers (delegate_tally); the list is filtered: they must agree.
    expect(listed.total).toBe(listed.items.length);
    expect(listed.total).toBeGreaterThan(3);
    expect(listed.items.find((item) => item.address === delegate)?.participation).toEqual(served.participation);

    // Its power history ends at its current votes.
    const history = await indexer.listVotingPowerChanges(dao.slug, delegate, { limit: 1000 });
    expect(BigInt(history.items[0]?.newVotes ?? "-1")).toBe(votes);

    // Delegators: exactly the holders whose delegate() is this address.
    const delegators = await indexer.listDelegators(dao.slug, delegate, { limit: 100 });
    const expected = [];
    for (const holder of actors.holders) {
      const to = await chain.readContract({
        address: token,
        abi: readToken,
        functionName: "delegates",
        args: [holder.address],
      });
      if (to.toLowerCase() === delegate.toLowerCase()) expected.push(holder.address.toLowerCase());
    }
    expect(delegators.items.map((item) => item.address.toLowerCase()).sort()).toEqual(expected.sort());

    // Votes by this voter: one per VoteCast log, with the proposal's title.
    const voteLogs = await chain.getLogs({
      address: governor,
      event: parseAbiItem(
        "event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)",
      ),
      args: { voter: delegate },
      fromBlock: BigInt(dao.startBlock),
    });
    const voterVotes = await indexer.listVoterVotes(dao.slug, delegate, { limit: 100 });
    expect(voterVotes.total).toBe(voteLogs.length);
    for (const vote of voterVotes.items) {
      expect(vote.proposalTitle).toBe(demo.deployment.proposals.find((p) => p.id === vote.proposalId)?.title);
    }

    // Treasury: the tokens sent to the timelock, and the executed proposals.
    const received = await indexer.listTreasuryTokens(dao.slug);
    expect(received.treasury.toLowerCase()).toBe(timelock.toLowerCase());
    expect(received.items.map((item) => item.token.toLowerCase())).toEqual(
      expect.arrayContaining([token, tokens.musdc, tokens.mweth].map((address) => address.toLowerCase())),
    );
    const executed = await indexer.listProposals(dao.slug, { status: ["executed"], limit: 100 });
    expect(executed.items.map((p) => p.id).sort()).toEqual(
      demo.deployment.proposals
        .filter((p) => p.expectedState === "Executed")
        .map((p) => p.id)
        .sort(),
    );
  });

  it("follows a live vote within a few blocks", async () => {
    const chain = createTestClient({ mode: "anvil", chain: foundry, transport: http(demo.rpcUrl), cacheTime: 0 })
      .extend(publicActions)
      .extend(walletActions);
    const active = demo.deployment.proposals.find((proposal) => proposal.expectedState === "Active");
    if (!active) throw new Error("the demo has no Active proposal");
    const voter = demo.deployment.actors.delegate;
    const snapshot = await chain.snapshot();
    try {
      const hash = await chain.writeContract({
        account: voter,
        address: dao.governor,
        abi: governorAbi,
        functionName: "castVoteWithReason",
        args: [BigInt(active.id), 1, `live vote on ${backend}`],
        chain: foundry,
      });
      const receipt = await chain.waitForTransactionReceipt({ hash });
      await waitForIndexedBlock(url, receipt.blockNumber, service);
      const votes = await createIndexerClient(url).listVotes(dao.slug, active.id, { limit: 100, offset: 0 });
      const vote = votes.items.find((item) => item.voter.toLowerCase() === voter.toLowerCase());
      expect(vote?.reason).toBe(`live vote on ${backend}`);
      expect(vote?.support).toBe(1);
      expect(await checkIndexerAgainstChain(dao, createIndexerClient(url))).toEqual([]);
    } finally {
      // Back to the seeded head (a shallow revert, which the indexer follows as a reorg).
      await chain.revert({ id: snapshot });
    }
  });
}

describe("indexer on PGlite", () => indexerSuite("pglite"));

describe.skipIf(!postgresBinDir())("indexer on PostgreSQL", () => indexerSuite("postgres"));
