/**
 * Simulating proposals (issue 14) on a real anvil, each simulation checked against what the chain
 * does when the proposal really runs afterwards:
 * - OZ 4.9 with Bravo compatibility and a Compound timelock: a payment (tokens by signature + ETH)
 *   simulated action by action while Pending and through the real `execute(id)` once Queued, both
 *   reporting exactly the balances the real execution leaves; a payment of more than the treasury
 *   holds names the action and the token's reason, and the real execution reverts.
 * - OZ 5 with a timestamp clock and a TimelockController: a timelock role granted to an EOA, the
 *   voting period changed (a call the governor accepts only during execute) and a proxy upgraded,
 *   each flagged before and once queued, and each what the real execution does.
 * - The fork manager: one anvil for every simulation of a chain (moved to each new head), a bounded
 *   queue, a deadline that takes the fork down, and a clear error when anvil is missing.
 */
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  keccak256,
  parseAbi,
  parseEther,
  parseUnits,
  stringToHex,
} from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boxProxyAbi, boxProxyBytecode, boxV1Abi, boxV1Bytecode, boxV2Bytecode } from "../../../contracts-abi/fixtures";
import { type AnvilInstance, freePort, startAnvil } from "../../../harness/anvil";
import { deployBravo } from "../../../scripts/flavours/bravo";
import {
  deploy,
  dev,
  type FlavourClient,
  type FlavourDeployment,
  flavourClient,
  flavourConfigEntry,
  write,
} from "../../../scripts/flavours/common";
import { deployTimestampFractional } from "../../../scripts/flavours/timestampFractional";
import { proposalStateName } from "../../chain/proposalStates";
import { parseCommonsConfig } from "../../config/parseCommonsConfig";
import { resolveDao } from "../../config/resolveDao";
import { governorAdapter, type ProposalContent } from "../../governor/adapter";
import { daoFlavourOf } from "../../governor/detect";
import type { SimulationReport } from "../../simulation/types";
import { AnvilMissingError, simulationAnvilPath } from "./anvilFork";
import { createForkManager, SimulationBusyError, SimulationTimeoutError } from "./forkManager";
import { runSimulation, type SimulationInput, simulationDaoOf } from "./runSimulation";

let anvil: AnvilInstance;
let client: FlavourClient;
const forks = createForkManager({ idleMs: 60_000 });
const forkKey = "simulation-test";

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort() });
  client = flavourClient(anvil.rpcUrl);
});

afterAll(async () => {
  await forks.stopAll();
  await anvil?.stop();
});

const erc20 = parseAbi([
  "function balanceOf(address) view returns (uint256)",
  "function transfer(address to, uint256 amount) returns (bool)",
]);
const governorReads = parseAbi([
  "function state(uint256) view returns (uint8)",
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function proposalEta(uint256) view returns (uint256)",
  "function castVote(uint256 proposalId, uint8 support) returns (uint256)",
  "function setVotingPeriod(uint32 newVotingPeriod)",
]);
const timelockAbi = parseAbi([
  "function grantRole(bytes32 role, address account)",
  "function hasRole(bytes32 role, address account) view returns (bool)",
]);

async function daoOn(deployment: FlavourDeployment) {
  const config = parseCommonsConfig(JSON.stringify({ daos: [flavourConfigEntry(deployment, anvil.rpcUrl)] })).daos[0];
  if (!config) throw new Error("no config");
  const dao = await resolveDao(config);
  return { config, dao, simulation: simulationDaoOf({ config, dao }) };
}

type Dao = Awaited<ReturnType<typeof daoOn>>;

async function state(dao: Dao, id: bigint): Promise<string> {
  const value = await client.readContract({
    address: dao.dao.governor,
    abi: governorReads,
    functionName: "state",
    args: [id],
  });
  return proposalStateName(value) ?? String(value);
}

/** Simulates on the shared fork at the chain's current head. */
async function simulate(dao: Dao, content: SimulationInput["content"], id: bigint | null): Promise<SimulationReport> {
  const block = await client.getBlock({ blockTag: "latest" });
  const proposal = id === null ? null : { id, state: await state(dao, id) };
  return forks.run(
    forkKey,
    { url: anvil.rpcUrl, number: block.number, hash: block.hash, timestamp: block.timestamp },
    (session) => runSimulation(session, dao.simulation, { content, proposal }),
  );
}

