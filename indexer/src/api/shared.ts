/**
 * What every area of the indexer API shares: the DAO of a route, how far the index has got, and
 * one shape for a page of a list.
 */
import { db } from "ponder:api";
import { proposal } from "ponder:schema";
import { count, desc, type sql } from "ponder";
import { daoBySlug, type IndexedDao } from "../../daos";
import { ParamError } from "./params";
import { type ApiContext, indexedHeads } from "./ponderStatus";

/** The configured DAO with this slug, else a 404. */
export function readDao(slug: string): IndexedDao {
  const dao = daoBySlug(slug);
  if (dao === undefined) throw new ParamError(`unknown DAO "${slug.slice(0, 60)}"`, 404);
  return dao;
}

/** The DAO governor's clock as far as the indexer has seen: the latest indexed block, or its timestamp. */
export async function indexedClock(c: ApiContext, dao: IndexedDao): Promise<bigint> {
  const head = (await indexedHeads(c)).get(dao.chainId);
  if (head === undefined) return 0n;
  return dao.timestampClock ? head.timestamp : head.block;
}

/**
 * A page of a list: its rows (the query already limited and offset) and the total of the whole
 * list, read at once.
 *
 * @example const { rows, total } = await paged(db.select().from(vote).where(where).limit(20), db.select({ value: count() }).from(vote).where(where));
 */
export async function paged<Row>(
  rows: PromiseLike<Row[]>,
  total: PromiseLike<{ value: number }[]>,
): Promise<{ rows: Row[]; total: number }> {
  const [list, [counted]] = await Promise.all([rows, total]);
  return { rows: list, total: counted?.value ?? 0 };
}

/** A page of the proposals matching `where`, newest first (the proposals list, a delegate record). */
export function newestProposals(where: ReturnType<typeof sql> | undefined, limit: number, offset: number) {
  return paged(
    db
      .select()
      .from(proposal)
      .where(where)
      .orderBy(desc(proposal.createdBlock), desc(proposal.createdLogIndex))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(proposal).where(where),
  );
}
