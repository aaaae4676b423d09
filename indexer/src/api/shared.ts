/**
 * What every area of the indexer API shares: the DAO of a route, how far the index has got, and
 * one shape for a page of a list.
 */
import { db } from "ponder:api";
import { proposal } from "ponder:schema";
import { count, desc, sql } from "ponder";
import { daoBySlug, type IndexedDao } from "../../daos";
import { ParamError } from "./params";

/** The configured DAO with this slug, else a 404. */
export function readDao(slug: string): IndexedDao {
  const dao = daoBySlug(slug);
  if (dao === undefined) throw new ParamError(`unknown DAO "${slug.slice(0, 60)}"`, 404);
  return dao;
}

type IndexedHead = { block: bigint; timestamp: bigint };

/** The latest block (number and timestamp) Ponder has indexed per chain id, from its own checkpoint table. */
export async function indexedHeads(): Promise<Map<number, IndexedHead>> {
  // Ponder builds every table in the `--schema` it runs with; its checkpoint table lives there too.
  const schemaName = (proposal as unknown as Record<symbol, string | undefined>)[Symbol.for("drizzle:Schema")];
  const table = schemaName
    ? sql`${sql.identifier(schemaName)}.${sql.identifier("_ponder_checkpoint")}`
    : sql.identifier("_ponder_checkpoint");
  const result = await db.execute(sql`select chain_id, latest_checkpoint from ${table}`);
  const rows = (result as unknown as { rows: { chain_id: string | number; latest_checkpoint: string }[] }).rows;
  // A checkpoint is zero-padded decimal fields: timestamp (10), chain id (16), block number (16), …
  return new Map(
    rows.map((row) => [
      Number(row.chain_id),
      {
        block: BigInt(row.latest_checkpoint.slice(26, 42)),
        timestamp: BigInt(row.latest_checkpoint.slice(0, 10)),
      },
    ]),
  );
}

/** The DAO governor's clock as far as the indexer has seen: the latest indexed block, or its timestamp. */
export async function indexedClock(dao: IndexedDao): Promise<bigint> {
  const head = (await indexedHeads()).get(dao.chainId);
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
