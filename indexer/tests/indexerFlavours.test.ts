/**
 * The indexer on the flavour fixtures (issue 6): a fractional governor on a timestamp clock whose
 * voters split their weight over several votes, an ERC721Votes DAO with late-quorum protection
 * whose NFTs move between holders and into the treasury, and a GovernorAlpha whose VoteCast has
 * its own signature (a bool For/Against, no reason). Everything is cast first, then the
 * indexer backfills, and its API must agree with the contracts: tallies equal proposalVotes, each
 * voter's split is what they cast, NFT balances are whole counts, the extended deadline is served.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Abi, type Address, encodePacked, getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nftGovernorAbi } from "../../contracts-abi/flavours/nftGovernor";
import { nftTokenAbi } from "../../contracts-abi/flavours/nftToken";
import { timestampFractionalGovernorAbi } from "../../contracts-abi/flavours/timestampFractionalGovernor";
import { uniGovernorAlphaAbi } from "../../contracts-abi/flavours/uniGovernorAlpha";
import { type AnvilInstance, freePort, startAnvil } from "../../harness/anvil";
import { checkIndexerAgainstChain } from "../../harness/checkAgainstChain";
import { startIndexer, waitForIndexedBlock } from "../../harness/indexerService";
import type { Service } from "../../harness/services";
import { readCommonsConfig } from "../../lib/config/readCommonsConfig";
import type { DaoConfig } from "../../lib/config/schema";
import { createIndexerClient, type IndexerClient } from "../../lib/indexer/client";
import { deployAlpha } from "../../scripts/flavours/alpha";
import {
  dev,
  type FlavourClient,
  type FlavourDeployment,
  flavourClient,
  write,
  writeFlavourConfig,
} from "../../scripts/flavours/common";
import { deployNft } from "../../scripts/flavours/nft";
import { deployTimestampFractional } from "../../scripts/flavours/timestampFractional";

const workDir = mkdtempSync(join(tmpdir(), "commons-indexer-flavours-"));
let anvil: AnvilInstance;
let client: FlavourClient;
let service: Service | undefined;
let indexer: IndexerClient;
let daos: Record<string, DaoConfig>;

const packed = (against: bigint, forVotes: bigint, abstain: bigint) =>
  encodePacked(["uint128", "uint128", "uint128"], [against, forVotes, abstain]);

async function read<T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
  return (await client.readContract({ address, abi, functionName, args } as never)) as T;
}

async function propose(from: Address, governor: Address, abi: Abi, description: string): Promise<bigint> {
  const args = [[getAddress("0x00000000000000000000000000000000000f1a10")], [0n], ["0x"], description];
  const { result } = await client.simulateContract({
    address: governor,
    abi,
    functionName: "propose",
    args,
    account: from,
  } as never);
  await write(client, from, { address: governor, abi, functionName: "propose", args } as never);
  return result as bigint;
}

const amountOf = (deployment: FlavourDeployment, address: Address) => {
  const holder = deployment.holders.find((entry) => entry.address === address);
  if (!holder) throw new Error(`${address} holds nothing in ${deployment.slug}`);
  return holder.amount;
};

/** What the fractional scenario cast, to compare with the API. */
const fractional = {
  id: 0n,
  deployment: undefined as unknown as FlavourDeployment,
  splits: new Map<Address, { againstVotes: bigint; forVotes: bigint; abstainVotes: bigint; weight: bigint }>(),
};