async function propose(dao: Dao, from: Address, content: ProposalContent): Promise<bigint> {
  // Votes count from the clock tick after they were delegated (the fixtures delegate at deployment).
  await passClock(dao, 1n);
  const adapter = governorAdapter({ ...dao.dao, flavour: daoFlavourOf(dao.dao.flavour) });
  const call = adapter.propose(content);
  const { result } = await client.simulateContract({ ...call, account: from } as never);
  await write(client, from, call as never);
  return result as bigint;
}

async function passClock(dao: Dao, units: bigint) {
  if (dao.dao.flavour.clock === "timestamp") {
    await client.increaseTime({ seconds: Number(units) });
    await client.mine({ blocks: 1 });
  } else {
    await client.mine({ blocks: Number(units) });
  }
}

/** Votes it through with dev #1 (over quorum in every flavour) and queues it. */
async function passAndQueue(dao: Dao, id: bigint, content: ProposalContent) {
  const { governor } = dao.dao;
  const read = (functionName: "votingDelay" | "votingPeriod") =>
    client.readContract({ address: governor, abi: governorReads, functionName });
  await passClock(dao, (await read("votingDelay")) + 1n);
  expect(await state(dao, id)).toBe("Active");
  await write(client, dev[1], { address: governor, abi: governorReads, functionName: "castVote", args: [id, 1] });
  await passClock(dao, (await read("votingPeriod")) + 1n);
  expect(await state(dao, id)).toBe("Succeeded");
  const adapter = governorAdapter({ ...dao.dao, flavour: daoFlavourOf(dao.dao.flavour) });
  await write(client, dev[5], adapter.queue(id, content) as never);
  expect(await state(dao, id)).toBe("Queued");
}

async function passEta(dao: Dao, id: bigint) {
  const eta = await client.readContract({
    address: dao.dao.governor,
    abi: governorReads,
    functionName: "proposalEta",
    args: [id],
  });
  await client.setNextBlockTimestamp({ timestamp: eta + 1n });
  await client.mine({ blocks: 1 });
}

/** The report's rows as `holder/asset → after`, to compare with the chain after the real execution. */
function afterValues(report: SimulationReport): Map<string, bigint> {
  return new Map(report.balanceChanges.map((row) => [`${row.holder}/${row.asset}`, BigInt(row.after)]));
}

