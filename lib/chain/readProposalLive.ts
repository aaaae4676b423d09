/**
 * Everything about a proposal that gates an action, read live from the chain in one Multicall3
 * `aggregate3` round trip: state, tallies, snapshot, deadline, ETA, quorum at the snapshot, the
 * governor's clock, the block it was read at, and the symbol and decimals of ERC-20 tokens the
 * actions move. Every governor read comes from the DAO's `GovernorAdapter` (lib/governor), so each
 * flavour is asked in its own terms (OpenZeppelin's proposalVotes, Bravo's proposals(id) struct, …);
 * reads that are the same call (Bravo's struct, asked for several fields) are sent once.
 *
 * The quorum call needs the snapshot as its argument, so it uses the snapshot the indexer gave
 * (`snapshotHint`); only when there is none or the chain disagrees — and the quorum call at the
 * real snapshot is another call (Bravo's quorumVotes() ignores the timepoint) — is quorum read in
 * a second round trip.
 */
import { type Address, type PublicClient, parseAbi } from "viem";
import { type ContractRead, type GovernorAdapter, type ProposalVotes, readResult } from "../governor/adapter";
import type { VoteTallies } from "../proposals/voteResults";
import { type ProposalState, proposalStateName } from "./proposalStates";
import { contractCall, multicall3Of, type PreparedCall, readCalls } from "./readCalls";

const multicallClockAbi = parseAbi([
  "function getBlockNumber() view returns (uint256)",
  "function getCurrentBlockTimestamp() view returns (uint256)",
]);

const erc20MetadataAbi = parseAbi([
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
]);

export type ProposalLive = {
  /** undefined when `state()` reverted (unknown proposal, or not a Governor). */
  state: ProposalState | undefined;
  tallies: VoteTallies | null;
  /** The clock value (block or timestamp) votes are counted at. */
  snapshot: bigint | null;
  deadline: bigint | null;
  /** Timelock ETA in seconds; null when not queued. */
  eta: bigint | null;
  /** Quorum at the snapshot; null until the snapshot has passed, or when unreadable. */
  quorum: bigint | null;
  /** The governor's clock now (ERC-6372), or the block number for governors without one. */
  clock: bigint;
  blockNumber: bigint;
  /** Seconds. */
  blockTimestamp: bigint;
  /** ERC-20 metadata of the requested tokens that answered, keyed by lowercase address. */
  tokens: Map<string, { symbol: string; decimals: number }>;
  /** Round trips used (1, or 2 when the quorum had to wait for the snapshot). */
  roundTrips: number;
};

export type ReadProposalLiveInput = {
  /** The DAO's governor adapter (`governorAdapter(writeDao)`): every governor read is built by it. */
  adapter: GovernorAdapter;
  proposalId: bigint;
  /** The snapshot as the indexer knows it (OZ voteStart), so quorum fits in the same batch. */
  snapshotHint?: bigint;
  /** ERC-20 tokens whose symbol and decimals to read. */
  tokens?: readonly Address[];
};

function prepare(read: ContractRead): PreparedCall<unknown> {
  return contractCall({
    address: read.address,
    abi: read.abi,
    functionName: read.functionName,
    args: read.args,
  } as never);
}

/** The same call (target and calldata): its answer can be shared. */
function sameCall(a: PreparedCall<unknown>, b: PreparedCall<unknown>) {
  return a.target.toLowerCase() === b.target.toLowerCase() && a.callData === b.callData;
}

/**
 * Reads every call in one aggregate3 (lib/chain/readCalls), each distinct call once; a revert
 * leaves its value undefined. Answers in the order of `calls`.
 */
async function aggregate(client: PublicClient, calls: readonly PreparedCall<unknown>[]): Promise<unknown[]> {
  const unique: PreparedCall<unknown>[] = [];
  const slots = calls.map((call) => {
    const seen = unique.findIndex((other) => sameCall(other, call));
    if (seen !== -1) return seen;
    unique.push(call);
    return unique.length - 1;
  });
  const results = (await readCalls(client, unique)) as readonly unknown[];
  return slots.map((slot) => results[slot]);
}

/**
 * Throws when the chain cannot be reached (so the page can say so); a call that reverts only
 * leaves its field empty.
 *
 * @example
 * const live = await readProposalLive(client, { adapter: governorAdapter(dao), proposalId: id, snapshotHint: 120n });
 * live.state // "Active"; live.tallies?.forVotes; live.quorum
 */