/** A proposal on the fractional governor: #1 splits then votes For with the rest, #2 votes Against, #3 splits twice. */
async function castFractionalVotes(deployment: FlavourDeployment) {
  const { governor } = deployment;
  const gov = timestampFractionalGovernorAbi;
  const passSeconds = async (seconds: number) => {
    await client.increaseTime({ seconds });
    await client.mine({ blocks: 1 });
  };
  await passSeconds(10); // the delegations must be in the past for the proposal threshold
  const id = await propose(dev[0], governor, gov, "# Fractional\n\nSplit votes.");
  await passSeconds(deployment.settings.votingDelay + 1);

  const one = amountOf(deployment, dev[1]);
  const first = { againstVotes: one / 10n, forVotes: one / 2n, abstainVotes: one / 5n };
  await write(client, dev[1], {
    address: governor,
    abi: gov,
    functionName: "castVoteWithReasonAndParams",
    args: [id, 255, "Mostly for", packed(first.againstVotes, first.forVotes, first.abstainVotes)],
  });
  await write(client, dev[1], { address: governor, abi: gov, functionName: "castVote", args: [id, 1] });
  const rest = one - first.againstVotes - first.forVotes - first.abstainVotes;
  fractional.splits.set(dev[1], { ...first, forVotes: first.forVotes + rest, weight: one });

  await write(client, dev[2], { address: governor, abi: gov, functionName: "castVote", args: [id, 0] });

  const three = amountOf(deployment, dev[3]);
  await write(client, dev[3], {
    address: governor,
    abi: gov,
    functionName: "castVoteWithReasonAndParams",
    args: [id, 255, "", packed(0n, three / 10n, 0n)],
  });
  await write(client, dev[3], {
    address: governor,
    abi: gov,
    functionName: "castVoteWithReasonAndParams",
    args: [id, 255, "second thoughts", packed(three / 20n, 0n, three / 4n)],
  });
  fractional.splits.set(dev[3], {
    againstVotes: three / 20n,
    forVotes: three / 10n,
    abstainVotes: three / 4n,
    weight: three / 20n + three / 10n + three / 4n,
  });
  fractional.id = id;
  fractional.deployment = deployment;
}

/** What the NFT scenario did, to compare with the API. */
const nft = {
  id: 0n,
  deadline: 0n,
  extended: 0n,
  deployment: undefined as unknown as FlavourDeployment,
};

/** Two of #0's NFTs move (one to #5, one to the treasury), then a proposal reaches quorum late and is extended. */
async function runNftScenario(deployment: FlavourDeployment & { lateQuorumVoteExtension: number }) {
  const { governor, token, timelock } = deployment;
  const gov = nftGovernorAbi;
  const minted = await read<bigint>(token, nftTokenAbi, "totalMinted");
  const owned: bigint[] = [];
  for (let id = 1n; id <= minted; id++) {
    if ((await read<Address>(token, nftTokenAbi, "ownerOf", [id])) === dev[0]) owned.push(id);
  }
  const [toHolder, toTreasury] = owned;
  if (toHolder === undefined || toTreasury === undefined) throw new Error("dev #0 should hold two NFTs or more");
  await write(client, dev[0], {
    address: token,
    abi: nftTokenAbi,
    functionName: "transferFrom",
    args: [dev[0], dev[5], toHolder],
  });
  // The treasury's TimelockController accepts NFTs; this Transfer also matches the TreasuryToken
  // source's ERC20 filter (same topic0, `to` = the treasury) and must not stop the indexer.
  await write(client, dev[0], {
    address: token,
    abi: nftTokenAbi,
    functionName: "safeTransferFrom",
    args: [dev[0], timelock, toTreasury],
  });

  await client.mine({ blocks: 1 });
  const id = await propose(dev[3], governor, gov, "# Late quorum\n\nReached near the end.");
  await client.mine({ blocks: deployment.settings.votingDelay + 1 });
  await write(client, dev[3], { address: governor, abi: gov, functionName: "castVote", args: [id, 1] });
  const deadline = await read<bigint>(governor, gov, "proposalDeadline", [id]);
  const head = await client.getBlockNumber();
  if (deadline - head > 2n) await client.mine({ blocks: Number(deadline - head) - 2 });
  const receipt = await write(client, dev[1], { address: governor, abi: gov, functionName: "castVote", args: [id, 1] });
  const extended = await read<bigint>(governor, gov, "proposalDeadline", [id]);
  expect(extended).toBe(receipt.blockNumber + BigInt(deployment.lateQuorumVoteExtension));
  expect(extended).toBeGreaterThan(deadline);
  Object.assign(nft, { id, deadline, extended, deployment });
}

/** What the GovernorAlpha scenario cast, to compare with the API. */
const alpha = { id: 0n, deployment: undefined as unknown as FlavourDeployment };

