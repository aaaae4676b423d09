/**
 * Simulating proposals for the app: the process-wide fork manager and cache, the DAO's head block
 * read from its own RPC (the only place any simulation data comes from or goes to), and the two
 * entry points pages and API routes use — a proposal on chain (cached by proposal and block, the
 * latest shown until the proposal changes state or someone re-runs it) and content not proposed
 * yet (the propose form, drafts).
 *
 * Settings (environment): COMMONS_SIMULATION=off disables it; COMMONS_SIMULATION_TIMEOUT_MS
 * (default 60000), COMMONS_SIMULATION_QUEUE (waiting simulations per chain, default 8),
 * COMMONS_SIMULATION_IDLE_MS (a fork unused this long stops, default 300000),
 * COMMONS_SIMULATION_ANVIL_ARGS (extra anvil flags, e.g. "--hardfork cancun"), COMMONS_ANVIL_PATH.
 */
import "server-only";
import { createPublicClient, type Hex, http, keccak256, stringToHex } from "viem";
import { ChainUnreachableError, endpointFailure } from "../../chain/chainErrors";
import { proposalStateName } from "../../chain/proposalStates";
import { getPublicClient } from "../../chain/publicClient";
import { readCalls } from "../../chain/readCalls";
import type { ResolvedDao } from "../../config/resolveDao";
import type { DaoConfig } from "../../config/schema";
import { governorAdapter, type ProposalContent, preparedRead } from "../../governor/adapter";
import { daoFlavourOf } from "../../governor/detect";
import type { SimulationProblem, SimulationResult } from "../../simulation/types";
import { createForkManager, type ForkManager, type ForkTarget } from "./forkManager";
import { runSimulation, simulationDaoOf } from "./runSimulation";
import { createSimulationCache, type SimulationCache } from "./simulationCache";
import { simulationProblem } from "./simulationProblem";

type Ready = { config: DaoConfig; dao: ResolvedDao };

type Simulator = { forks: ForkManager; cache: SimulationCache };

const simulatorKey = Symbol.for("commons.simulator");

function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

/** One per process (kept across hot reloads in development). */
function simulator(): Simulator {
  const holder = globalThis as { [simulatorKey]?: Simulator };
  holder[simulatorKey] ??= {
    forks: createForkManager({
      timeoutMs: positive(process.env.COMMONS_SIMULATION_TIMEOUT_MS, 60_000),
      maxQueue: positive(process.env.COMMONS_SIMULATION_QUEUE, 8),
      idleMs: positive(process.env.COMMONS_SIMULATION_IDLE_MS, 5 * 60_000),
      anvilArgs: (process.env.COMMONS_SIMULATION_ANVIL_ARGS ?? "").split(/\s+/).filter(Boolean),
    }),
    cache: createSimulationCache(),
  };
  return holder[simulatorKey];
}

const disabled: SimulationProblem = {
  kind: "failed",
  title: "Simulation is turned off on this server",
  detail: "Its operator set COMMONS_SIMULATION=off.",
};

/** Whether this server simulates at all. */
export function simulationEnabled(): boolean {
  return process.env.COMMONS_SIMULATION !== "off";
}

type Block = { number: bigint; hash: Hex | null; timestamp: bigint };

/**
 * The DAO's head block from the first of its RPC endpoints that answers: the fork is taken there,
 * from that endpoint. Throws a ChainUnreachableError naming what each endpoint did.
 */
async function headTarget(config: DaoConfig): Promise<ForkTarget> {
  const failures = [];
  for (const url of config.rpcUrls) {
    try {
      const client = createPublicClient({ transport: http(url, { retryCount: 0, timeout: 10_000 }) });
      const block = (await client.getBlock({ blockTag: "latest" })) as Block;
      if (!block.hash) throw new Error("the head block has no hash");
      return { url, number: block.number, hash: block.hash, timestamp: block.timestamp };
    } catch (error) {
      failures.push(endpointFailure(url, error));
    }
  }
  throw new ChainUnreachableError(config.chainId, failures);
}

