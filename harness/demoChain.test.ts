/**
 * The seeded demo DAO, read back from the chain: enough holders, every proposal state, both kinds
 * of defeat, a funded treasury, the timelock wired like production, the dev accounts' roles, and
 * a cached state that loads to the same chain and keeps mining. Also the flavour DAOs seeded into
 * the same chain: their place in the history, holdings, and seeded proposals.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Address,
  createPublicClient,
  getAbiItem,
  http,
  keccak256,
  type PublicClient,
  parseEther,
  stringToHex,
  zeroAddress,
  zeroHash,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoGovernorAbi } from "../contracts-abi/demoGovernor";
import { demoTimelockAbi } from "../contracts-abi/demoTimelock";
import { demoTokenAbi } from "../contracts-abi/demoToken";
import { bravoGovernorAbi } from "../contracts-abi/flavours/bravoGovernor";
import { governorBravoDelegateAbi } from "../contracts-abi/flavours/governorBravoDelegate";
import { nftGovernorAbi } from "../contracts-abi/flavours/nftGovernor";
import { timestampFractionalGovernorAbi } from "../contracts-abi/flavours/timestampFractionalGovernor";
import { uniGovernorAlphaAbi } from "../contracts-abi/flavours/uniGovernorAlpha";
import { uniTimelockAbi } from "../contracts-abi/flavours/uniTimelock";
import { uniTokenAbi } from "../contracts-abi/flavours/uniToken";
import { mockErc20Abi } from "../contracts-abi/mockErc20";
import { parseCommonsConfig } from "../lib/config/parseCommonsConfig";
import { type DemoDeployment, governorStates, type SeededFlavour } from "../scripts/demo/types";
import { defeatCause } from "../scripts/demo/verifyDemo";
import { demoConfig, seededChainStartBlock } from "../scripts/demo/writeDemoConfig";
import { freePort, rpc, waitFor } from "./anvil";
import { type DemoChain, startDemoChain } from "./demoChain";

const cacheDir = mkdtempSync(join(tmpdir(), "commons-demo-"));
let seeded: DemoChain | undefined;
let loaded: DemoChain | undefined;
let client: PublicClient;
let deployment: DemoDeployment;

beforeAll(async () => {
  const quiet = () => {};
  // First start seeds into an empty cache; the second must load that cache.
  seeded = await startDemoChain({ port: await freePort(), cacheDir, log: quiet });
  await seeded.anvil.stop();
  const lines: string[] = [];
  loaded = await startDemoChain({ port: await freePort(), cacheDir, log: (line) => lines.push(line) });
  expect(lines.join("\n")).toContain("loaded from");
  deployment = loaded.deployment;
  client = createPublicClient({ chain: foundry, transport: http(loaded.rpcUrl), cacheTime: 0 });
});

afterAll(async () => {
  await Promise.all([seeded?.anvil.stop(), loaded?.anvil.stop()]);
  rmSync(cacheDir, { recursive: true, force: true });
});

async function proposalIds(): Promise<bigint[]> {
  const logs = await client.getLogs({
    address: deployment.governor,
    event: getAbiItem({ abi: demoGovernorAbi, name: "ProposalCreated" }),
    fromBlock: BigInt(deployment.startBlock),
    toBlock: "latest",
  });
  return logs.map((log) => log.args.proposalId as bigint);
}

function cachedFile(prefix: string): string {
  const name = readdirSync(cacheDir).find((entry) => entry.startsWith(prefix));
  if (!name) throw new Error(`no ${prefix}* in ${cacheDir}`);
  return join(cacheDir, name);
}

const governor = () => ({ address: deployment.governor, abi: demoGovernorAbi }) as const;
const token = () => ({ address: deployment.token, abi: demoTokenAbi }) as const;

describe("the cached demo chain", () => {
  it("loads to the same head block and deployment as the seeded one", async () => {
    const cached = JSON.parse(readFileSync(cachedFile("demo-deployment-"), "utf8"));
    expect(cached).toEqual(seeded?.deployment);
    expect(deployment).toEqual(seeded?.deployment);
    expect(Number(await client.getBlockNumber())).toBe(deployment.headBlock);
  });

  it("keeps no state of the seeded history but the head's, like a public node: nothing may read old state", async () => {
    const url = (loaded as DemoChain).rpcUrl;
    const snapshot = await rpc<string>(url, "evm_snapshot");
    await expect(
      client.readContract({ ...token(), functionName: "totalSupply", blockNumber: BigInt(deployment.startBlock + 5) }),
    ).rejects.toThrow();
    await expect(
      client.readContract({ ...token(), functionName: "totalSupply", blockNumber: BigInt(deployment.headBlock - 1) }),
    ).rejects.toThrow();
    // Blocks mined from now on keep their states (the last 128), so a read pinned to a recent block works.
    await rpc(url, "anvil_mine", ["0x5"]);
    const recent = BigInt(deployment.headBlock + 2);
    expect(await client.readContract({ ...token(), functionName: "totalSupply", blockNumber: recent })).toBe(
      parseEther("10000000"),
    );
    expect(await rpc(url, "evm_revert", [snapshot])).toBe(true);
    // The blocks themselves are all there (the indexer reads their logs).
    expect((await client.getBlock({ blockNumber: BigInt(deployment.startBlock) })).number).toBe(
      BigInt(deployment.startBlock),
    );
  });

  it("mines a GovernorBravo voting period (5,760 blocks) in seconds", async () => {
    const url = (loaded as DemoChain).rpcUrl;
    const snapshot = await rpc<string>(url, "evm_snapshot");
    const started = performance.now();
    for (let left = 5760; left > 0; left -= 2_000)
      await rpc(url, "anvil_mine", [`0x${Math.min(left, 2_000).toString(16)}`]);
    // Generous for a shared 2-core machine; it was minutes with every block's state kept.
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(await rpc(url, "evm_revert", [snapshot])).toBe(true);
    expect(Number(await client.getBlockNumber())).toBe(deployment.headBlock);
  });
});

describe("the demo DAO's history", () => {
  it("has at least 30 holders with a balance, and the treasury is not counted", async () => {
    const transfers = await client.getLogs({
      address: deployment.token,
      event: getAbiItem({ abi: demoTokenAbi, name: "Transfer" }),
      fromBlock: BigInt(deployment.startBlock),
      toBlock: "latest",
    });
    const recipients = [...new Set(transfers.map((log) => log.args.to as Address))].filter(
      (address) => address !== deployment.timelock,
    );
    const balances = await Promise.all(
      recipients.map((address) => client.readContract({ ...token(), functionName: "balanceOf", args: [address] })),
    );
    expect(balances.filter((balance) => balance > 0n).length).toBeGreaterThanOrEqual(30);
  });

  it("has at least 12 proposals in every state a timelocked Governor shows", async () => {
    const ids = await proposalIds();
    expect(ids.length).toBeGreaterThanOrEqual(12);
    const states = await Promise.all(
      ids.map((id) => client.readContract({ ...governor(), functionName: "state", args: [id] })),
    );
    const names = new Set(states.map((state) => governorStates[state]));
    for (const state of ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Executed"]) {
      expect(names, state).toContain(state);
    }
    expect(deployment.proposals.map((proposal) => proposal.id).sort()).toEqual(ids.map(String).sort());
    const expected = deployment.proposals.map((proposal) => proposal.expectedState);
    const byId = new Map(ids.map((id, index) => [id.toString(), governorStates[states[index] ?? -1]]));
    expect(deployment.proposals.map((proposal) => byId.get(proposal.id))).toEqual(expected);
  });

  it("has one proposal defeated by quorum and one by majority", async () => {
    const ids = await proposalIds();
    const states = await Promise.all(
      ids.map((id) => client.readContract({ ...governor(), functionName: "state", args: [id] })),
    );
    const defeated = ids.filter((_, index) => governorStates[states[index] ?? -1] === "Defeated");
    const causes = await Promise.all(defeated.map((id) => defeatCause(client, deployment.governor, id)));
    expect(causes).toContain("quorum");
    expect(causes).toContain("majority");
  });

  it("has many votes with reasons, For, Against and Abstain", async () => {
    const votes = await client.getLogs({
      address: deployment.governor,
      event: getAbiItem({ abi: demoGovernorAbi, name: "VoteCast" }),
      fromBlock: BigInt(deployment.startBlock),
      toBlock: "latest",
    });
    expect(votes.length).toBeGreaterThanOrEqual(80);
    expect(new Set(votes.map((vote) => vote.args.voter)).size).toBeGreaterThanOrEqual(18);
    expect(new Set(votes.map((vote) => vote.args.support))).toEqual(new Set([0, 1, 2]));
    expect(votes.filter((vote) => vote.args.reason).length).toBeGreaterThanOrEqual(40);
  });

  it("keeps the hostile proposal's markup in its on-chain description", async () => {
    const hostile = deployment.proposals.find((proposal) => proposal.key === "hostile");
    const created = await client.getLogs({
      address: deployment.governor,
      event: getAbiItem({ abi: demoGovernorAbi, name: "ProposalCreated" }),
      fromBlock: BigInt(deployment.startBlock),
      toBlock: "latest",
    });
    const description = created.find((log) => String(log.args.proposalId) === hostile?.id)?.args.description ?? "";
    expect(description.split("\n")[0]).toBe("# <img src=x onerror=alert(1)> Hostile <b>title</b>");
    for (const markup of ["<script>alert(1)</script>", "[click](javascript:alert(1))", "<iframe", 'style="']) {
      expect(description).toContain(markup);
    }
  });
});

describe("the demo DAO's contracts", () => {
  it("has the COMM voting token and a block-clock governor counting For/Against/Abstain", async () => {
    const [name, symbol, decimals, supply, clock] = await Promise.all([
      client.readContract({ ...token(), functionName: "name" }),
      client.readContract({ ...token(), functionName: "symbol" }),
      client.readContract({ ...token(), functionName: "decimals" }),
      client.readContract({ ...token(), functionName: "totalSupply" }),
      client.readContract({ ...token(), functionName: "CLOCK_MODE" }),
    ]);
    expect({ name, symbol, decimals, supply, clock }).toEqual({
      name: "Commons",
      symbol: "COMM",
      decimals: 18,
      supply: parseEther("10000000"),
      clock: "mode=blocknumber&from=default",
    });
    expect(await client.readContract({ ...governor(), functionName: "COUNTING_MODE" })).toBe(
      "support=bravo&quorum=for,abstain",
    );
    expect(await client.readContract({ ...governor(), functionName: "token" })).toBe(deployment.token);
    expect(await client.readContract({ ...governor(), functionName: "timelock" })).toBe(deployment.timelock);
  });

  it("has a treasury holding ETH, COMM, mUSDC and mWETH", async () => {
    const holds = (asset: Address) =>
      client.readContract({
        address: asset,
        abi: mockErc20Abi,
        functionName: "balanceOf",
        args: [deployment.timelock],
      });
    expect(await client.getBalance({ address: deployment.timelock })).toBeGreaterThan(0n);
    expect(await holds(deployment.token)).toBeGreaterThan(0n);
    expect(await holds(deployment.tokens.musdc)).toBeGreaterThan(0n);
    expect(await holds(deployment.tokens.mweth)).toBeGreaterThan(0n);
  });

  it("has Multicall3 at the canonical address, usable by viem", async () => {
    expect(await client.getCode({ address: deployment.multicall3 })).toMatch(/^0x[0-9a-f]{100,}/);
    const [name, threshold] = await client.multicall({
      multicallAddress: deployment.multicall3,
      allowFailure: false,
      contracts: [
        { ...governor(), functionName: "name" },
        { ...governor(), functionName: "proposalThreshold" },
      ],
    });
    expect(name).toBe("Commons Demo Governor");
    expect(threshold).toBe(parseEther("1000"));
  });

  it("wires the timelock like production: governor proposes and cancels, anyone executes, no admin", async () => {
    const hasRole = (role: `0x${string}`, account: Address) =>
      client.readContract({
        address: deployment.timelock,
        abi: demoTimelockAbi,
        functionName: "hasRole",
        args: [role, account],
      });
    const role = (name: string) => keccak256(stringToHex(name));
    expect(await hasRole(role("PROPOSER_ROLE"), deployment.governor)).toBe(true);
    expect(await hasRole(role("CANCELLER_ROLE"), deployment.governor)).toBe(true);
    expect(await hasRole(role("EXECUTOR_ROLE"), zeroAddress)).toBe(true);
    expect(await hasRole(zeroHash, deployment.actors.deployer)).toBe(false);
    expect(await hasRole(zeroHash, deployment.timelock)).toBe(true);
    expect(deployment.settings).toEqual({
      votingDelay: 10,
      votingPeriod: 60,
      proposalThreshold: parseEther("1000").toString(),
      quorumNumerator: 4,
      timelockMinDelay: 120,
    });
  });

  it("gives the dev accounts the documented roles", async () => {
    const { actors } = deployment;
    const votes = (account: Address) => client.readContract({ ...token(), functionName: "getVotes", args: [account] });
    const balance = (account: Address) =>
      client.readContract({ ...token(), functionName: "balanceOf", args: [account] });
    const quorum = await client.readContract({
      ...governor(),
      functionName: "quorum",
      args: [BigInt(deployment.headBlock - 1)],
    });
    expect(await votes(actors.delegate)).toBeGreaterThan(quorum);
    expect(await votes(actors.deployer)).toBeGreaterThanOrEqual(parseEther("1000"));
    expect(await balance(actors.undelegatedHolder)).toBeGreaterThan(0n);
    expect(await votes(actors.undelegatedHolder)).toBe(0n);
    expect(await client.readContract({ ...token(), functionName: "delegates", args: [actors.delegator] })).toBe(
      actors.delegate,
    );
    expect(await balance(actors.noTokens)).toBe(0n);
    expect(await votes(actors.belowThreshold)).toBeLessThan(parseEther("1000"));
    expect(await votes(actors.belowThreshold)).toBeGreaterThan(0n);

    const active = deployment.proposals.filter((proposal) => proposal.expectedState === "Active");
    const hasVoted = (id: string, account: Address) =>
      client.readContract({ ...governor(), functionName: "hasVoted", args: [BigInt(id), account] });
    for (const proposal of active) expect(await hasVoted(proposal.id, actors.delegate)).toBe(false);
    const conduct = active.find((proposal) => proposal.key === "code-of-conduct");
    expect(conduct && (await hasVoted(conduct.id, actors.votedDelegate))).toBe(true);
  });

  it("writes a DAO config the app's schema accepts", () => {
    const config = demoConfig(deployment, "http://127.0.0.1:8545");
    const daos = parseCommonsConfig(JSON.stringify(config)).daos;
    expect(daos[0]).toMatchObject({
      slug: "demo",
      chainId: 31337,
      governor: deployment.governor,
      startBlock: seededChainStartBlock,
    });
    expect(daos.map((dao) => dao.slug)).toEqual(["demo", "ts-fractional", "nft", "bravo", "alpha", "compound"]);
    for (const flavour of deployment.flavours) {
      expect(daos.find((dao) => dao.slug === flavour.slug)).toMatchObject({
        governor: flavour.governor,
        token: flavour.token,
        timelock: flavour.timelock,
        startBlock: seededChainStartBlock,
      });
    }
  });

  it("keeps mining transactions after switching to interval mining", async () => {
    const url = (loaded as DemoChain).rpcUrl;
    await rpc(url, "evm_setIntervalMining", [1]);
    const hash = await rpc<`0x${string}`>(url, "eth_sendTransaction", [
      { from: deployment.actors.noTokens, to: deployment.actors.deployer, value: "0x1" },
    ]);
    const receipt = await waitFor(() => rpc<{ status: string } | null>(url, "eth_getTransactionReceipt", [hash]), {
      what: "the transaction to be mined by interval mining",
      timeoutMs: 10_000,
    });
    expect(receipt.status).toBe("0x1");
  });
});

describe("the flavour DAOs on the demo chain", () => {
  const flavour = (slug: SeededFlavour["slug"]) => {
    const found = deployment.flavours.find((candidate) => candidate.slug === slug);
    if (!found) throw new Error(`no ${slug} flavour in the deployment`);
    return found;
  };
  const proposalId = (dao: SeededFlavour, key: string) => {
    const found = dao.proposals.find((proposal) => proposal.key === key);
    if (!found) throw new Error(`no ${key} proposal in ${dao.slug}`);
    return BigInt(found.id);
  };
  const stateAbi = [getAbiItem({ abi: demoGovernorAbi, name: "state" })];
  const votesAbi = [
    getAbiItem({ abi: demoTokenAbi, name: "getVotes" }),
    getAbiItem({ abi: demoTokenAbi, name: "balanceOf" }),
    getAbiItem({ abi: demoTokenAbi, name: "delegates" }),
    getAbiItem({ abi: uniTokenAbi, name: "getCurrentVotes" }),
  ];

  it("are deployed after the demo's setup: three before its first proposal, the Compound-era two after round 1", async () => {
    expect(deployment.flavours.map((dao) => dao.slug)).toEqual(["ts-fractional", "nft", "bravo", "alpha", "compound"]);
    const created = await client.getLogs({
      address: deployment.governor,
      event: getAbiItem({ abi: demoGovernorAbi, name: "ProposalCreated" }),
      fromBlock: BigInt(deployment.startBlock),
      toBlock: "latest",
    });
    const blocks = created.map((log) => Number(log.blockNumber));
    const round1 = deployment.proposals.filter((proposal) => ["grants-q1", "test-proposal"].includes(proposal.key));
    const lastOfRound1 = Math.max(
      ...created
        .filter((log) => round1.some((p) => BigInt(p.id) === log.args.proposalId))
        .map((log) => Number(log.blockNumber)),
    );
    const round2 = deployment.proposals.find((proposal) => proposal.key === "raise-quorum");
    const firstOfRound2 = Number(created.find((log) => log.args.proposalId === BigInt(round2?.id ?? 0))?.blockNumber);
    for (const dao of deployment.flavours) {
      expect(dao.startBlock).toBeGreaterThan(deployment.startBlock);
      if (dao.slug === "alpha" || dao.slug === "compound") {
        expect(dao.startBlock, dao.slug).toBeGreaterThan(lastOfRound1);
        expect(dao.startBlock, dao.slug).toBeLessThan(firstOfRound2);
      } else expect(dao.startBlock, dao.slug).toBeLessThan(Math.min(...blocks));
      expect(await client.getCode({ address: dao.governor })).toMatch(/^0x[0-9a-f]+/);
    }
  });

  it("leave every seeded proposal in its expected state", async () => {
    for (const dao of deployment.flavours) {
      expect(dao.proposals.length).toBeGreaterThan(0);
      for (const proposal of dao.proposals) {
        const state = await client.readContract({
          address: dao.governor,
          abi: stateAbi,
          functionName: "state",
          args: [BigInt(proposal.id)],
        });
        expect(`${dao.slug} ${proposal.key} ${governorStates[state]}`).toBe(
          `${dao.slug} ${proposal.key} ${proposal.expectedState}`,
        );
        expect(proposal.title).not.toMatch(/^#/);
      }
    }
    expect(
      flavour("bravo")
        .proposals.map((proposal) => proposal.expectedState)
        .sort(),
    ).toEqual(["Executed", "Expired"]);
  });

  it("give dev #1 quorum alone, #4 undelegated tokens, and each treasury ETH", async () => {
    for (const dao of deployment.flavours) {
      const token = { address: dao.token, abi: votesAbi } as const;
      // Uni (GovernorAlpha/Bravo DAOs) has only Compound's getCurrentVotes.
      const votes = dao.slug === "alpha" || dao.slug === "compound" ? "getCurrentVotes" : "getVotes";
      const [delegateVotes, holderBalance, holderVotes, holderDelegate] = await Promise.all([
        client.readContract({ ...token, functionName: votes, args: [deployment.actors.delegate] }),
        client.readContract({ ...token, functionName: "balanceOf", args: [deployment.actors.delegator] }),
        client.readContract({ ...token, functionName: votes, args: [deployment.actors.delegator] }),
        client.readContract({ ...token, functionName: "delegates", args: [deployment.actors.delegator] }),
      ]);
      const supply = dao.holders.reduce((sum, holder) => sum + BigInt(holder.amount), 0n) + BigInt(dao.treasury.tokens);
      // A fixed quorumVotes (GovernorAlpha/Bravo), or a share of the supply rounded down, as the governors do.
      const quorum = dao.settings.quorumVotes
        ? BigInt(dao.settings.quorumVotes)
        : (supply * BigInt(dao.settings.quorumNumerator)) / 100n;
      expect(delegateVotes, dao.slug).toBeGreaterThanOrEqual(quorum);
      expect(delegateVotes, dao.slug).toBeGreaterThanOrEqual(BigInt(dao.settings.proposalThreshold));
      expect(holderBalance, dao.slug).toBeGreaterThan(0n);
      expect(holderVotes, dao.slug).toBe(0n);
      expect(holderDelegate, dao.slug).toBe(zeroAddress);
      expect(await client.getBalance({ address: dao.timelock }), dao.slug).toBeGreaterThanOrEqual(parseEther("1"));
    }
    expect(flavour("nft").settings).toMatchObject({ votingDelay: 1, votingPeriod: 12 });
    expect(flavour("nft").lateQuorumVoteExtension).toBe(6);
    expect(flavour("bravo").settings).toMatchObject({ votingDelay: 1, votingPeriod: 12, timelockDelay: 2 * 86_400 });
    expect(flavour("alpha").settings).toMatchObject({
      votingDelay: 1,
      votingPeriod: 40_320,
      timelockDelay: 2 * 86_400,
    });
    expect(flavour("compound").settings).toMatchObject({
      votingDelay: 1,
      votingPeriod: 5760,
      timelockDelay: 2 * 86_400,
    });
  });

  it("ts-fractional: split votes, one voter splitting in two partial votes", async () => {
    const dao = flavour("ts-fractional");
    const id = proposalId(dao, "ts-split-vote");
    const logs = await client.getLogs({
      address: dao.governor,
      event: getAbiItem({ abi: timestampFractionalGovernorAbi, name: "VoteCastWithParams" }),
      fromBlock: BigInt(dao.startBlock),
      toBlock: "latest",
    });
    const splits = logs.filter((log) => log.args.proposalId === id && log.args.support === 255);
    const voters = splits.map((log) => log.args.voter);
    expect(new Set(voters).size).toBeGreaterThanOrEqual(2);
    expect(voters.filter((voter) => voter === deployment.actors.delegate)).toHaveLength(2);
    const [against, forVotes, abstain] = await client.readContract({
      address: dao.governor,
      abi: timestampFractionalGovernorAbi,
      functionName: "proposalVotes",
      args: [id],
    });
    expect([against, forVotes, abstain]).toEqual([parseEther("90000"), parseEther("310000"), parseEther("50000")]);
  });

  it("nft: quorum reached late extended the deadline", async () => {
    const dao = flavour("nft");
    const id = proposalId(dao, "nft-late-quorum");
    const logs = await client.getLogs({
      address: dao.governor,
      event: getAbiItem({ abi: nftGovernorAbi, name: "ProposalExtended" }),
      fromBlock: BigInt(dao.startBlock),
      toBlock: "latest",
    });
    const extended = logs.find((log) => log.args.proposalId === id);
    expect(extended).toBeDefined();
    const [created] = await client.getLogs({
      address: dao.governor,
      event: getAbiItem({ abi: nftGovernorAbi, name: "ProposalCreated" }),
      fromBlock: BigInt(dao.startBlock),
      toBlock: "latest",
    });
    expect(created?.args.proposalId).toBe(id);
    expect(BigInt(extended?.args.extendedDeadline ?? 0)).toBeGreaterThan(created?.args.voteEnd ?? 0n);
  });

  it("alpha: GovernorAlpha's proposals Executed, Defeated and Active, votes For or Against", async () => {
    const dao = flavour("alpha");
    expect(dao.proposals.map((proposal) => [proposal.key, proposal.expectedState])).toEqual([
      ["alpha-grants", "Executed"],
      ["alpha-marketing", "Defeated"],
      ["alpha-relayer", "Active"],
    ]);
    const votes = await client.getLogs({
      address: dao.governor,
      event: getAbiItem({ abi: uniGovernorAlphaAbi, name: "VoteCast" }),
      fromBlock: BigInt(dao.startBlock),
      toBlock: "latest",
    });
    const marketing = proposalId(dao, "alpha-marketing");
    expect(
      votes.filter((log) => log.args.proposalId === marketing).map((log) => [log.args.voter, log.args.support]),
    ).toEqual([
      [deployment.actors.votedDelegate, true],
      [deployment.actors.undelegatedHolder, true],
      [deployment.actors.deployer, false],
    ]);
    // The Active one's 40,320-block vote runs long past the last seeded block.
    const relayer = await client.readContract({
      address: dao.governor,
      abi: uniGovernorAlphaAbi,
      functionName: "proposals",
      args: [proposalId(dao, "alpha-relayer")],
    });
    expect(relayer[4] - relayer[3]).toBe(40_320n);
    expect(relayer[4]).toBeGreaterThan(BigInt(deployment.headBlock) + 30_000n);
  });

  it("compound: migrated from its GovernorAlpha; Bravo's proposals continue its ids and end four ways", async () => {
    const dao = flavour("compound");
    const alpha = dao.predecessor as Address;
    const bravo = { address: dao.governor, abi: governorBravoDelegateAbi } as const;
    const alphaCount = await client.readContract({
      address: alpha,
      abi: uniGovernorAlphaAbi,
      functionName: "proposalCount",
    });
    expect(await client.readContract({ ...bravo, functionName: "initialProposalId" })).toBe(alphaCount);
    expect(await client.readContract({ address: dao.timelock, abi: uniTimelockAbi, functionName: "admin" })).toBe(
      dao.governor,
    );
    expect(await client.readContract({ ...bravo, functionName: "implementation" })).toBe(dao.implementation);
    expect(dao.proposals.map((proposal) => [proposal.key, proposal.expectedState])).toEqual([
      ["compound-docs", "Executed"],
      ["compound-audit", "Expired"],
      ["compound-threshold", "Defeated"],
      ["compound-hackathon", "Canceled"],
    ]);
    expect(dao.proposals.map((proposal) => BigInt(proposal.id))).toEqual([1n, 2n, 3n, 4n].map((n) => alphaCount + n));
    const votes = await client.getLogs({
      address: dao.governor,
      event: getAbiItem({ abi: governorBravoDelegateAbi, name: "VoteCast" }),
      fromBlock: BigInt(dao.startBlock),
      toBlock: "latest",
    });
    expect(new Set(votes.map((log) => log.args.support))).toEqual(new Set([0, 1, 2]));
    expect(votes.filter((log) => log.args.reason).length).toBeGreaterThanOrEqual(4);
    // The hackathon's proposer holds no UNI: whitelisted by the guardian, who then cancelled it.
    const hackathon = await client.readContract({
      ...bravo,
      functionName: "proposals",
      args: [proposalId(dao, "compound-hackathon")],
    });
    expect(await client.readContract({ ...bravo, functionName: "isWhitelisted", args: [hackathon[1]] })).toBe(true);
    expect(
      await client.readContract({
        address: dao.token,
        abi: uniTokenAbi,
        functionName: "balanceOf",
        args: [hackathon[1]],
      }),
    ).toBe(0n);
  });

  it("bravo: a proposal with a function signature, and one executed by id", async () => {
    const dao = flavour("bravo");
    const stale = proposalId(dao, "bravo-signature");
    const [targets, , signatures, calldatas] = await client.readContract({
      address: dao.governor,
      abi: bravoGovernorAbi,
      functionName: "getActions",
      args: [stale],
    });
    expect(targets).toEqual([dao.token]);
    expect(signatures).toEqual(["transfer(address,uint256)"]);
    expect(calldatas[0]).toHaveLength(2 + 64 * 2); // the arguments only, no selector
    const executed = await client.getLogs({
      address: dao.governor,
      event: getAbiItem({ abi: bravoGovernorAbi, name: "ProposalExecuted" }),
      fromBlock: BigInt(dao.startBlock),
      toBlock: "latest",
    });
    expect(executed.map((log) => log.args.proposalId)).toEqual([proposalId(dao, "bravo-executed")]);
  });
});
