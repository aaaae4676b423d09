/**
 * The data of one page of the proposals list: proposals from the indexer, each with its live
 * state and quorum from the chain (one multicall per batch), and the clock to date deadlines.
 *
 * Filtering by state: the state is live (the indexer only knows what events said), so a filtered
 * page is found by scanning the indexer's list newest first in batches of 100, skipping proposals
 * whose indexed status rules the filter out (`mayMatchFilter`), reading the rest from the chain in
 * one multicall per batch, and keeping those whose live state matches. The scan stops once it has
 * the page (plus one, to know there is a next page), or after `scanLimit` proposals, so a DAO with
 * thousands of proposals costs at most 10 indexer pages and 10 multicalls per request; beyond
 * that the page says which proposals were checked. (An indexer filter on indexed status and
 * deadline would narrow the candidates before they are fetched; see the report of issue 3.)
 */
import "server-only";
import { type ChainProblem, describeChainProblem } from "@/lib/chain/chainErrors";
import { type ClockContext, readClockContext } from "@/lib/chain/clock";
import {
  type LiveProposal,
  matchesFilter,
  mayMatchFilter,
  type ProposalStateFilter,
  readProposalsLive,
} from "@/lib/chain/proposalStates";
import { getPublicClient } from "@/lib/chain/publicClient";
import { adapterOf } from "@/lib/governor/writeDao";
import type { IndexedProposal } from "@/lib/indexer/types";
import { getIndexer } from "@/lib/server/indexer";
import type { LoadedDao } from "@/lib/server/loadDao";

export const PAGE_SIZE = 20;
/** Proposals fetched from the indexer per scan step (the indexer's largest page). */
export const scanBatch = 100;
/** Most proposals a filtered page looks through. */
export const scanLimit = 1_000;

export type UsableDao = Extract<LoadedDao, { status: "ready" | "chainUnreachable" }>;

export type ProposalRowData = { proposal: IndexedProposal; live: LiveProposal };

export type ProposalRowsResult = {
  rows: ProposalRowData[];
  /** Total matching proposals, when known (always without a filter; with one, when the scan saw them all). */
  total: number | null;
  hasNext: boolean;
  /** Why the chain could not be read (states and quorums unknown, no filtering possible); null when it was. */
  chainProblem: ChainProblem | null;
  /** A filtered scan stopped at `scanLimit` before the end of the list. */
  scanTruncated: boolean;
  /** For dating deadlines; null when the chain did not answer. */
  clock: ClockContext | null;
};

const unknownLive: LiveProposal = { state: undefined, quorum: undefined };

function liveInputs(items: IndexedProposal[]) {
  return items.map((proposal) => ({ id: BigInt(proposal.id), snapshot: BigInt(proposal.voteStart) }));
}

async function readClock(loaded: UsableDao): Promise<ClockContext | null> {
  if (loaded.status !== "ready") return null;
  try {
    return await readClockContext(getPublicClient(loaded.config), loaded.dao.clockMode);
  } catch (error) {
    console.error(`[commons] reading the clock of "${loaded.config.slug}" failed:`, error);
    return null;
  }
}

function chainProblemOf(loaded: UsableDao, error: unknown): ChainProblem {
  // The RPC URL may carry an API key: details go to the server log; the page gets a summary.
  console.error(`[commons] reading live proposal data of "${loaded.config.slug}" failed:`, error);
  return describeChainProblem(error);
}

/** One page of all proposals (the indexer paginates), with live data for its rows. */
async function allRows(loaded: UsableDao, page: number, q: string): Promise<ProposalRowsResult> {
  const result = await getIndexer().listProposals(loaded.config.slug, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    q: q || undefined,
  });
  let chainProblem: ChainProblem | null = loaded.status === "ready" ? null : loaded.problem;
  const [clock, live] = await Promise.all([
    readClock(loaded),
    loaded.status === "ready"
      ? readProposalsLive(getPublicClient(loaded.config), adapterOf(loaded.dao), liveInputs(result.items)).catch(
          (error: unknown) => {
            chainProblem = chainProblemOf(loaded, error);
            return null;
          },
        )
      : null,
  ]);
  return {
    rows: result.items.map((proposal, index) => ({ proposal, live: live?.[index] ?? unknownLive })),
    total: result.total,
    hasNext: page * PAGE_SIZE < result.total,
    chainProblem: live === null ? chainProblem : null,
    scanTruncated: false,
    clock,
  };
}

/** One page of the proposals whose live state is in `filter`, found by a bounded scan. */
async function filteredRows(
  loaded: Extract<UsableDao, { status: "ready" }>,
  filter: ProposalStateFilter,
  page: number,
  q: string,
): Promise<ProposalRowsResult> {
  const client = getPublicClient(loaded.config);
  const adapter = adapterOf(loaded.dao);
  const clockPromise = readClock(loaded);
  const wanted = page * PAGE_SIZE + 1;
  const matches: ProposalRowData[] = [];
  let offset = 0;
  let total = Number.POSITIVE_INFINITY;
  // Sequential on purpose: most filtered pages are found in the first batch or two, and each
  // step decides whether the next is needed.
  while (matches.length < wanted && offset < total && offset < scanLimit) {
    const batch = await getIndexer().listProposals(loaded.config.slug, {
      limit: scanBatch,
      offset,
      q: q || undefined,
    });
    total = batch.total;
    if (batch.items.length === 0) break;
    offset += batch.items.length;
    const candidates = batch.items.filter((proposal) => mayMatchFilter(filter, proposal.status));
    let live: LiveProposal[];
    try {
      live = await readProposalsLive(client, adapter, liveInputs(candidates));
    } catch (error) {
      const chainProblem = chainProblemOf(loaded, error);
      return { rows: [], total: null, hasNext: false, chainProblem, scanTruncated: false, clock: null };
    }
    candidates.forEach((proposal, index) => {
      const values = live[index] ?? unknownLive;
      if (matchesFilter(filter, values.state)) matches.push({ proposal, live: values });
    });
  }
  const complete = offset >= total;
  return {
    rows: matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: complete ? matches.length : null,
    hasNext: matches.length > page * PAGE_SIZE,
    chainProblem: null,
    scanTruncated: !complete && matches.length < wanted,
    clock: await clockPromise,
  };
}

/**
 * Throws the indexer's errors (the caller says what went wrong); a chain that does not answer is
 * reported as `chainProblem` instead.
 *
 * @example const { rows, total, hasNext } = await proposalRows(loaded, "active", 1, "");
 */
export async function proposalRows(
  loaded: UsableDao,
  filter: ProposalStateFilter | undefined,
  page: number,
  q: string,
): Promise<ProposalRowsResult> {
  if (!filter) return allRows(loaded, page, q);
  if (loaded.status !== "ready") {
    return { rows: [], total: null, hasNext: false, chainProblem: loaded.problem, scanTruncated: false, clock: null };
  }
  return filteredRows(loaded, filter, page, q);
}
