/**
 * Deploys the demo DAO on a fresh anvil and writes a realistic history into it: token holders
 * and delegations, a funded treasury, and four rounds of proposals days apart, ending with
 * proposals that are Pending and Active "now". The flavour DAOs (scripts/flavours) are deployed
 * and given a few proposals early on (./seedFlavours.ts), the GovernorAlpha and GovernorBravo DAOs
 * between rounds 1 and 2 (./seedCompoundEra.ts). Then checks every proposal's state on chain.
 *
 * The history is ~46,500 blocks long (GovernorAlpha votes for 40,320 blocks): seed it on an anvil
 * started with `pruneHistory` (harness/anvil.ts), where mining costs little per block.
 */
import { type Address, zeroAddress } from "viem";
import { demoGovernorAbi } from "../../contracts-abi/demoGovernor";
import { demoTimelockAbi } from "../../contracts-abi/demoTimelock";
import { demoTokenAbi } from "../../contracts-abi/demoToken";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { demoHolders, devActors } from "./actors";
import { deployDemoContracts, multicall3Address } from "./deployContracts";
import { distributeTokens, reshuffleHoldings } from "./distributeTokens";
import { expectedState } from "./proposals";
import { runRound, type SeededProposal } from "./runRound";
import { seedCompoundEra } from "./seedCompoundEra";
import { seedFlavours } from "./seedFlavours";
import { SeedSession } from "./seedSession";
import type { DemoActors, DemoDeployment, DemoProposal, DemoSettings } from "./types";
import { defeatCause, verifyDemoState } from "./verifyDemo";

const day = 86_400;

/** How far back the seeded history reaches (the genesis must be at least this old). */
export const demoHistoryDays = 46;

/**
 * Extra anvil flags for a chain that will be seeded: a genesis {@link demoHistoryDays} days ago, so
 * the history's timestamps lie in the past and its last block is close to "now".
 *
 * @example
 * const anvil = await startAnvil({ port, pruneHistory: true, extraArgs: demoAnvilArgs() });
 * await deployAndSeedDemo(anvil.rpcUrl);
 */
export function demoAnvilArgs(now = Date.now()): string[] {
  return ["--timestamp", String(Math.floor(now / 1000) - demoHistoryDays * day)];
}

/**
 * When each part of the history happens (seconds). `fullHistory` is false when days had to be
 * compressed (the flavour proposals, which need real days for the Compound timelock, are skipped).
 */
type Schedule = {
  setup: number;
  step: number;
  flavours: number;
  /** The GovernorAlpha/Bravo DAOs: ~10.5 days from here, between rounds 1 and 2. */
  compoundEra: number;
  rounds: Record<1 | 2 | 3 | 4, number>;
  reshuffle: number;
  fullHistory: boolean;
};

async function planSchedule(session: SeedSession, log: (line: string) => void): Promise<Schedule> {
  const head = await session.headTimestamp();
  const now = Math.floor(Date.now() / 1000);
  let unit = day;
  let end = now - 60;
  if (head > now - 45 * day - 3600) {
    // No room in the past (anvil started without demoAnvilArgs()): compress days into 15 minutes.
    unit = 900;
    end = head + 46 * unit;
    log(
      `warning: the chain's genesis is recent, so the demo history runs ${Math.round((end - now) / 60)} min ahead of the clock`,
    );
  }
  // Round 4 needs ~16 blocks of 12 s before the end; the others are days apart. The flavours
  // take a little over 2 days (the Compound timelock's delay) from day -44; the GovernorAlpha and
  // Bravo DAOs ~10.5 days from day -39 (a 40,320-block Alpha vote, then a 5,760-block Bravo one,
  // each followed by the 2-day timelock delay), before round 2.
  return {
    setup: end - 45 * unit,
    step: Math.round(unit / 24),
    flavours: end - 44 * unit,
    compoundEra: end - 39 * unit,
    rounds: { 1: end - 40 * unit, 2: end - 26 * unit, 3: end - 12 * unit, 4: end - 16 * 12 - 60 },
    reshuffle: end - 20 * unit,
    fullHistory: unit === day,
  };
}

async function readSettings(session: SeedSession, governor: Address, timelock: Address): Promise<DemoSettings> {
  const base = { address: governor, abi: demoGovernorAbi } as const;
  const [votingDelay, votingPeriod, proposalThreshold, quorumNumerator, minDelay] = await Promise.all([
    session.client.readContract({ ...base, functionName: "votingDelay" }),
    session.client.readContract({ ...base, functionName: "votingPeriod" }),
    session.client.readContract({ ...base, functionName: "proposalThreshold" }),
    session.client.readContract({ ...base, functionName: "quorumNumerator" }),
    session.client.readContract({ address: timelock, abi: demoTimelockAbi, functionName: "getMinDelay" }),
  ]);
  return {
    votingDelay: Number(votingDelay),
    votingPeriod: Number(votingPeriod),
    proposalThreshold: proposalThreshold.toString(),
    quorumNumerator: Number(quorumNumerator),
    timelockMinDelay: Number(minDelay),
  };
}

