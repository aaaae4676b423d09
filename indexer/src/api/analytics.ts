/**
 * Governance health figures of one DAO, from the indexer's rows.
 *
 * Now: the distribution of every delegate's current voting power (account table), read at most once
 * per indexed block, in the background once there are figures to serve meanwhile (nowFigures). At a proposal's snapshot: the distribution is rebuilt by replaying the
 * token's DelegateVotesChanged events (each carries a delegate's new absolute power) up to the
 * snapshot — exactly what getPastVotes(delegate, snapshot) answers for every delegate the indexer
 * has seen. The replay runs forwards and is kept in memory per DAO, so each event is read once
 * however many page views ask; only a request for a snapshot older than the replay's position
 * starts it again. Figures of a snapshot the index has passed never change and are cached, and
 * {@link keepSnapshotFiguresWarm} computes them in the background as the index passes them, so a
 * page view finds them ready.
 */
import { db } from "ponder:api";
import { account, proposal, supplyChange, tokenSupply, voter, votingPowerChange } from "ponder:schema";
import { and, asc, count, desc, eq, gt, lt, lte, max, or } from "ponder";
import { type Concentration, concentration } from "../../../lib/analytics/concentration";
import type { IndexedDao } from "../../daos";
import { paged } from "./shared";

export type SnapshotFigures = Concentration & { totalSupply: bigint | undefined };
export type NowFigures = SnapshotFigures & { neverVotedPower: bigint; neverVotedDelegates: number };

type Replay = {
  /** Last event applied (block, log index), in chain order. */
  position: { block: bigint; logIndex: number } | undefined;
  /** Governor clock value of the last snapshot computed: events up to it are applied. */
  clock: bigint;
  powers: Map<string, bigint>;
  figures: Map<string, SnapshotFigures>;
  queue: Promise<unknown>;
};

const replays = new Map<string, Replay>();
const nowCache = new Map<string, NowEntry>();
const nowRefreshes = new Map<string, Promise<NowEntry>>();
/** Events read per query while replaying. */
const replayBatch = 5000;
/** Snapshot figures cached per DAO (beyond this the oldest go; a replay recomputes them). */
const maxCachedSnapshots = 5000;

const daoKey = (dao: IndexedDao) => `${dao.chainId}:${dao.governor}`;

/** The token's total supply at `timepoint` (block or timestamp), from its mint and burn history. */
async function supplyAt(dao: IndexedDao, timepoint: bigint): Promise<bigint | undefined> {
  const [row] = await db
    .select({ totalSupply: supplyChange.totalSupply })
    .from(supplyChange)
    .where(
      and(
        eq(supplyChange.chainId, dao.chainId),
        eq(supplyChange.token, dao.token),
        dao.timestampClock ? lte(supplyChange.timestamp, Number(timepoint)) : lte(supplyChange.block, timepoint),
      ),
    )
    .orderBy(desc(supplyChange.block), desc(supplyChange.logIndex))
    .limit(1);
  return row?.totalSupply;
}

/**
 * Figures at each snapshot in `snapshots` (proposal id → its snapshot timepoint), all of them in
 * the indexed past. Runs one replay at a time per DAO.
 */
export function snapshotFigures(
  dao: IndexedDao,
  snapshots: readonly { id: bigint; snapshot: bigint }[],
): Promise<Map<string, SnapshotFigures>> {
  const key = daoKey(dao);
  let replay = replays.get(key);
  if (replay === undefined) {
    replay = { position: undefined, clock: -1n, powers: new Map(), figures: new Map(), queue: Promise.resolve() };
    replays.set(key, replay);
  }
  const state = replay;
  const run = state.queue.then(() => computeSnapshots(dao, state, snapshots));
  state.queue = run.catch(() => undefined);
  return run;
}

