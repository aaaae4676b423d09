/**
 * Runs one proposal's execution on a fork and reports what it did (lib/simulation/types):
 *
 * - A Queued proposal: time moves past its ETA and the governor's real `execute` is sent (built
 *   by the governor adapter), from an account of no importance; the call tree says which inner
 *   call was which action, what each emitted, and where it failed.
 * - Any other proposal (or content not proposed yet): each action is sent in order from the
 *   executor (the timelock, impersonated) with its value, as the timelock will send it; the first
 *   that reverts stops the run (a revert undoes the whole proposal).
 *
 * Transactions pay no gas (base fee and gas price 0), so the treasury's ETH moves only by the
 * actions' values. Then the balances the execution may have touched and the governance parameters
 * are read after, the fork is put back to where it was forked, and read again before. The risk
 * rules (lib/simulation/riskFlags) turn all of it into flags.
 *
 * No `server-only` guard: Node code tested against a real anvil (./simulation.test.ts).
 *
 * Over 300 lines because it is one fork session in order (execute, read after, revert, read before); split it when a step grows.
 */
import {
  type Abi,
  type Address,
  createPublicClient,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  type Hex,
  hexToBigInt,
  http,
  isAddressEqual,
  keccak256,
  numberToHex,
  type PublicClient,
  stringToHex,
} from "viem";
import { displaySymbol } from "../../actions/addressLabels";
import { erc20MetadataAbi } from "../../actions/standardAbis";
import { chainTableEntry, daoChain } from "../../chain/daoChain";
import { contractCall, ethBalanceCall, type PreparedCall, readCalls } from "../../chain/readCalls";
import type { ResolvedDao } from "../../config/resolveDao";
import type { DaoConfig } from "../../config/schema";
import { formatTokenAmount } from "../../format/formatTokenAmount";
import { shortAddress } from "../../format/shortAddress";
import {
  type ContractRead,
  type DaoFlavour,
  type GovernorAdapter,
  governorAdapter,
  type ProposalContent,
  preparedRead,
} from "../../governor/adapter";
import { daoFlavourOf } from "../../governor/detect";
import { executedCalldatas } from "../../proposals/builder/signatures";
import { addressNamer } from "../../simulation/addressNamer";
import { balanceRows, balanceSubjects } from "../../simulation/balanceSubjects";
import {
  actionFrames,
  type CallFrame,
  createdContracts,
  ethMovers,
  frameGas,
  frameLogs,
  revertData,
} from "../../simulation/callFrames";
import { decodeSimulationEvent } from "../../simulation/decodeSimulationEvent";
import { explainRevertData, simulationErrorAbi } from "../../simulation/explainRevertData";
import { riskFlags } from "../../simulation/riskFlags";
import type {
  ActionOutcome,
  ParameterChange,
  SimulatedAsset,
  SimulationMode,
  SimulationReport,
} from "../../simulation/types";
import { explainTxError } from "../../tx/explainTxError";
import { type ForkRpc, ForkRpcError, forkRpc } from "./forkRpc";
import { queueGovernanceCall } from "./governanceCall";

/** The DAO a simulation runs for: its contracts as resolved from the chain. */
export type SimulationDao = {
  slug: string;
  chainId: number;
  governor: Address;
  token: Address;
  timelock: Address | null;
  tokenSymbol: string;
  tokenDecimals: number;
  flavour: DaoFlavour;
  multicall3: Address | null;
  native: { symbol: string; decimals: number };
  /** The config's labels (address → name), trusted. */
  labels?: Readonly<Record<string, string>>;
};

/**
 * The SimulationDao of a DAO completed from its chain.
 *
 * @example const dao = simulationDaoOf({ config, dao: await resolveDao(config) });
 */
export function simulationDaoOf({ config, dao }: { config: DaoConfig; dao: ResolvedDao }): SimulationDao {
  const native = chainTableEntry(config.chainId)?.nativeCurrency;
  return {
    slug: config.slug,
    chainId: config.chainId,
    governor: dao.governor,
    token: dao.token,
    timelock: dao.timelock,
    tokenSymbol: dao.tokenSymbol,
    tokenDecimals: dao.tokenDecimals,
    flavour: daoFlavourOf(dao.flavour),
    multicall3: dao.multicall3,
    native: { symbol: native?.symbol ?? "ETH", decimals: native?.decimals ?? 18 },
    ...(config.labels ? { labels: config.labels } : {}),
  };
}