export async function readProposalLive(client: PublicClient, input: ReadProposalLiveInput): Promise<ProposalLive> {
  const { adapter, proposalId: id } = input;
  const multicall3 = multicall3Of(client);
  const reads = {
    state: adapter.state(id),
    votes: adapter.proposalVotes(id),
    snapshot: adapter.proposalSnapshot(id),
    deadline: adapter.proposalDeadline(id),
    eta: adapter.proposalEta(id),
    clock: adapter.clock(),
    quorum: adapter.quorum(input.snapshotHint ?? 0n),
  } satisfies Record<string, ContractRead>;
  const named = Object.values(reads) as ContractRead[];
  const blockCalls = [
    contractCall({ address: multicall3, abi: multicallClockAbi, functionName: "getBlockNumber" }),
    contractCall({ address: multicall3, abi: multicallClockAbi, functionName: "getCurrentBlockTimestamp" }),
  ];
  const tokenCalls = (input.tokens ?? []).flatMap((token): PreparedCall<unknown>[] => [
    contractCall({ address: token, abi: erc20MetadataAbi, functionName: "symbol" }),
    contractCall({ address: token, abi: erc20MetadataAbi, functionName: "decimals" }),
  ]);
  const prepared = named.map(prepare);
  const quorumCall = prepare(reads.quorum);
  const results = await aggregate(client, [...prepared, ...blockCalls, ...tokenCalls]);
  /** The adapter's value for `read` (readResult narrows Bravo's structs); undefined when it reverted. */
  const at = <T>(read: ContractRead) => {
    const raw = results[named.indexOf(read)];
    return (raw === undefined ? undefined : readResult(read, raw)) as T | undefined;
  };

  const blockNumber = results[named.length] as bigint | undefined;
  const blockTimestamp = results[named.length + 1] as bigint | undefined;
  if (blockNumber === undefined || blockTimestamp === undefined) {
    throw new Error(`readProposalLive: Multicall3 at ${multicall3} did not answer getBlockNumber()`);
  }
  const stateValue = at<number>(reads.state);
  const votes = at<ProposalVotes>(reads.votes);
  const clockValue = at<number | bigint>(reads.clock);
  const clock = clockValue === undefined ? blockNumber : BigInt(clockValue);

  const tallies: VoteTallies | null = votes
    ? { againstVotes: votes.againstVotes, forVotes: votes.forVotes, abstainVotes: votes.abstainVotes }
    : null;
  const snapshotValue = at<bigint>(reads.snapshot);
  const snapshot = snapshotValue ?? null;
  const deadline = at<bigint>(reads.deadline) ?? null;
  const eta = at<bigint>(reads.eta) ?? null;

  let roundTrips = 1;
  let quorum: bigint | null = null;
  if (snapshotValue !== undefined) {
    const atSnapshot = adapter.quorum(snapshotValue);
    if (input.snapshotHint === snapshotValue || sameCall(prepare(atSnapshot), quorumCall)) {
      // The batch asked for quorum at the real snapshot (or the governor's quorum ignores the timepoint).
      quorum = at<bigint>(reads.quorum) ?? null;
    } else if (snapshotValue < clock) {
      // The indexer had no snapshot (or another one): quorum at the real one needs its own round trip.
      roundTrips = 2;
      const [raw] = await aggregate(client, [prepare(atSnapshot)]);
      quorum = raw === undefined ? null : ((readResult(atSnapshot, raw) as bigint | undefined) ?? null);
    }
  }

  const tokens = new Map<string, { symbol: string; decimals: number }>();
  const tokenOffset = named.length + blockCalls.length;
  (input.tokens ?? []).forEach((token, index) => {
    const symbol = results[tokenOffset + index * 2] as string | undefined;
    const decimals = results[tokenOffset + index * 2 + 1] as number | undefined;
    if (symbol !== undefined && decimals !== undefined && decimals <= 255) {
      tokens.set(token.toLowerCase(), { symbol, decimals: Number(decimals) });
    }
  });

  return {
    state: stateValue === undefined ? undefined : proposalStateName(stateValue),
    tallies,
    snapshot,
    deadline,
    eta: eta === null || eta === 0n ? null : eta,
    quorum,
    clock,
    blockNumber,
    blockTimestamp,
    tokens,
    roundTrips,
  };
}