async function computeSnapshots(
  dao: IndexedDao,
  replay: Replay,
  snapshots: readonly { id: bigint; snapshot: bigint }[],
): Promise<Map<string, SnapshotFigures>> {
  const result = new Map<string, SnapshotFigures>();
  const missing = snapshots
    .filter(({ id }) => {
      const cached = replay.figures.get(id.toString());
      if (cached !== undefined) result.set(id.toString(), cached);
      return cached === undefined;
    })
    .sort((a, b) => (a.snapshot < b.snapshot ? -1 : a.snapshot > b.snapshot ? 1 : 0));
  const first = missing[0];
  if (first === undefined) return result;
  if (first.snapshot < replay.clock) {
    // An older snapshot than the replay has passed: start again from the token's first event.
    replay.position = undefined;
    replay.clock = -1n;
    replay.powers.clear();
  }
  for (const { id, snapshot } of missing) {
    await applyEventsUpTo(dao, replay, snapshot);
    const figures: SnapshotFigures = {
      ...concentration(replay.powers.values()),
      totalSupply: await supplyAt(dao, snapshot),
    };
    if (replay.figures.size >= maxCachedSnapshots) {
      const oldest = replay.figures.keys().next().value;
      if (oldest !== undefined) replay.figures.delete(oldest);
    }
    replay.figures.set(id.toString(), figures);
    result.set(id.toString(), figures);
  }
  return result;
}

/** Applies every voting power change at or before `timepoint` not applied yet. */
async function applyEventsUpTo(dao: IndexedDao, replay: Replay, timepoint: bigint): Promise<void> {
  for (;;) {
    const after = replay.position;
    const rows = await db
      .select({
        block: votingPowerChange.block,
        logIndex: votingPowerChange.logIndex,
        delegate: votingPowerChange.delegate,
        newVotes: votingPowerChange.newVotes,
      })
      .from(votingPowerChange)
      .where(
        and(
          eq(votingPowerChange.chainId, dao.chainId),
          eq(votingPowerChange.token, dao.token),
          after === undefined
            ? undefined
            : or(
                gt(votingPowerChange.block, after.block),
                and(eq(votingPowerChange.block, after.block), gt(votingPowerChange.logIndex, after.logIndex)),
              ),
          dao.timestampClock
            ? lte(votingPowerChange.timestamp, Number(timepoint))
            : lte(votingPowerChange.block, timepoint),
        ),
      )
      .orderBy(asc(votingPowerChange.block), asc(votingPowerChange.logIndex))
      .limit(replayBatch);
    for (const row of rows) {
      if (row.newVotes > 0n) replay.powers.set(row.delegate, row.newVotes);
      else replay.powers.delete(row.delegate);
      replay.position = { block: row.block, logIndex: row.logIndex };
    }
    if (rows.length < replayBatch) break;
  }
  replay.clock = timepoint;
}

/** The current distribution's figures and the indexed clock they were computed at. */
export type NowEntry = { clock: bigint; figures: NowFigures; computedAt: number };

/**
 * How long the current distribution's figures may be served after the index has moved on. They
 * read every delegate's power: a page view waits for them only when there are none this recent,
 * otherwise it gets the last ones and a refresh starts in the background (one at a time per DAO).
 */
export const nowMaxAgeMs = 60_000;

/**
 * Figures of the current distribution, as of `clock` or of a clock at most {@link nowMaxAgeMs} old
 * (the entry says which), so a page view's cost does not grow with the number of delegates.
 */
export async function nowFigures(dao: IndexedDao, clock: bigint): Promise<NowEntry> {
  const key = daoKey(dao);
  const cached = nowCache.get(key);
  if (cached !== undefined && (cached.clock === clock || Date.now() - cached.computedAt < nowMaxAgeMs)) {
    if (cached.clock !== clock) refreshNow(dao, clock).catch(() => undefined);
    return cached;
  }
  return refreshNow(dao, clock);
}

function refreshNow(dao: IndexedDao, clock: bigint): Promise<NowEntry> {
  const key = daoKey(dao);
  const inFlight = nowRefreshes.get(key);
  if (inFlight !== undefined) return inFlight;
  const run = computeNow(dao)
    .then((figures) => {
      const entry = { clock, figures, computedAt: Date.now() };
      nowCache.set(key, entry);
      return entry;
    })
    .finally(() => nowRefreshes.delete(key));
  nowRefreshes.set(key, run);
  return run;
}