/** What to simulate: the content as proposed, and the proposal when it is on chain. */
export type SimulationInput = {
  content: Pick<ProposalContent, "targets" | "values" | "calldatas" | "signatures"> & { description?: string };
  proposal: { id: bigint; state: string | null } | null;
};

/** The fork at the block it was taken, as the fork manager hands it over. */
export type ForkSession = {
  url: string;
  block: { number: bigint; hash: Hex; timestamp: bigint };
  /** Puts the fork back to the forked block (evm_revert) and keeps it there for the next run. */
  revertToBase(): Promise<void>;
};

/** Who sends `execute` on the fork: any account may; this one holds nothing anywhere. */
export const simulationCaller = getAddress(`0x${keccak256(stringToHex("commons.simulation.caller")).slice(26)}`);

type Receipt = { status: Hex; gasUsed: Hex; transactionHash: Hex };

/** EIP-7825's cap on one transaction's gas (2^24). */
const maxTransactionGas = 16_777_216n;

function forkClient(dao: SimulationDao, url: string): PublicClient {
  return createPublicClient({
    chain: daoChain({ chainId: dao.chainId, rpcUrls: [url], multicall3: dao.multicall3 }),
    transport: http(url, { batch: true, timeout: 30_000, retryCount: 0 }),
    batch: { multicall: false },
    cacheTime: 0,
  });
}

