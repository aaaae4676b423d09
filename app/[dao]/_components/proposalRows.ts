/**
 * The data of one page of the proposals list: proposals from the indexer, each with its live
 * state and quorum from the chain (one multicall per batch), and the clock to date deadlines.
 *
 * Filtering by state: the state is live (the indexer only knows what events said), so the indexer
 * narrows the list to the filter's candidates at the chain's clock (terminal events, deadline
 * arithmetic and tallies, see indexer/src/api/stateCandidates.ts), newest first. Candidates whose
 * state is decided without the chain (`decidedState`: canceled, executed, defeated on the tallies)
 * are not read; the undecided rest is, in one multicall per batch, and kept when its live state
 * matches. Candidates nearly always match, so a page is usually one indexer request and one
 * multicall whatever the DAO's size; a deep page scans the candidates before it (up to `scanLimit`,
 * beyond which the page says which proposals were checked). Executed proposals are all decided,
 * so their pages are read directly.
 */
import "server-only";
import { type ChainProblem, describeChainProblem } from "@/lib/chain/chainErrors";
import { type ClockContext, readClockContext } from "@/lib/chain/clock";
import {
  decidedState,
  type LiveProposal,
  matchesFilter,
  type ProposalState,
  type ProposalStateFilter,
  readProposalsLive,
} from "@/lib/chain/proposalStates";
import { getPublicClient } from "@/lib/chain/publicClient";
import { adapterOf } from "@/lib/governor/writeDao";
import { IndexerResponseError, IndexerUnavailableError } from "@/lib/indexer/client";
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

const clockNow = (clock: ClockContext) => (clock.mode === "timestamp" ? clock.headTimestamp : clock.headBlock);

type Match = { proposal: IndexedProposal; state: ProposalState | undefined; quorum: bigint | undefined };

/**
 * Scans the filter's candidates newest first until the page (plus one) is found. Each batch is
 * one multicall: the live state of the undecided candidates and the quorum of every candidate
 * that may be shown (undecided, or decided in the filter), so the page needs no further read.
 */
async function scanCandidates(
  loaded: Extract<UsableDao, { status: "ready" }>,
  filter: ProposalStateFilter,
  page: number,
  q: string,
  now: bigint,
): Promise<{ matches: Match[]; complete: boolean; total: number | null }> {
  const client = getPublicClient(loaded.config);
  const adapter = adapterOf(loaded.dao);
  const list = (limit: number, offset: number) =>
    getIndexer().listProposals(loaded.config.slug, { limit, offset, q: q || undefined, state: filter, clock: now });
  const wanted = page * PAGE_SIZE + 1;
  const skipped = (page - 1) * PAGE_SIZE;
  const matches: Match[] = [];
  let offset = 0;
  let total = Number.POSITIVE_INFINITY;
  if (filter === "executed") {
    // Every candidate is decided (the index saw it executed): the page is read directly.
    offset = skipped;
    matches.length = skipped;
  }
  // Sequential on purpose: a page is nearly always found in the first batch.
  while (matches.length < wanted && offset < total && offset < scanLimit) {
    // Twice what is missing: candidates nearly always match, and one batch is one request.
    const limit = Math.min(scanBatch, Math.max(PAGE_SIZE + 1, 2 * (wanted - matches.length)));
    const batch = await list(filter === "executed" ? PAGE_SIZE + 1 : limit, offset);
    total = batch.total;
    if (batch.items.length === 0) break;
    offset += batch.items.length;
    const candidates = batch.items.map((proposal) => ({ proposal, decided: decidedState(proposal, now) }));
    // Rows before the page need only their state; the page's rows, their quorum too.
    const needsRead = candidates.filter(
      ({ decided }, index) =>
        decided === undefined || (matchesFilter(filter, decided) && matches.length + index >= skipped),
    );
    const live = await readProposalsLive(client, adapter, liveInputs(needsRead.map(({ proposal }) => proposal)));
    const liveOf = new Map(needsRead.map(({ proposal }, index) => [proposal.id, live[index]]));
    for (const { proposal, decided } of candidates) {
      const read = liveOf.get(proposal.id);
      const state = decided ?? read?.state;
      if (matchesFilter(filter, state)) matches.push({ proposal, state, quorum: read?.quorum });
    }
  }
  const complete = offset >= total;
  return { matches, complete, total: complete ? matches.length : filter === "executed" ? total : null };
}

/** One page of the proposals whose live state is in `filter`, from the indexer's candidates. */
async function filteredRows(
  loaded: Extract<UsableDao, { status: "ready" }>,
  filter: ProposalStateFilter,
  page: number,
  q: string,
): Promise<ProposalRowsResult> {
  const clock = await readClock(loaded);
  const failed = (error: unknown, at: ClockContext | null): ProposalRowsResult => ({
    rows: [],
    total: null,
    hasNext: false,
    chainProblem: chainProblemOf(loaded, error),
    scanTruncated: false,
    clock: at,
  });
  if (clock === null) return failed(new Error("the chain's head block could not be read"), null);
  let scan: Awaited<ReturnType<typeof scanCandidates>>;
  try {
    scan = await scanCandidates(loaded, filter, page, q, clockNow(clock));
  } catch (error) {
    if (error instanceof IndexerUnavailableError || error instanceof IndexerResponseError) throw error;
    return failed(error, clock);
  }
  const shown = scan.matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const hasNext = filter === "executed" ? page * PAGE_SIZE < (scan.total ?? 0) : scan.matches.length > page * PAGE_SIZE;
  return {
    rows: shown.map((row) => ({ proposal: row.proposal, live: { state: row.state, quorum: row.quorum } })),
    total: scan.total,
    hasNext,
    chainProblem: null,
    scanTruncated: !scan.complete && scan.matches.length < page * PAGE_SIZE + 1,
    clock,
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
