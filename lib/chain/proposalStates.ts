/**
 * Live proposal states, read from the governor (never inferred from events: a timelock canceller
 * can cancel without the governor emitting anything). Many ids cost one Multicall3 call; with
 * `readProposalsLive`, so does the quorum each proposal needs. Also the state filters of the
 * proposals list and which indexed proposals can possibly match each.
 */
import { type Address, type PublicClient, parseAbi } from "viem";
import { contractCall, readCalls } from "./readCalls";

/** IGovernor.ProposalState, in enum order. */
export const proposalStateNames = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;

export type ProposalState = (typeof proposalStateNames)[number];

const governorStateAbi = parseAbi(["function state(uint256 proposalId) view returns (uint8)"]);
const governorQuorumAbi = parseAbi([
  // OpenZeppelin Governor: the quorum at a timepoint (reverts for a timepoint not yet reached).
  "function quorum(uint256 timepoint) view returns (uint256)",
  // GovernorBravo: one quorum for every proposal.
  "function quorumVotes() view returns (uint256)",
]);

/**
 * Maps the governor's `state()` number to its name; undefined for a value outside the enum.
 *
 * @example proposalStateName(1) // "Active"
 */
export function proposalStateName(value: number | bigint): ProposalState | undefined {
  return proposalStateNames[Number(value)];
}

/**
 * Reads `state(id)` for every id in one Multicall3 `aggregate3`. An id whose call reverts (unknown
 * proposal, a governor that is not OpenZeppelin-compatible) comes back as `undefined`; a chain
 * that cannot be reached, or has no Multicall3, throws, so the caller can say so.
 *
 * (viem's `multicall` with `allowFailure` would turn a network error into per-call failures,
 * indistinguishable from reverts, hence the explicit aggregate3.)
 *
 * @example
 * const states = await readProposalStates(client, dao.governor, [id1, id2]); // ["Active", "Executed"]
 */
export async function readProposalStates(
  client: PublicClient,
  governor: Address,
  ids: readonly bigint[],
): Promise<(ProposalState | undefined)[]> {
  const states = await readCalls(
    client,
    ids.map((id) => contractCall({ address: governor, abi: governorStateAbi, functionName: "state", args: [id] })),
  );
  return states.map((value) => (value === undefined ? undefined : proposalStateName(value)));
}

export type LiveProposal = {
  state: ProposalState | undefined;
  /**
   * Votes needed for quorum: OpenZeppelin's `quorum(snapshot)`, else Bravo's `quorumVotes()`;
   * undefined when neither answers (e.g. a snapshot still in the future).
   */
  quorum: bigint | undefined;
};

/**
 * Reads, for every proposal, `state(id)` and `quorum(snapshot)` (plus one `quorumVotes()` for
 * Bravo governors) in a single Multicall3 `aggregate3`. Calls that revert come back undefined; an
 * unreachable chain throws, as in `readProposalStates`.
 *
 * @example
 * const live = await readProposalsLive(client, dao.governor, [{ id, snapshot: BigInt(p.voteStart) }]);
 * live[0] // { state: "Active", quorum: 40_000n * 10n ** 18n }
 */
export async function readProposalsLive(
  client: PublicClient,
  governor: Address,
  proposals: readonly { id: bigint; snapshot: bigint }[],
): Promise<LiveProposal[]> {
  if (proposals.length === 0) return [];
  const results = await readCalls(client, [
    ...proposals.map(({ id }) =>
      contractCall({ address: governor, abi: governorStateAbi, functionName: "state", args: [id] }),
    ),
    ...proposals.map(({ snapshot }) =>
      contractCall({ address: governor, abi: governorQuorumAbi, functionName: "quorum", args: [snapshot] }),
    ),
    contractCall({ address: governor, abi: governorQuorumAbi, functionName: "quorumVotes" }),
  ]);
  const bravoQuorum = results[proposals.length * 2] as bigint | undefined;
  return proposals.map((_, index) => {
    const state = results[index] as number | undefined;
    return {
      state: state === undefined ? undefined : proposalStateName(state),
      quorum: (results[proposals.length + index] as bigint | undefined) ?? bravoQuorum,
    };
  });
}

/** What the indexer knows of a proposal from events (lib/indexer/types.ts `indexedStatus`). */
export type IndexedStatus = "created" | "queued" | "executed" | "canceled";

/**
 * The proposals list's state filters. `indexed` lists the indexer statuses a proposal in one of
 * `states` can have, counting an indexer a few blocks behind the chain (just executed, still
 * "queued" there); the others can be skipped without asking the chain. Only `canceled` and
 * `executed` are final in the index; a "queued" proposal can still turn Canceled without any
 * governor event (its timelock operation cancelled) or Expired (Bravo's grace period).
 */
export const proposalStateFilters = {
  active: { label: "Active", states: ["Active"], indexed: ["created"] },
  pending: { label: "Pending", states: ["Pending"], indexed: ["created"] },
  passed: { label: "Succeeded / Queued", states: ["Succeeded", "Queued"], indexed: ["created", "queued"] },
  executed: { label: "Executed", states: ["Executed"], indexed: ["created", "queued", "executed"] },
  closed: {
    label: "Defeated / Canceled / Expired",
    states: ["Defeated", "Canceled", "Expired"],
    indexed: ["created", "queued", "canceled"],
  },
} as const satisfies Record<
  string,
  { label: string; states: readonly ProposalState[]; indexed: readonly IndexedStatus[] }
>;

export type ProposalStateFilter = keyof typeof proposalStateFilters;

/**
 * The filter named by a URL's `state` parameter; undefined for "all" or anything unknown.
 *
 * @example proposalStateFilter("active") // "active"
 */
export function proposalStateFilter(value: unknown): ProposalStateFilter | undefined {
  return typeof value === "string" && Object.hasOwn(proposalStateFilters, value)
    ? (value as ProposalStateFilter)
    : undefined;
}

/**
 * Whether a proposal the indexer reports with `status` can be in one of the filter's states.
 *
 * @example mayMatchFilter("executed", "canceled") // false: a canceled proposal stays canceled
 */
export function mayMatchFilter(filter: ProposalStateFilter, status: IndexedStatus): boolean {
  return (proposalStateFilters[filter].indexed as readonly IndexedStatus[]).includes(status);
}

/**
 * Whether a live state belongs to the filter.
 *
 * @example matchesFilter("passed", "Queued") // true
 */
export function matchesFilter(filter: ProposalStateFilter, state: ProposalState | undefined): boolean {
  return state !== undefined && (proposalStateFilters[filter].states as readonly ProposalState[]).includes(state);
}