describe("simulating proposals on a fork", () => {
  let firstPid: number | null = null;

  it("a Bravo-compatible payment: the same balance changes before, once queued, and when really executed", async () => {
    const dao = await daoOn(await deployBravo(anvil.rpcUrl));
    const { token, timelock } = dao.dao;
    if (!timelock) throw new Error("no timelock");
    const recipient = getAddress("0x00000000000000000000000000000000005e1a01");
    const amount = parseUnits("1000", 18);
    const content: ProposalContent = {
      targets: [token, recipient],
      values: [0n, parseEther("1")],
      signatures: ["transfer(address,uint256)", ""],
      calldatas: [encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [recipient, amount]), "0x"],
      description: "# Pay the contributor\n\n1,000 CBRV and 1 ETH.",
    };
    const id = await propose(dao, dev[2] as Address, content);

    const pending = await simulate(dao, content, id);
    firstPid = forks.pid(forkKey);
    expect(firstPid).not.toBeNull();
    expect(pending).toMatchObject({ mode: "actions", status: "success", failure: null, proposalState: "Pending" });
    expect(pending.actions.map((action) => action.status)).toEqual(["success", "success"]);
    expect(pending.actions[0]?.events[0]).toMatchObject({ name: "Transfer", args: { to: recipient } });
    const treasuryTokens = await client.readContract({
      address: token,
      abi: erc20,
      functionName: "balanceOf",
      args: [timelock],
    });
    const treasuryEth = await client.getBalance({ address: timelock });
    expect(pending.balanceChanges).toEqual([
      {
        holder: timelock,
        asset: "native",
        before: treasuryEth.toString(),
        after: (treasuryEth - parseEther("1")).toString(),
        isTreasury: true,
      },
      { holder: recipient, asset: "native", before: "0", after: parseEther("1").toString(), isTreasury: false },
      {
        holder: timelock,
        asset: token,
        before: treasuryTokens.toString(),
        after: (treasuryTokens - amount).toString(),
        isTreasury: true,
      },
      { holder: recipient, asset: token, before: "0", after: amount.toString(), isTreasury: false },
    ]);
    // 1 of 10 ETH is 10%, not more: nothing to flag.
    expect(pending.flags).toEqual([]);
    // Nothing the simulation did stayed on the fork's base, nor touched the real chain.
    expect(await client.getBalance({ address: recipient })).toBe(0n);

    await passAndQueue(dao, id, content);
    const queued = await simulate(dao, content, id);
    expect(queued).toMatchObject({ mode: "execute", status: "success", proposalState: "Queued" });
    expect(queued.balanceChanges).toEqual(pending.balanceChanges);
    expect(BigInt(queued.gasUsed ?? "0")).toBeGreaterThan(0n);

    await passEta(dao, id);
    const adapter = governorAdapter({ ...dao.dao, flavour: daoFlavourOf(dao.dao.flavour) });
    await write(client, dev[5], adapter.execute(id, content) as never);
    expect(await state(dao, id)).toBe("Executed");
    const expected = afterValues(queued);
    expect(await client.getBalance({ address: recipient })).toBe(expected.get(`${recipient}/native`));
    expect(await client.getBalance({ address: timelock })).toBe(expected.get(`${timelock}/native`));
    expect(
      await client.readContract({ address: token, abi: erc20, functionName: "balanceOf", args: [recipient] }),
    ).toBe(expected.get(`${recipient}/${token}`));
  });

  it("a payment of more than the treasury holds names the action and the reason, and really reverts", async () => {
    const dao = await daoOn(await deployBravo(anvil.rpcUrl));
    const { token } = dao.dao;
    const recipient = getAddress("0x00000000000000000000000000000000005e1a02");
    const content: ProposalContent = {
      targets: [recipient, token],
      values: [parseEther("0.5"), 0n],
      signatures: ["", "transfer(address,uint256)"],
      calldatas: [
        "0x",
        encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [recipient, parseUnits("900000", 18)]),
      ],
      description: "# Pay far too much\n\nMore CBRV than the treasury holds.",
    };
    const id = await propose(dao, dev[2] as Address, content);
    const pending = await simulate(dao, content, id);
    expect(pending.status).toBe("reverted");
    expect(pending.failure).toEqual({ action: 1, reason: "The sender does not hold enough tokens for this transfer." });
    expect(pending.actions.map((action) => action.status)).toEqual(["success", "reverted"]);
    expect(pending.balanceChanges).toEqual([]);
    expect(pending.flags[0]).toMatchObject({ kind: "revert", title: "The execution would revert: action 2 fails" });

    await passAndQueue(dao, id, content);
    const queued = await simulate(dao, content, id);
    expect(queued).toMatchObject({
      mode: "execute",
      status: "reverted",
      failure: { action: 1, reason: "The sender does not hold enough tokens for this transfer." },
    });
    await passEta(dao, id);
    const adapter = governorAdapter({ ...dao.dao, flavour: daoFlavourOf(dao.dao.flavour) });
    await expect(
      client.simulateContract({ ...adapter.execute(id, content), account: dev[5] } as never),
    ).rejects.toThrow(/Transaction execution reverted/);
    expect(await state(dao, id)).toBe("Queued");
  });

  it("flags a timelock role for an EOA, a new voting period and a proxy upgrade, as the real execution does", async () => {
    const dao = await daoOn(await deployTimestampFractional(anvil.rpcUrl));
    const { governor, timelock } = dao.dao;
    if (!timelock) throw new Error("no timelock");
    const deployer = dev[0] as Address;
    const { address: v1 } = await deploy(client, "BoxV1", deployer, boxV1Abi as Abi, boxV1Bytecode, []);
    const { address: v2 } = await deploy(client, "BoxV2", deployer, boxV1Abi as Abi, boxV2Bytecode, []);
    const init = encodeFunctionData({ abi: boxV1Abi, functionName: "initialize", args: [timelock] });
    const { address: proxy } = await deploy(client, "BoxProxy", deployer, boxProxyAbi as Abi, boxProxyBytecode, [
      v1,
      init,
    ]);
    const canceller = keccak256(stringToHex("CANCELLER_ROLE"));
    const person = getAddress("0x00000000000000000000000000000000000ca11e");
    const content: ProposalContent = {
      targets: [timelock, governor, proxy],
      values: [0n, 0n, 0n],
      calldatas: [
        encodeFunctionData({ abi: timelockAbi, functionName: "grantRole", args: [canceller, person] }),
        encodeFunctionData({ abi: governorReads, functionName: "setVotingPeriod", args: [1200] }),
        encodeFunctionData({ abi: boxV1Abi, functionName: "upgradeToAndCall", args: [v2, "0x"] }),
      ],
      description: "# Re-wire the DAO\n\nA canceller, a longer vote, a new box.",
    };
    const id = await propose(dao, dev[1] as Address, content);

    const expectFlags = (report: SimulationReport) => {
      expect(report.status).toBe("success");
      expect(report.flags.map((flag) => flag.kind)).toEqual(["governance", "role", "upgrade"]);
      expect(report.flags[0]?.title).toBe("Changes the governor’s voting period");
      expect(report.flags[0]?.evidence[0]).toBe("600 seconds → 1,200 seconds");
      expect(report.flags[1]?.title).toBe(
        `Grants the timelock’s CANCELLER_ROLE to ${person} — an account with no code, i.e. someone’s private key, not a contract`,
      );
      expect(report.flags[2]?.title).toBe(`Upgrades the proxy ${proxy} to new code at ${v2}`);
    };
    const pending = await simulate(dao, content, id);
    expect(pending.mode).toBe("actions");
    expectFlags(pending);
    // The governor took setVotingPeriod from the timelock only because it was queued as execute does.
    expect(pending.notes.join(" ")).toMatch(/Action 2 calls the governor itself/);

    await passAndQueue(dao, id, content);
    const queued = await simulate(dao, content, id);
    expect(queued.mode).toBe("execute");
    expectFlags(queued);

    await passEta(dao, id);
    const adapter = governorAdapter({ ...dao.dao, flavour: daoFlavourOf(dao.dao.flavour) });
    await write(client, dev[5], adapter.execute(id, content) as never);
    expect(await state(dao, id)).toBe("Executed");
    expect(
      await client.readContract({
        address: timelock,
        abi: timelockAbi,
        functionName: "hasRole",
        args: [canceller, person],
      }),
    ).toBe(true);
    expect(await client.readContract({ address: governor, abi: governorReads, functionName: "votingPeriod" })).toBe(
      1200n,
    );
    expect(await client.readContract({ address: proxy, abi: boxV1Abi, functionName: "version" })).toBe(2n);

    // Every simulation of this chain ran on the one fork, moved to each new head.
    expect(forks.pid(forkKey)).toBe(firstPid);
  });
});

