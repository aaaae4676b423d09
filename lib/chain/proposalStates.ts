/**
 * Live proposal states, read from the governor through the DAO's adapter (never inferred from
 * events: a timelock canceller can cancel without the governor emitting anything). Many ids cost
 * one round trip; with `readProposalsLive`, so does the quorum each proposal needs. Also the state filters of the
 * proposals list and which indexed proposals can possibly match each.
 */
import { type GovernorAdapter, preparedRead } from "../governor/adapter";
import { type ChainReader, readCalls } from "./readCalls";

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

/**
 * Maps the governor's `state()` number to its name; undefined for a value outside the enum.
 *
 * @example proposalStateName(1) // "Active"
 */
export function proposalStateName(value: number | bigint): ProposalState | undefined {
  return proposalStateNames[Number(value)];
}

/**
 * Reads `state(id)` for every id in one round trip (lib/chain/readCalls). An id whose call reverts
 * (unknown proposal) comes back as `undefined`; a chain that cannot be reached throws, so the
 * caller can say so.
 *
 * @example
 * const states = await readProposalStates(client, governorAdapter(dao), [id1, id2]); // ["Active", "Executed"]
 */
export async function readProposalStates(
  client: ChainReader,
  adapter: Pick<GovernorAdapter, "state">,
  ids: readonly bigint[],
): Promise<(ProposalState | undefined)[]> {
  const states = await readCalls(
    client,
    ids.map((id) => preparedRead<number>(adapter.state(id))),
  );
  return states.map((value) => (value === undefined ? undefined : proposalStateName(value)));
}

export type LiveProposal = {
  state: ProposalState | undefined;
  /**
   * Votes needed for quorum at the proposal's snapshot, as the DAO's adapter asks it (OpenZeppelin's
   * `quorum(snapshot)`, Bravo's `quorumVotes()`); undefined when it does not answer (e.g. a
   * snapshot still in the future).
   */
  quorum: bigint | undefined;
};

/**
 * Reads, for every proposal, `state(id)` and the quorum at its snapshot in one round trip (a
 * quorum that ignores the timepoint, like Bravo's, is asked once). Calls that revert come back
 * undefined; an unreachable chain throws, as in `readProposalStates`.
 *
 * @example
 * const live = await readProposalsLive(client, governorAdapter(dao), [{ id, snapshot: BigInt(p.voteStart) }]);
 * live[0] // { state: "Active", quorum: 40_000n * 10n ** 18n }
 */
export async function readProposalsLive(
  client: ChainReader,
  adapter: Pick<GovernorAdapter, "state" | "quorum">,
  proposals: readonly { id: bigint; snapshot: bigint }[],
): Promise<LiveProposal[]> {
  if (proposals.length === 0) return [];
  const results = await readCalls(client, [
    ...proposals.map(({ id }) => preparedRead<number>(adapter.state(id))),
    ...proposals.map(({ snapshot }) => preparedRead<bigint>(adapter.quorum(snapshot))),
  ]);
  return proposals.map((_, index) => {
    const state = results[index] as number | undefined;
    return {
      state: state === undefined ? undefined : proposalStateName(state),
      quorum: results[proposals.length + index] as bigint | undefined,
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

/**
 * How far past a deadline (in governor clock units: blocks, or seconds) the tallies are trusted to
 * be final: the indexer may be a little behind the chain, and a vote it has not seen yet could
 * still turn a result.
 */
export const tallySettledAfter = 1_000n;

/**
 * The state an indexed proposal is known to be in without asking the chain, at governor clock
 * `now`; undefined when only the chain can tell. Canceled and Executed are final; a proposal whose
 * voting closed with no more For than Against is Defeated whatever its quorum (OpenZeppelin,
 * Bravo and Alpha alike require more For than Against).
 *
 * @example
 * decidedState({ status: "created", voteEnd: "10", forVotes: "1", againstVotes: "2" }, 5_000n) // "Defeated"
 */
export function decidedState(
  /** An indexed proposal: `voteEnd` is its deadline in force (extended or not). */
  proposal: { status: IndexedStatus; voteEnd: string; forVotes: string; againstVotes: string },
  now: bigint,
): "Canceled" | "Executed" | "Defeated" | undefined {
  if (proposal.status === "canceled") return "Canceled";
  if (proposal.status === "executed") return "Executed";
  if (proposal.status === "created" && BigInt(proposal.voteEnd) + tallySettledAfter < now) {
    if (BigInt(proposal.forVotes) <= BigInt(proposal.againstVotes)) return "Defeated";
  }
  return undefined;
}