/** A GovernorAlpha proposal: #1 votes For, #2 and #3 Against (VoteCast with a bool support, no reason). */
async function castAlphaVotes(deployment: FlavourDeployment) {
  const { governor } = deployment;
  const args = [
    [getAddress("0x00000000000000000000000000000000000f1a11")],
    [0n],
    [""],
    ["0x"],
    "# Alpha\n\nFor or Against.",
  ];
  const { result } = await client.simulateContract({
    address: governor,
    abi: uniGovernorAlphaAbi,
    functionName: "propose",
    args,
    account: dev[0],
  } as never);
  await write(client, dev[0], { address: governor, abi: uniGovernorAlphaAbi, functionName: "propose", args } as never);
  const id = result as bigint;
  await client.mine({ blocks: deployment.settings.votingDelay + 1 });
  await write(client, dev[1], {
    address: governor,
    abi: uniGovernorAlphaAbi,
    functionName: "castVote",
    args: [id, true],
  });
  await write(client, dev[2], {
    address: governor,
    abi: uniGovernorAlphaAbi,
    functionName: "castVote",
    args: [id, false],
  });
  await write(client, dev[3], {
    address: governor,
    abi: uniGovernorAlphaAbi,
    functionName: "castVote",
    args: [id, false],
  });
  Object.assign(alpha, { id, deployment });
}

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort() });
  client = flavourClient(anvil.rpcUrl);
  const configPath = join(workDir, "dao.config.json");
  const tsFractional = await deployTimestampFractional(anvil.rpcUrl);
  writeFlavourConfig(tsFractional, anvil.rpcUrl, configPath);
  const nftDao = await deployNft(anvil.rpcUrl);
  writeFlavourConfig(nftDao, anvil.rpcUrl, configPath);
  const alphaDao = await deployAlpha(anvil.rpcUrl);
  writeFlavourConfig(alphaDao, anvil.rpcUrl, configPath);
  daos = Object.fromEntries(readCommonsConfig(configPath).daos.map((dao) => [dao.slug, dao]));

  await castFractionalVotes(tsFractional);
  await runNftScenario(nftDao);
  await castAlphaVotes(alphaDao);

  const started = await startIndexer({
    configPath,
    port: await freePort(),
    dbDir: join(workDir, "pglite"),
    schema: "test_flavours",
    logFile: join(workDir, "indexer.log"),
  });
  service = started.service;
  await waitForIndexedBlock(started.url, await client.getBlockNumber(), service);
  indexer = createIndexerClient(started.url);
});