describe("the fork manager", () => {
  it("refuses work beyond its queue, and a simulation past its deadline takes the fork down", async () => {
    const manager = createForkManager({ maxQueue: 1, timeoutMs: 1_500 });
    const block = await client.getBlock({ blockTag: "latest" });
    const target = { url: anvil.rpcUrl, number: block.number, hash: block.hash, timestamp: block.timestamp };
    try {
      const hang = manager.run("k", target, () => new Promise<never>(() => undefined));
      const waiting = manager.run("k", target, async (session) => session.block.number);
      await expect(manager.run("k", target, async () => 0n)).rejects.toBeInstanceOf(SimulationBusyError);
      await expect(hang).rejects.toBeInstanceOf(SimulationTimeoutError);
      // The next one starts a fresh fork and runs.
      expect(await waiting).toBe(block.number);
    } finally {
      await manager.stopAll();
    }
    expect(manager.pid("k")).toBeNull();
  });

  it("says which platform has no anvil, or that COMMONS_ANVIL_PATH is wrong", () => {
    expect(() => simulationAnvilPath({}, "/nonexistent")).toThrow(AnvilMissingError);
    expect(() => simulationAnvilPath({}, "/nonexistent")).toThrow(new RegExp(`${process.platform}-`));
    expect(() => simulationAnvilPath({ COMMONS_ANVIL_PATH: "/nonexistent/anvil" })).toThrow(/COMMONS_ANVIL_PATH/);
  });
});
