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
import {
  type Abi,
  type Address,
  decodeFunctionResult,
  encodeFunctionData,
  type Hex,
  multicall3Abi,
  type PublicClient,
  parseAbi,
} from "viem";
import type { VoteTallies } from "../proposals/voteResults";
import { type ProposalState, proposalStateName } from "./proposalStates";

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
type Result = { success: boolean; returnData: Hex };

function encode(call: Call) {
  return {
    target: call.target,
    allowFailure: true,
    callData: encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args } as never),
  };
}

function decode<T>(call: Call, result: Result | undefined): T | undefined {
  if (!result?.success || result.returnData === "0x") return undefined;
  try {
    return decodeFunctionResult({
      abi: call.abi,
      functionName: call.functionName,
      data: result.returnData,
    } as never) as T;
  } catch {
    return undefined;
  }
}

async function aggregate(client: PublicClient, calls: readonly Call[]): Promise<readonly Result[]> {
  const multicall3 = client.chain?.contracts?.multicall3?.address;
  if (!multicall3) throw new Error(`readProposalLive: chain ${client.chain?.id} has no Multicall3 configured`);
  return client.readContract({
    address: multicall3,
    abi: multicall3Abi,
    functionName: "aggregate3",
    args: [calls.map(encode)],
  });
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
  const multicall3 = client.chain?.contracts?.multicall3?.address;
  if (!multicall3) throw new Error(`readProposalLive: chain ${client.chain?.id} has no Multicall3 configured`);
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
  const at = (call: Call) => results[named.indexOf(call)];

  const blockNumber = decode<bigint>(calls.blockNumber, at(calls.blockNumber));
  const blockTimestamp = decode<bigint>(calls.timestamp, at(calls.timestamp));
  if (blockNumber === undefined || blockTimestamp === undefined) {
    throw new Error(`readProposalLive: Multicall3 at ${multicall3} did not answer getBlockNumber()`);
  }
  const stateValue = decode<number>(calls.state, at(calls.state));
  const votes = decode<readonly [bigint, bigint, bigint]>(calls.votes, at(calls.votes));
  const bravo = decode<readonly [bigint, Address, bigint, bigint, bigint, bigint, bigint, bigint, boolean, boolean]>(
    calls.bravo,
    at(calls.bravo),
  );
  const clockValue = decode<number>(calls.clock, at(calls.clock));
  const clock = clockValue === undefined ? blockNumber : BigInt(clockValue);

  let tallies: VoteTallies | null = null;
  if (votes) tallies = { againstVotes: votes[0], forVotes: votes[1], abstainVotes: votes[2] };
  else if (bravo) tallies = { forVotes: bravo[5], againstVotes: bravo[6], abstainVotes: bravo[7] };

  const ozSnapshot = decode<bigint>(calls.snapshot, at(calls.snapshot));
  const snapshot = ozSnapshot ?? bravo?.[3] ?? null;
  const deadline = decode<bigint>(calls.deadline, at(calls.deadline)) ?? bravo?.[4] ?? null;
  const eta = decode<bigint>(calls.eta, at(calls.eta)) ?? bravo?.[2] ?? null;

  let roundTrips = 1;
  let quorum: bigint | null = null;
  if (ozSnapshot !== undefined && input.snapshotHint === ozSnapshot) {
    quorum = decode<bigint>(calls.quorum, at(calls.quorum)) ?? null;
  } else if (ozSnapshot !== undefined && ozSnapshot < clock) {
    // The indexer had no snapshot (or another one): quorum at the real one needs its own round trip.
    roundTrips = 2;
    const call = oz("quorum", [ozSnapshot]);
    quorum = decode<bigint>(call, (await aggregate(client, [call]))[0]) ?? null;
  }
  // GovernorBravo has one quorum for every proposal.
  if (ozSnapshot === undefined) quorum = decode<bigint>(calls.bravoQuorum, at(calls.bravoQuorum)) ?? null;

  const tokens = new Map<string, { symbol: string; decimals: number }>();
  (input.tokens ?? []).forEach((token, index) => {
    const symbolCall = tokenCalls[index * 2] as Call;
    const decimalsCall = tokenCalls[index * 2 + 1] as Call;
    const symbol = decode<string>(symbolCall, results[named.length + index * 2]);
    const decimals = decode<number>(decimalsCall, results[named.length + index * 2 + 1]);
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