async function computeNow(dao: IndexedDao): Promise<NowFigures> {
  const [rows, [supply]] = await Promise.all([
    db
      .select({ votingPower: account.votingPower, voted: voter.address })
      .from(account)
      .leftJoin(
        voter,
        and(eq(voter.chainId, dao.chainId), eq(voter.governor, dao.governor), eq(voter.address, account.address)),
      )
      .where(and(eq(account.chainId, dao.chainId), eq(account.token, dao.token), gt(account.votingPower, 0n))),
    db
      .select({ totalSupply: tokenSupply.totalSupply })
      .from(tokenSupply)
      .where(and(eq(tokenSupply.chainId, dao.chainId), eq(tokenSupply.token, dao.token))),
  ]);
  let neverVotedPower = 0n;
  let neverVotedDelegates = 0;
  for (const row of rows) {
    if (row.voted !== null) continue;
    neverVotedPower += row.votingPower;
    neverVotedDelegates += 1;
  }
  const figures: NowFigures = {
    ...concentration(rows.map((row) => row.votingPower)),
    totalSupply: supply?.totalSupply,
    neverVotedPower,
    neverVotedDelegates,
  };
  return figures;
}

/** A page of the governor's proposals, newest first, with what turnout needs. */
export async function proposalPage(dao: IndexedDao, limit: number, offset: number) {
  const where = and(eq(proposal.chainId, dao.chainId), eq(proposal.governor, dao.governor));
  return paged(
    db
      .select({
        id: proposal.proposalId,
        title: proposal.title,
        status: proposal.status,
        voteStart: proposal.voteStart,
        voteEnd: proposal.voteEnd,
        extendedVoteEnd: proposal.extendedVoteEnd,
        createdBlock: proposal.createdBlock,
        createdTimestamp: proposal.createdTimestamp,
        forVotes: proposal.forVotes,
        againstVotes: proposal.againstVotes,
        abstainVotes: proposal.abstainVotes,
        voteCount: proposal.voteCount,
      })
      .from(proposal)
      .where(where)
      .orderBy(desc(proposal.createdBlock), desc(proposal.createdLogIndex))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(proposal).where(where),
  );
}

/** How often the snapshots the index has passed are brought into the cache. */
export const warmEveryMs = 30_000;

/** The latest clock value (block, or timestamp) of a power change the index holds for the DAO's token. */
async function latestIndexedChange(dao: IndexedDao): Promise<bigint | undefined> {
  const ofToken = and(eq(votingPowerChange.chainId, dao.chainId), eq(votingPowerChange.token, dao.token));
  // The block is the primary key's second column: its max() is read from the index's end.
  const [row] = dao.timestampClock
    ? await db
        .select({ latest: max(votingPowerChange.timestamp) })
        .from(votingPowerChange)
        .where(ofToken)
    : await db
        .select({ latest: max(votingPowerChange.block) })
        .from(votingPowerChange)
        .where(ofToken);
  return row?.latest === null || row?.latest === undefined ? undefined : BigInt(row.latest);
}

/**
 * Computes in the background, every 30 s, the figures of each proposal snapshot the index has passed
 * (a power change after it is indexed, so every one up to it is), oldest first: the replay then
 * moves forwards only, once through the token's history, instead of a page view doing it (7 s for a
 * cold page of the large DAO, past the app's 5 s wait) and a CSV export, which reads the pages
 * newest first, starting it again for every page.
 *
 * @example keepSnapshotFiguresWarm(indexedDaos); // in the API's entry module
 */
export function keepSnapshotFiguresWarm(daos: readonly IndexedDao[]): void {
  let running = false;
  const warm = async () => {
    if (running) return;
    running = true;
    try {
      for (const dao of daos) {
        const latest = await latestIndexedChange(dao);
        if (latest === undefined) continue;
        const passed = await db
          .select({ id: proposal.proposalId, snapshot: proposal.voteStart })
          .from(proposal)
          .where(
            and(eq(proposal.chainId, dao.chainId), eq(proposal.governor, dao.governor), lt(proposal.voteStart, latest)),
          )
          .orderBy(asc(proposal.voteStart));
        if (passed.length > 0) await snapshotFigures(dao, passed);
      }
    } catch (error) {
      console.warn(`[commons] could not compute the analytics of past snapshots: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  setInterval(() => void warm(), warmEveryMs).unref();
}