afterAll(async () => {
  await service?.stop();
  await anvil?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe("indexer on the flavour fixtures", () => {
  it("GovernorAlpha: VoteCast(address,uint256,bool,uint256) counted For or Against; tallies equal proposals(id)", async () => {
    const { governor } = alpha.deployment;
    const fields = await read<readonly unknown[]>(governor, uniGovernorAlphaAbi, "proposals", [alpha.id]);
    const proposal = await indexer.getProposal("alpha", alpha.id);
    expect([proposal.forVotes, proposal.againstVotes, proposal.abstainVotes]).toEqual([
      String(fields[5]),
      String(fields[6]),
      "0",
    ]);
    expect(proposal.forVotes).toBe(String(amountOf(alpha.deployment, dev[1])));
    expect(proposal.againstVotes).toBe(String(amountOf(alpha.deployment, dev[2]) + amountOf(alpha.deployment, dev[3])));
    expect(proposal.voteCount).toBe(3);
    const votes = await indexer.listVotes("alpha", alpha.id, { limit: 100 });
    const byVoter = Object.fromEntries(votes.items.map((vote) => [vote.voter, vote]));
    expect(byVoter[dev[1]]).toMatchObject({
      support: 1,
      reason: "",
      split: null,
      weight: String(amountOf(alpha.deployment, dev[1])),
    });
    expect(byVoter[dev[2]]).toMatchObject({ support: 0, reason: "", split: null });
    expect((await indexer.listVotes("alpha", alpha.id, { support: 0 })).total).toBe(2);
    expect(await checkIndexerAgainstChain(daos.alpha as DaoConfig, indexer)).toEqual([]);
  });

  it("fractional: tallies equal proposalVotes and each voter's split is what they cast", async () => {
    const { governor } = fractional.deployment;
    const [against, forVotes, abstain] = await read<readonly [bigint, bigint, bigint]>(
      governor,
      timestampFractionalGovernorAbi,
      "proposalVotes",
      [fractional.id],
    );
    const proposal = await indexer.getProposal("ts-fractional", fractional.id);
    expect([proposal.againstVotes, proposal.forVotes, proposal.abstainVotes]).toEqual(
      [against, forVotes, abstain].map(String),
    );
    expect(proposal.voteCount).toBe(3);
    expect(proposal.extendedVoteEnd).toBeNull();
    expect(proposal.voteEnd).toBe(proposal.originalVoteEnd);
    const deadline = await read<bigint>(governor, timestampFractionalGovernorAbi, "proposalDeadline", [fractional.id]);
    expect(proposal.voteEnd).toBe(String(deadline));

    const votes = await indexer.listVotes("ts-fractional", fractional.id, { limit: 100 });
    expect(votes.total).toBe(3);
    for (const [voter, split] of fractional.splits) {
      const vote = votes.items.find((item) => item.voter === voter);
      expect(vote?.support, voter).toBe(255);
      expect(vote?.weight, voter).toBe(String(split.weight));
      expect(vote?.split, voter).toEqual({
        againstVotes: String(split.againstVotes),
        forVotes: String(split.forVotes),
        abstainVotes: String(split.abstainVotes),
      });
      const used = await read<bigint>(governor, timestampFractionalGovernorAbi, "usedVotes", [fractional.id, voter]);
      expect(vote?.weight, voter).toBe(String(used));
    }
    const nominal = votes.items.find((item) => item.voter === dev[2]);
    expect(nominal).toMatchObject({ support: 0, split: null, weight: String(amountOf(fractional.deployment, dev[2])) });
    expect(votes.items.find((item) => item.voter === dev[3])?.reason).toBe("second thoughts");

    expect(await checkIndexerAgainstChain(daos["ts-fractional"] as DaoConfig, indexer)).toEqual([]);
  });

  it("fractional: filters votes by voter, and by side including split votes with a part there", async () => {
    const byVoter = await indexer.listVotes("ts-fractional", fractional.id, { voter: dev[1].toLowerCase() });
    expect(byVoter.total).toBe(1);
    expect(byVoter.items.map((vote) => vote.voter)).toEqual([dev[1]]);
    const nobody = await indexer.listVotes("ts-fractional", fractional.id, { voter: dev[9] });
    expect(nobody).toMatchObject({ items: [], total: 0 });

    const voters = async (support: 0 | 1 | 2) =>
      (await indexer.listVotes("ts-fractional", fractional.id, { support, limit: 100 })).items
        .map((vote) => vote.voter)
        .sort();
    expect(await voters(0)).toEqual([dev[1], dev[2], dev[3]].sort());
    expect(await voters(1)).toEqual([dev[1], dev[3]].sort());
    expect(await voters(2)).toEqual([dev[1], dev[3]].sort());

    const response = await fetch(
      `${indexer.baseUrl}/api/daos/ts-fractional/proposals/${fractional.id}/votes?voter=0x12`,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "voter must be 0x followed by 40 hex characters" });
  });

  it("nft: balances are whole NFT counts, including NFTs moved after the mint", async () => {
    const { token, timelock } = nft.deployment;
    for (const address of [dev[0], dev[1], dev[4], dev[5], timelock]) {
      const account = await indexer.getAccount("nft", address);
      const balance = await read<bigint>(token, nftTokenAbi, "balanceOf", [address]);
      expect(account.balance, address).toBe(String(balance));
    }
    expect((await indexer.getAccount("nft", dev[0])).balance).toBe(String(amountOf(nft.deployment, dev[0]) - 2n));
    expect((await indexer.getAccount("nft", dev[5])).balance).toBe("1");
    expect((await indexer.getAccount("nft", timelock)).balance).toBe("1");
    const delegate = await indexer.getDelegate("nft", dev[1]);
    expect(delegate.votingPower).toBe(String(amountOf(nft.deployment, dev[1])));
    // The NFT sent to the treasury is not an ERC20: not listed, and indexing went on past it.
    const treasury = await indexer.listTreasuryTokens("nft");
    expect(treasury.items.map((item) => item.token)).not.toContain(token);
    expect(await checkIndexerAgainstChain(daos.nft as DaoConfig, indexer)).toEqual([]);
  });

  it("nft: a late quorum's extension is the effective deadline, the original kept beside it", async () => {
    const proposal = await indexer.getProposal("nft", nft.id);
    expect(proposal.originalVoteEnd).toBe(String(nft.deadline));
    expect(proposal.extendedVoteEnd).toBe(String(nft.extended));
    expect(proposal.voteEnd).toBe(String(nft.extended));
    expect([proposal.againstVotes, proposal.forVotes, proposal.abstainVotes]).toEqual([
      "0",
      String(amountOf(nft.deployment, dev[1]) + amountOf(nft.deployment, dev[3])),
      "0",
    ]);
    const votes = await indexer.listVotes("nft", nft.id, { limit: 100 });
    expect(votes.items.every((vote) => vote.split === null && vote.support === 1)).toBe(true);
  });
});