async function readActors(session: SeedSession, token: Address): Promise<DemoActors> {
  const delegates = await Promise.all(
    demoHolders.map((holder) =>
      session.client.readContract({
        address: token,
        abi: demoTokenAbi,
        functionName: "delegates",
        args: [holder.address],
      }),
    ),
  );
  const holders = demoHolders.map((holder, index) => {
    const delegate = delegates[index] ?? zeroAddress;
    const delegation = delegate === zeroAddress ? "never" : delegate === holder.address ? "self" : delegate;
    return { name: holder.name, address: holder.address, delegation } as const;
  });
  return { ...devActors, holders };
}

async function describeProposals(session: SeedSession, governor: Address, seeded: SeededProposal[]) {
  const proposals: DemoProposal[] = [];
  for (const proposal of seeded) {
    const { outcome, key } = proposal.plan;
    const defeatedBy =
      outcome === "defeatedByQuorum" ? "quorum" : outcome === "defeatedByMajority" ? "majority" : undefined;
    proposals.push({
      id: proposal.id.toString(),
      key,
      title: proposalTitle(proposal.description),
      proposer: proposal.proposer,
      expectedState: expectedState(outcome),
      ...(defeatedBy ? { defeatedBy } : {}),
    });
    if (defeatedBy && (await defeatCause(session.client, governor, proposal.id)) !== defeatedBy) {
      throw new Error(`"${key}" was meant to be defeated by ${defeatedBy}; check the planned votes`);
    }
  }
  return proposals;
}

/**
 * Deploys and seeds the demo DAO on the anvil at `rpcUrl` (fresh, started with
 * {@link demoAnvilArgs}), verifies every proposal's state and returns where everything is. Leaves
 * the chain in automine mode.
 *
 * @example
 * const deployment = await deployAndSeedDemo(anvil.rpcUrl);
 * deployment.proposals.find((p) => p.expectedState === "Active")?.id
 */
export async function deployAndSeedDemo(
  rpcUrl: string,
  log: (line: string) => void = (line) => console.log(line),
): Promise<DemoDeployment> {
  const session = await SeedSession.open(rpcUrl);
  const chainId = await session.client.getChainId();
  if ((await session.client.getBlockNumber()) !== 0n) throw new Error(`the demo needs a fresh chain; ${rpcUrl} is not`);
  const schedule = await planSchedule(session, log);

  const { contracts, startBlock } = await deployDemoContracts(session, schedule.setup);
  await distributeTokens(session, contracts, schedule.setup + schedule.step, schedule.step);
  if (!schedule.fullHistory) log("warning: no room for the flavour DAOs' proposals; deploying them without any");
  const flavours = await seedFlavours(session, { timestamp: schedule.flavours, proposals: schedule.fullHistory });
  log(`  flavour DAOs deployed and seeded (block ${await session.client.getBlockNumber()})`);
  const seeded: SeededProposal[] = [];
  for (const round of [1, 2, 3, 4] as const) {
    if (round === 2) {
      flavours.push(
        ...(await seedCompoundEra(session, { timestamp: schedule.compoundEra, proposals: schedule.fullHistory })),
      );
      log(
        `  GovernorAlpha and GovernorBravo DAOs deployed and seeded (block ${await session.client.getBlockNumber()})`,
      );
    }
    if (round === 3) await reshuffleHoldings(session, contracts, schedule.reshuffle);
    seeded.push(...(await runRound(session, contracts, round, schedule.rounds[round])));
    log(`  round ${round} of proposals seeded (block ${await session.client.getBlockNumber()})`);
  }
  await session.close();

  const deployment: DemoDeployment = {
    chainId,
    governor: contracts.governor,
    token: contracts.token,
    timelock: contracts.timelock,
    tokens: { musdc: contracts.musdc, mweth: contracts.mweth },
    multicall3: multicall3Address,
    startBlock,
    headBlock: Number(await session.client.getBlockNumber()),
    settings: await readSettings(session, contracts.governor, contracts.timelock),
    proposals: await describeProposals(session, contracts.governor, seeded),
    actors: await readActors(session, contracts.token),
    flavours,
  };
  await verifyDemoState(session.client, deployment);
  return deployment;
}