/** Whether the block a report was made at is still the chain's (no reorg, no test chain reverted). */
async function stillOnChain(config: DaoConfig, blockNumber: string, blockHash: Hex): Promise<boolean> {
  try {
    const block = await getPublicClient(config).getBlock({ blockNumber: BigInt(blockNumber) });
    return block.hash?.toLowerCase() === blockHash.toLowerCase();
  } catch {
    // The chain does not answer now: the report is still the best there is.
    return true;
  }
}

async function simulateAt(
  ready: Ready,
  subject: string,
  input: Parameters<typeof runSimulation>[2],
  reuse: (target: ForkTarget) => SimulationResult | undefined,
): Promise<SimulationResult> {
  const { forks, cache } = simulator();
  try {
    const target = await headTarget(ready.config);
    const reused = reuse(target);
    if (reused) return reused;
    const report = await cache.once(`${subject}@${target.hash}`, () =>
      forks.run(`${ready.config.chainId}:${ready.config.rpcUrls.join(",")}`, target, (session) =>
        runSimulation(session, simulationDaoOf(ready), input),
      ),
    );
    cache.put(subject, report);
    return { ok: true, report };
  } catch (error) {
    const problem = simulationProblem(error);
    if (problem.kind === "failed") console.error(`[commons] simulating ${subject} failed:`, error);
    return { ok: false, problem };
  }
}

/** A proposal on chain, as the proposal page and its API route know it. */
export type ProposalToSimulate = {
  id: string;
  /** Its live state (the mode depends on it: Queued runs the real execute). */
  state: string | null;
  /** Exactly as proposed (a Bravo proposal's signatures and argument-only calldatas). */
  content: ProposalContent;
};

/**
 * The proposal's simulation: the one shown last, while the proposal is in the same state and its
 * block is still the chain's; else (or with `rerun`) one at the current head block, made once
 * per block.
 *
 * @example const result = await simulateProposal(loaded, { id, state: "Active", content });
 */
export async function simulateProposal(
  ready: Ready,
  proposal: ProposalToSimulate,
  options: { rerun?: boolean } = {},
): Promise<SimulationResult> {
  if (!simulationEnabled()) return { ok: false, problem: disabled };
  const { cache } = simulator();
  const subject = `${ready.config.slug}:proposal:${proposal.id}`;
  if (!options.rerun) {
    const shown = cache.latest(subject);
    if (
      shown &&
      shown.proposalState === proposal.state &&
      (await stillOnChain(ready.config, shown.blockNumber, shown.blockHash))
    ) {
      return { ok: true, report: shown };
    }
  }
  return simulateAt(
    ready,
    subject,
    { content: proposal.content, proposal: { id: BigInt(proposal.id), state: proposal.state } },
    (target) => {
      const made = cache.at(subject, target.hash);
      if (made && made.proposalState === proposal.state) {
        cache.put(subject, made);
        return { ok: true, report: made };
      }
      return undefined;
    },
  );
}

/**
 * Content not proposed yet (the propose form, a draft): its actions run from the timelock.
 *
 * @example const result = await simulateContent(loaded, { targets, values, calldatas });
 */
export async function simulateContent(
  ready: Ready,
  content: Pick<ProposalContent, "targets" | "values" | "calldatas" | "signatures">,
): Promise<SimulationResult> {
  if (!simulationEnabled()) return { ok: false, problem: disabled };
  const { cache } = simulator();
  const fingerprint = keccak256(
    stringToHex(
      JSON.stringify([content.targets, content.values.map(String), content.calldatas, content.signatures ?? []]),
    ),
  );
  const subject = `${ready.config.slug}:content:${fingerprint}`;
  return simulateAt(ready, subject, { content, proposal: null }, (target) => {
    const made = cache.at(subject, target.hash);
    return made ? { ok: true, report: made } : undefined;
  });
}

/**
 * The live state of a proposal, for the API route (the page has it already).
 *
 * @example await liveProposalState(loaded, 42n) // "Active"
 */
export async function liveProposalState(ready: Ready, id: bigint): Promise<string | null> {
  const adapter = governorAdapter({
    governor: ready.dao.governor,
    token: ready.dao.token,
    timelock: ready.dao.timelock,
    flavour: daoFlavourOf(ready.dao.flavour),
  });
  const [state] = await readCalls(getPublicClient(ready.config), [preparedRead<number>(adapter.state(id))]);
  return state === undefined ? null : (proposalStateName(state) ?? null);
}
