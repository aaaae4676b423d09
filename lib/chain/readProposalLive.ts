/**
 * Everything about a proposal that gates an action, read live from the chain in one round trip
 * from one block (lib/chain/readCalls: Multicall3, or a JSON-RPC batch where the chain has none): state, tallies, snapshot, deadline, ETA, quorum at the snapshot, the
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
import { type Address, parseAbi } from "viem";
import { type ContractRead, type GovernorAdapter, preparedRead } from "../governor/adapter";
import type { VoteParts } from "../proposals/voteParts";
import { type ProposalState, proposalStateName } from "./proposalStates";
import { type ChainReader, contractCall, type PreparedCall, readCalls, readCallsAt } from "./readCalls";

const erc20MetadataAbi = parseAbi([
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
]);

export type ProposalLive = {
  /** undefined when `state()` reverted (unknown proposal, or not a Governor). */
  state: ProposalState | undefined;
  tallies: VoteParts | null;
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
  /** Round trips used (1; one more when the quorum had to wait for the snapshot or a block arrived mid-batch). */
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

/**
 * Throws when the chain cannot be reached (so the page can say so); a call that reverts only
 * leaves its field empty.
 *
 * @example
 * const live = await readProposalLive(client, { adapter: governorAdapter(dao), proposalId: id, snapshotHint: 120n });
 * live.state // "Active"; live.tallies?.forVotes; live.quorum
 */
export async function readProposalLive(client: ChainReader, input: ReadProposalLiveInput): Promise<ProposalLive> {
  const { adapter, proposalId: id } = input;
  const reads = {
    state: adapter.state(id),
    votes: adapter.proposalVotes(id),
    snapshot: adapter.proposalSnapshot(id),
    deadline: adapter.proposalDeadline(id),
    eta: adapter.proposalEta(id),
    quorum: adapter.quorum(input.snapshotHint ?? 0n),
  } satisfies Record<string, ContractRead>;
  const named = Object.values(reads) as ContractRead[];
  const tokenCalls = (input.tokens ?? []).flatMap((token): PreparedCall<unknown>[] => [
    contractCall({ address: token, abi: erc20MetadataAbi, functionName: "symbol" }),
    contractCall({ address: token, abi: erc20MetadataAbi, functionName: "decimals" }),
  ]);
  const clockRead = adapter.clock?.();
  const {
    values,
    blockNumber,
    blockTimestamp,
    roundTrips: firstTrips,
  } = await readCallsAt(client, [
    ...named.map((read) => preparedRead(read)),
    ...tokenCalls,
    ...(clockRead ? [preparedRead(clockRead)] : []),
  ]);
  /** The adapter's value for `read` (structs already narrowed); undefined when it reverted. */
  const at = <T>(read: ContractRead) => values[named.indexOf(read)] as T | undefined;

  const stateValue = at<number>(reads.state);
  const votes = at<VoteParts>(reads.votes);
  const clockValue = clockRead ? (values[named.length + tokenCalls.length] as number | bigint | undefined) : undefined;
  // Governors without clock() count in blocks.
  const clock = clockValue === undefined ? blockNumber : BigInt(clockValue);

  const tallies: VoteParts | null = votes
    ? { againstVotes: votes.againstVotes, forVotes: votes.forVotes, abstainVotes: votes.abstainVotes }
    : null;
  const snapshotValue = at<bigint>(reads.snapshot);
  const snapshot = snapshotValue ?? null;
  const deadline = at<bigint>(reads.deadline) ?? null;
  const eta = at<bigint>(reads.eta) ?? null;

  let roundTrips = firstTrips;
  let quorum: bigint | null = null;
  if (snapshotValue !== undefined) {
    const atSnapshot = adapter.quorum(snapshotValue);
    const sameCall = (a: ContractRead, b: ContractRead) => {
      const [x, y] = [preparedRead(a), preparedRead(b)];
      return "target" in x && "target" in y && x.target === y.target && x.callData === y.callData;
    };
    if (input.snapshotHint === snapshotValue || sameCall(atSnapshot, reads.quorum)) {
      // The batch asked for quorum at the real snapshot (or the governor's quorum ignores the timepoint).
      quorum = at<bigint>(reads.quorum) ?? null;
    } else if (snapshotValue < clock) {
      // The indexer had no snapshot (or another one): quorum at the real one needs its own round trip.
      roundTrips += 1;
      const [value] = await readCalls(client, [preparedRead<bigint>(atSnapshot)], { blockNumber });
      quorum = value ?? null;
    }
  }

  const tokens = new Map<string, { symbol: string; decimals: number }>();
  const tokenOffset = named.length;
  (input.tokens ?? []).forEach((token, index) => {
    const symbol = values[tokenOffset + index * 2] as string | undefined;
    const decimals = values[tokenOffset + index * 2 + 1] as number | undefined;
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
