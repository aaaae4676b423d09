/**
 * Everything about a proposal that gates an action, read live from the chain in one Multicall3
 * `aggregate3` round trip: state, tallies, snapshot, deadline, ETA, quorum at the snapshot, the
 * governor's clock, the block it was read at, and the symbol and decimals of ERC-20 tokens the
 * actions move. OpenZeppelin (4.x/5.x) and GovernorBravo reads go in the same batch; each call
 * may revert on the other flavour and is then ignored.
 *
 * The quorum call needs the snapshot as its argument, so it uses the snapshot the indexer gave
 * (`snapshotHint`); only when there is none or the chain disagrees is quorum read in a second call.
 */
import { type Abi, type Address, type PublicClient, parseAbi } from "viem";
import type { VoteTallies } from "../proposals/voteResults";
import { type ProposalState, proposalStateName } from "./proposalStates";
import { contractCall, multicall3Of, readCalls } from "./readCalls";

const ozGovernorAbi = parseAbi([
  "function state(uint256 proposalId) view returns (uint8)",
  "function proposalVotes(uint256 proposalId) view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)",
  "function proposalSnapshot(uint256 proposalId) view returns (uint256)",
  "function proposalDeadline(uint256 proposalId) view returns (uint256)",
  "function proposalEta(uint256 proposalId) view returns (uint256)",
  "function quorum(uint256 timepoint) view returns (uint256)",
  "function clock() view returns (uint48)",
]);

const bravoGovernorAbi = parseAbi([
  "function proposals(uint256 proposalId) view returns (uint256 id, address proposer, uint256 eta, uint256 startBlock, uint256 endBlock, uint256 forVotes, uint256 againstVotes, uint256 abstainVotes, bool canceled, bool executed)",
  "function quorumVotes() view returns (uint256)",
]);

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
  governor: Address;
  proposalId: bigint;
  /** The snapshot as the indexer knows it (OZ voteStart), so quorum fits in the same batch. */
  snapshotHint?: bigint;
  /** ERC-20 tokens whose symbol and decimals to read. */
  tokens?: readonly Address[];
};

type Call = { target: Address; abi: Abi; functionName: string; args?: readonly unknown[] };

/** Reads every call in one aggregate3 (lib/chain/readCalls); a revert leaves its value undefined. */
function aggregate(client: PublicClient, calls: readonly Call[]): Promise<readonly unknown[]> {
  return readCalls(
    client,
    calls.map((call) =>
      contractCall({ address: call.target, abi: call.abi, functionName: call.functionName, args: call.args } as never),
    ),
  ) as Promise<readonly unknown[]>;
}

/**
 * Throws when the chain cannot be reached (so the page can say so); a call that reverts only
 * leaves its field empty.
 *
 * @example
 * const live = await readProposalLive(client, { governor: dao.governor, proposalId: id, snapshotHint: 120n });
 * live.state // "Active"; live.tallies?.forVotes; live.quorum
 */
export async function readProposalLive(client: PublicClient, input: ReadProposalLiveInput): Promise<ProposalLive> {
  const { governor, proposalId: id } = input;
  const multicall3 = multicall3Of(client);
  const oz = (functionName: string, args: readonly unknown[] = [id]): Call => ({
    target: governor,
    abi: ozGovernorAbi,
    functionName,
    args,
  });
  const calls = {
    state: oz("state"),
    votes: oz("proposalVotes"),
    snapshot: oz("proposalSnapshot"),
    deadline: oz("proposalDeadline"),
    eta: oz("proposalEta"),
    clock: oz("clock", []),
    quorum: oz("quorum", [input.snapshotHint ?? 0n]),
    bravo: { target: governor, abi: bravoGovernorAbi, functionName: "proposals", args: [id] },
    bravoQuorum: { target: governor, abi: bravoGovernorAbi, functionName: "quorumVotes" },
    blockNumber: { target: multicall3, abi: multicallClockAbi, functionName: "getBlockNumber" },
    timestamp: { target: multicall3, abi: multicallClockAbi, functionName: "getCurrentBlockTimestamp" },
  } satisfies Record<string, Call>;
  const tokenCalls = (input.tokens ?? []).flatMap((token): Call[] => [
    { target: token, abi: erc20MetadataAbi, functionName: "symbol" },
    { target: token, abi: erc20MetadataAbi, functionName: "decimals" },
  ]);
  const named = Object.values(calls) as Call[];
  const results = await aggregate(client, [...named, ...tokenCalls]);
  const at = <T>(call: Call) => results[named.indexOf(call)] as T | undefined;

  const blockNumber = at<bigint>(calls.blockNumber);
  const blockTimestamp = at<bigint>(calls.timestamp);
  if (blockNumber === undefined || blockTimestamp === undefined) {
    throw new Error(`readProposalLive: Multicall3 at ${multicall3} did not answer getBlockNumber()`);
  }
  const stateValue = at<number>(calls.state);
  const votes = at<readonly [bigint, bigint, bigint]>(calls.votes);
  const bravo = at<readonly [bigint, Address, bigint, bigint, bigint, bigint, bigint, bigint, boolean, boolean]>(
    calls.bravo,
  );
  const clockValue = at<number>(calls.clock);
  const clock = clockValue === undefined ? blockNumber : BigInt(clockValue);

  let tallies: VoteTallies | null = null;
  if (votes) tallies = { againstVotes: votes[0], forVotes: votes[1], abstainVotes: votes[2] };
  else if (bravo) tallies = { forVotes: bravo[5], againstVotes: bravo[6], abstainVotes: bravo[7] };

  const ozSnapshot = at<bigint>(calls.snapshot);
  const snapshot = ozSnapshot ?? bravo?.[3] ?? null;
  const deadline = at<bigint>(calls.deadline) ?? bravo?.[4] ?? null;
  const eta = at<bigint>(calls.eta) ?? bravo?.[2] ?? null;

  let roundTrips = 1;
  let quorum: bigint | null = null;
  if (ozSnapshot !== undefined && input.snapshotHint === ozSnapshot) {
    quorum = at<bigint>(calls.quorum) ?? null;
  } else if (ozSnapshot !== undefined && ozSnapshot < clock) {
    // The indexer had no snapshot (or another one): quorum at the real one needs its own round trip.
    roundTrips = 2;
    const call = oz("quorum", [ozSnapshot]);
    quorum = ((await aggregate(client, [call]))[0] as bigint | undefined) ?? null;
  }
  // GovernorBravo has one quorum for every proposal.
  if (ozSnapshot === undefined) quorum = at<bigint>(calls.bravoQuorum) ?? null;

  const tokens = new Map<string, { symbol: string; decimals: number }>();
  (input.tokens ?? []).forEach((token, index) => {
    const symbol = results[named.length + index * 2] as string | undefined;
    const decimals = results[named.length + index * 2 + 1] as number | undefined;
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