async function sendAndTrace(
  rpc: ForkRpc,
  tx: { from: Address; to: Address; data: Hex; value: bigint; gas: Hex },
): Promise<{ receipt: Receipt; trace: CallFrame }> {
  await rpc("anvil_setNextBlockBaseFeePerGas", ["0x0"]);
  const hash = await rpc<Hex>("eth_sendTransaction", [
    { from: tx.from, to: tx.to, data: tx.data, value: numberToHex(tx.value), gas: tx.gas, gasPrice: "0x0" },
  ]);
  // anvil mines on arrival, but may answer eth_sendTransaction just before the block exists.
  let receipt: Receipt | null = null;
  for (let wait = 0; !receipt && wait < 10_000; wait += 20) {
    receipt = await rpc<Receipt | null>("eth_getTransactionReceipt", [hash]);
    if (!receipt) await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
  if (!receipt) {
    await rpc("anvil_dropTransaction", [hash]).catch(() => undefined);
    throw new Error(`the fork did not mine the simulated transaction ${hash}`);
  }
  const trace = await rpc<CallFrame>("debug_traceTransaction", [
    hash,
    { tracer: "callTracer", tracerConfig: { withLog: true } },
  ]);
  return { receipt, trace };
}

/** The governance parameters to read before and after, each with how to show its value. */
function parameterReads(
  dao: SimulationDao,
  adapter: GovernorAdapter,
): {
  contract: "governor" | "timelock";
  name: string;
  label: string;
  read: ContractRead;
  show: (v: bigint) => string;
}[] {
  const clockUnit = dao.flavour.clock === "timestamp" ? "seconds" : "blocks";
  const units = (unit: string) => (value: bigint) => `${value.toLocaleString("en")} ${unit}`;
  const reads = [
    {
      contract: "governor",
      name: "votingDelay",
      label: "voting delay",
      read: adapter.votingDelay(),
      show: units(clockUnit),
    },
    {
      contract: "governor",
      name: "votingPeriod",
      label: "voting period",
      read: adapter.votingPeriod(),
      show: units(clockUnit),
    },
    {
      contract: "governor",
      name: "proposalThreshold",
      label: "proposal threshold",
      read: adapter.proposalThreshold(),
      show: (value: bigint) => `${formatTokenAmount(value, dao.tokenDecimals)} ${displaySymbol(dao.tokenSymbol)}`,
    },
  ] as ReturnType<typeof parameterReads>;
  if (adapter.quorumNumerator) {
    reads.push({
      contract: "governor",
      name: "quorumNumerator",
      label: "quorum",
      read: adapter.quorumNumerator(),
      show: (value) => `${value.toString()} (numerator of the supply fraction)`,
    });
  } else if (adapter.family === "bravo") {
    reads.push({
      contract: "governor",
      name: "quorumVotes",
      label: "quorum",
      read: adapter.quorum(0n),
      show: (value) => `${formatTokenAmount(value, dao.tokenDecimals)} ${displaySymbol(dao.tokenSymbol)}`,
    });
  }
  if (dao.flavour.lateQuorum && adapter.lateQuorumVoteExtension) {
    reads.push({
      contract: "governor",
      name: "lateQuorumVoteExtension",
      label: "late-quorum extension",
      read: adapter.lateQuorumVoteExtension(),
      show: units(clockUnit),
    });
  }
  if (adapter.timelockDelay) {
    reads.push({
      contract: "timelock",
      name: "timelockDelay",
      label: "delay",
      read: adapter.timelockDelay(),
      show: units("seconds"),
    });
  }
  return reads;
}

function failedSendReason(error: unknown, executor: string, nativeSymbol: string): string {
  const message = error instanceof ForkRpcError ? error.rpcMessage : error instanceof Error ? error.message : "";
  if (/insufficient funds|lack of funds|OutOfFunds/i.test(message)) {
    return `The ${executor} holds less ${nativeSymbol} than this action sends.`;
  }
  if (error instanceof ForkRpcError && typeof error.data === "string") return explainRevertData(error.data as Hex);
  return explainTxError(error).message;
}

/**
 * @example
 * const report = await runSimulation(session, dao, { content, proposal: { id, state: "Queued" } });
 */
export async function runSimulation(
  session: ForkSession,
  dao: SimulationDao,
  input: SimulationInput,
): Promise<SimulationReport> {
  const started = Date.now();
  const rpc = forkRpc(session.url);
  const client = forkClient(dao, session.url);
  const adapter = governorAdapter({
    governor: dao.governor,
    token: dao.token,
    timelock: dao.timelock,
    flavour: dao.flavour,
  });
  const errorAbi: Abi = simulationErrorAbi(adapter.errorAbi);
  const executor = dao.timelock ?? dao.governor;
  const executorName = dao.timelock ? "timelock" : "governor";
  const calldatas = executedCalldatas(input.content);
  const actions = input.content.targets.map((target, index) => ({
    target: getAddress(target.toLowerCase()),
    value: input.content.values[index] ?? 0n,
    calldata: calldatas[index] ?? ("0x" as Hex),
  }));
  const mode: SimulationMode =
    input.proposal && input.proposal.state === "Queued" && input.content.description !== undefined
      ? "execute"
      : "actions";
  const notes: string[] = [];

  const latest = await rpc<{ gasLimit: Hex }>("eth_getBlockByNumber", ["latest", false]);
  // As much gas as a block allows, within the per-transaction cap of Osaka (EIP-7825), which anvil
  // enforces by leaving a larger transaction unmined.
  const gas = numberToHex(
    hexToBigInt(latest.gasLimit) < maxTransactionGas ? hexToBigInt(latest.gasLimit) : maxTransactionGas,
  );
  const codes = await Promise.all(actions.map((action) => client.getCode({ address: action.target })));
  const outcomes: ActionOutcome[] = actions.map((action, index) => ({
    index,
    target: action.target,
    value: action.value.toString(),
    calldata: action.calldata,
    status: "notRun",
    gasUsed: null,
    events: [],
    created: [],
    targetHasCode: Boolean(codes[index] && codes[index] !== "0x"),
  }));
  let failure: SimulationReport["failure"] = null;
  let gasUsed: bigint | null = null;
  const movers: Address[] = [];

  if (mode === "execute" && input.proposal) {
    const [eta] = await readCalls(client, [preparedRead<bigint>(adapter.proposalEta(input.proposal.id))]);
    if (eta && eta > 0n) {
      const at = eta > session.block.timestamp ? eta : session.block.timestamp + 1n;
      await rpc("evm_setNextBlockTimestamp", [numberToHex(at)]);
      notes.push(
        `Time was moved to the proposal’s ETA (${new Date(Number(at) * 1000).toISOString()}) before executing.`,
      );
    }
    const write = adapter.execute(input.proposal.id, {
      targets: input.content.targets,
      values: input.content.values,
      calldatas: input.content.calldatas,
      description: input.content.description ?? "",
      ...(input.content.signatures ? { signatures: input.content.signatures } : {}),
    });
    await rpc("anvil_impersonateAccount", [simulationCaller]);
    const { receipt, trace } = await sendAndTrace(rpc, {
      from: simulationCaller,
      to: write.address,
      data: encodeFunctionData({ abi: write.abi, functionName: write.functionName, args: write.args }),
      value: 0n,
      gas,
    });
    gasUsed = hexToBigInt(receipt.gasUsed);
    movers.push(...ethMovers(trace));
    const frames = actionFrames(trace, executor, actions);
    for (const [index, frame] of frames.entries()) {
      const outcome = outcomes[index];
      if (!outcome || !frame) continue;
      outcome.gasUsed = frameGas(frame)?.toString() ?? null;
      if (frame.error) {
        outcome.status = "reverted";
        outcome.reason = explainRevertData(revertData(frame), errorAbi);
        failure ??= { action: index, reason: outcome.reason };
      } else {
        outcome.status = "success";
        outcome.events = frameLogs(frame).map(decodeSimulationEvent);
        outcome.created = createdContracts(frame);
      }
    }
    if (hexToBigInt(receipt.status) !== 1n && !failure) {
      failure = { action: null, reason: explainRevertData(revertData(trace), errorAbi) };
    }
    if (!failure) {
      for (const outcome of outcomes.filter((item) => item.status === "notRun")) {
        // It ran (execute succeeded) but its call was not recognised in the trace.
        outcome.status = "success";
        notes.push(`Action ${outcome.index + 1} ran, but its call could not be told apart in the execution trace.`);
      }
    }
    notes.push("The governor’s own execute was called, as anyone may call it once the proposal is queued.");
  } else {
    await rpc("anvil_impersonateAccount", [executor]);
    const governanceFamily = adapter.family === "openzeppelin" || adapter.family === "oz-bravo-compatible";
    for (const [index, action] of actions.entries()) {
      const outcome = outcomes[index];
      if (!outcome) continue;
      const tx = { from: executor, to: action.target, data: action.calldata, value: action.value, gas };
      if (governanceFamily && dao.timelock && isAddressEqual(action.target, dao.governor)) {
        if (await queueGovernanceCall(rpc, dao.chainId, tx)) {
          notes.push(
            `Action ${index + 1} calls the governor itself, which accepts it only during execute: it was queued in the governor as execute queues it.`,
          );
        }
      }
      let sent: Awaited<ReturnType<typeof sendAndTrace>>;
      try {
        sent = await sendAndTrace(rpc, tx);
      } catch (error) {
        if (!(error instanceof ForkRpcError) || error.method !== "eth_sendTransaction") throw error;
        outcome.status = "reverted";
        outcome.reason = failedSendReason(error, executorName, dao.native.symbol);
        failure = { action: index, reason: outcome.reason };
        break;
      }
      const { receipt, trace } = sent;
      outcome.gasUsed = hexToBigInt(receipt.gasUsed).toString();
      gasUsed = (gasUsed ?? 0n) + hexToBigInt(receipt.gasUsed);
      if (hexToBigInt(receipt.status) !== 1n) {
        outcome.status = "reverted";
        outcome.reason = explainRevertData(revertData(trace), errorAbi);
        failure = { action: index, reason: outcome.reason };
        break;
      }
      outcome.status = "success";
      outcome.events = frameLogs(trace).map(decodeSimulationEvent);
      outcome.created = createdContracts(trace);
      movers.push(...ethMovers(trace));
    }
    notes.push(
      `Each action was sent in order from the ${executorName} with its value, as the ${executorName} will send it once the proposal passes.`,
    );
  }

  // What to read after, and again before (the fork is put back in between).
  const succeeded = failure === null;
  const events = outcomes.flatMap((outcome) => outcome.events);
  const subjects = succeeded
    ? balanceSubjects({ treasury: executor, ethMovers: movers, events })
    : { native: [], tokens: [] };
  const parameters = succeeded ? parameterReads(dao, adapter) : [];
  const tokenAddresses = [
    ...new Map(
      events
        .filter((event) => (event.kind === "transfer" || event.kind === "approval") && event.standard)
        .map((event) => [event.address.toLowerCase(), { address: event.address, standard: event.standard }] as const),
    ).values(),
  ];
  const grantees = events
    .filter((event) => event.kind === "role" && event.args.account)
    .map((event) => event.args.account as Address);

  const balanceCalls: PreparedCall<bigint>[] = [
    ...subjects.native.map((holder) => ethBalanceCall(holder)),
    ...subjects.tokens.flatMap((token) =>
      token.holders.map((holder) =>
        contractCall({ address: token.address, abi: erc20Abi, functionName: "balanceOf", args: [holder] }),
      ),
    ),
  ];
  const parameterCalls = parameters.map((parameter) => preparedRead<bigint>(parameter.read));
  const metadataCalls = tokenAddresses.flatMap((token) => [
    contractCall({ address: token.address, abi: erc20MetadataAbi, functionName: "symbol" }),
    contractCall({ address: token.address, abi: erc20MetadataAbi, functionName: "decimals" }),
  ]);
  const readAll = async () => {
    const [balances, params, metadata, grantCodes] = await Promise.all([
      balanceCalls.length ? readCalls(client, balanceCalls) : [],
      parameterCalls.length ? readCalls(client, parameterCalls) : [],
      metadataCalls.length ? readCalls(client, metadataCalls as PreparedCall<unknown>[]) : [],
      Promise.all(grantees.map((address) => client.getCode({ address }))),
    ]);
    return {
      balances: balances as (bigint | undefined)[],
      params: params as (bigint | undefined)[],
      metadata,
      grantCodes,
    };
  };
  const after = await readAll();
  await session.revertToBase();
  const before = await readAll();

  const assets: SimulatedAsset[] = [{ address: "native", kind: "native", ...dao.native }];
  for (const [index, token] of tokenAddresses.entries()) {
    const symbol = after.metadata[index * 2] ?? before.metadata[index * 2];
    const decimals = after.metadata[index * 2 + 1] ?? before.metadata[index * 2 + 1];
    const erc721 = token.standard === "erc721";
    assets.push({
      address: getAddress(token.address.toLowerCase()),
      kind: erc721 ? "erc721" : "erc20",
      symbol: typeof symbol === "string" ? displaySymbol(symbol) : shortAddress(token.address),
      decimals: erc721 ? 0 : typeof decimals === "number" && decimals <= 77 ? decimals : 0,
    });
  }
  const holdersInOrder = [
    ...subjects.native.map((holder) => ({ holder, asset: "native" as const })),
    ...subjects.tokens.flatMap((token) => token.holders.map((holder) => ({ holder, asset: token.address }))),
  ];
  const balanceChanges = balanceRows(
    holdersInOrder.map((subject, index) => ({
      ...subject,
      before: before.balances[index],
      after: after.balances[index],
    })),
    executor,
  );
  const parameterChanges: ParameterChange[] = parameters.map((parameter, index) => {
    const was = before.params[index];
    const now = after.params[index];
    return {
      contract: parameter.contract,
      name: parameter.name,
      label: parameter.label,
      before: was === undefined ? null : parameter.show(was),
      after: now === undefined ? null : parameter.show(now),
    };
  });
  const withCode = new Set(
    grantees
      .filter((_, index) => after.grantCodes[index] && after.grantCodes[index] !== "0x")
      .map((a) => a.toLowerCase()),
  );
  const name = addressNamer({ ...dao, assets });
  const { flags, checked } = riskFlags({
    contracts: { governor: dao.governor, timelock: dao.timelock, token: dao.token },
    executor,
    actions: outcomes,
    failure,
    parameterChanges,
    balanceChanges,
    assets,
    hasCode: (address) => withCode.has(address.toLowerCase()),
    name,
  });
  if (input.proposal?.state === "Executed") {
    notes.push("This proposal was already executed: this shows what its actions would do if they ran again now.");
  }

  return {
    version: 1,
    chainId: dao.chainId,
    dao: dao.slug,
    proposalId: input.proposal ? input.proposal.id.toString() : null,
    proposalState: input.proposal?.state ?? null,
    mode,
    blockNumber: session.block.number.toString(),
    blockHash: session.block.hash,
    blockTimestamp: session.block.timestamp.toString(),
    simulatedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    executor,
    status: succeeded ? "success" : "reverted",
    failure,
    gasUsed: gasUsed?.toString() ?? null,
    actions: outcomes,
    assets,
    balanceChanges,
    parameterChanges,
    flags,
    checked,
    notes,
  };
}
