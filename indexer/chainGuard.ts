/**
 * Keeps the indexer's stored data on the chain the RPC serves now. Ponder trusts two stores
 * blindly: its sync cache (`ponder_sync`: blocks and logs by chain id and block number, shared by
 * every schema in the database) and the indexed schema itself, whose rows up to Ponder's finalized
 * block (head − 30 on unknown chains) are never revisited. Both go stale when the chain behind an
 * id changes under them: a local chain restarted, a fork reset, or a reorg deeper than Ponder's
 * finality (Ponder then stops with "Encountered unrecoverable reorg").
 *
 * Before Ponder starts (indexer/supervise.ts), for each chain:
 *   1. its identity (genesis hash, and the hash of the block the DAOs start at) is compared with
 *      the one stored on the first start: a different chain drops the chain's whole sync cache;
 *   2. otherwise the cached blocks are compared with the chain's, by binary search (a block that
 *      matches vouches for every block below it), and every cached row above the highest block
 *      still on the chain is deleted, its cached intervals cut there;
 *   3. the indexed schema is dropped, so Ponder indexes again from the cleaned cache, when either
 *      found something stale or when Ponder reported a reorg it could not follow.
 * Each reset is said in one log line. Marks live in `commons_indexer.chain_marks`.
 */
import type { Hex } from "viem";

/** The little SQL the guard needs: PostgreSQL (pg) and PGlite both provide it. */
export type GuardDb = {
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
};

/** What the guard needs to ask the chain. */
export type ChainBlocks = {
  /** The hash of block `number` on the chain now, or null when the chain has no such block. */
  blockHash(number: bigint): Promise<Hex | null>;
};

export type GuardedChain = {
  chainId: number;
  /** The first block any source of this chain reads (its DAOs' and tokens' smallest start block). */
  startBlock: bigint;
  blocks: ChainBlocks;
};

/** Who a chain is: enough to tell a restarted chain or a reset fork from the one indexed before. */
export type ChainIdentity = { genesisHash: Hex; startBlock: bigint; startHash: Hex };

export type GuardReport = {
  chainId: number;
  /** What was reset and why, one line each, already logged. */
  resets: string[];
  /** The indexed schema was dropped (Ponder indexes again from block 0 of its sources). */
  droppedSchema: boolean;
};

const SYNC_SCOPE = "ponder_sync";

/** ponder_sync tables holding rows per (chain_id, block_number). */
const blockTables = [
  ["logs", "block_number"],
  ["transactions", "block_number"],
  ["transaction_receipts", "block_number"],
  ["traces", "block_number"],
  ["factory_addresses", "block_number"],
  ["rpc_request_results", "block_number"],
  ["blocks", "number"],
] as const;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function tableExists(db: GuardDb, schema: string, table: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>(
    "select exists (select 1 from information_schema.tables where table_schema = $1 and table_name = $2) as found",
    [schema, table],
  );
  return rows[0]?.found === true;
}

async function schemaExists(db: GuardDb, schema: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>(
    "select exists (select 1 from information_schema.schemata where schema_name = $1) as found",
    [schema],
  );
  return rows[0]?.found === true;
}

async function ensureMarks(db: GuardDb): Promise<void> {
  await db.query("create schema if not exists commons_indexer");
  await db.query(
    `create table if not exists commons_indexer.chain_marks (
       scope text not null,
       chain_id bigint not null,
       genesis_hash text not null,
       start_block bigint not null,
       start_hash text not null,
       primary key (scope, chain_id)
     )`,
  );
}

async function readMark(db: GuardDb, scope: string, chainId: number): Promise<ChainIdentity | undefined> {
  const { rows } = await db.query<{ genesis_hash: string; start_block: string; start_hash: string }>(
    "select genesis_hash, start_block::text as start_block, start_hash from commons_indexer.chain_marks where scope = $1 and chain_id = $2",
    [scope, chainId],
  );
  const row = rows[0];
  return row
    ? { genesisHash: row.genesis_hash as Hex, startBlock: BigInt(row.start_block), startHash: row.start_hash as Hex }
    : undefined;
}

async function writeMark(db: GuardDb, scope: string, chainId: number, identity: ChainIdentity): Promise<void> {
  await db.query(
    `insert into commons_indexer.chain_marks (scope, chain_id, genesis_hash, start_block, start_hash)
     values ($1, $2, $3, $4, $5)
     on conflict (scope, chain_id) do update
       set genesis_hash = excluded.genesis_hash, start_block = excluded.start_block, start_hash = excluded.start_hash`,
    [scope, chainId, identity.genesisHash, identity.startBlock.toString(), identity.startHash],
  );
}

/**
 * The chain's identity now: its genesis hash and the hash of `startBlock`.
 *
 * @example await chainIdentity(blocks, 12n) // { genesisHash: "0xab…", startBlock: 12n, startHash: "0xcd…" }
 */
export async function chainIdentity(blocks: ChainBlocks, startBlock: bigint): Promise<ChainIdentity> {
  const [genesisHash, startHash] = await Promise.all([blocks.blockHash(0n), blocks.blockHash(startBlock)]);
  if (!genesisHash) throw new Error("the chain has no genesis block");
  // A chain shorter than the start block (just restarted, not deployed yet) differs from one that has it.
  return { genesisHash, startBlock, startHash: startHash ?? "0x" };
}

/** Why two identities are not the same chain, or undefined when they are. */
function identityDifference(before: ChainIdentity, now: ChainIdentity): string | undefined {
  if (before.genesisHash !== now.genesisHash) {
    return `genesis ${now.genesisHash.slice(0, 10)}… ≠ ${before.genesisHash.slice(0, 10)}… indexed before`;
  }
  if (before.startBlock === now.startBlock && before.startHash !== now.startHash) {
    return `block ${now.startBlock} is ${now.startHash.slice(0, 10)}…, not ${before.startHash.slice(0, 10)}… indexed before`;
  }
  return undefined;
}

/**
 * The highest cached block of `chainId` that is still on the chain (undefined when none is), and
 * the lowest cached block that is not. A matching block vouches for all below it (each block
 * commits to its parent), so a binary search over the cached blocks asks the chain O(log n) times.
 *
 * @example await divergence(db, 31337, blocks) // { keptUpTo: 120n, firstStale: 125n }
 */
export async function divergence(
  db: GuardDb,
  chainId: number,
  blocks: ChainBlocks,
): Promise<{ keptUpTo: bigint | undefined; firstStale: bigint | undefined }> {
  if (!(await tableExists(db, SYNC_SCOPE, "blocks"))) return { keptUpTo: undefined, firstStale: undefined };
  const { rows } = await db.query<{ number: string; hash: string }>(
    "select number::text as number, hash from ponder_sync.blocks where chain_id = $1 order by number",
    [chainId],
  );
  const cached = rows.map((row) => ({ number: BigInt(row.number), hash: row.hash.toLowerCase() }));
  const matches = async (index: number) => {
    const block = cached[index];
    if (!block) return false;
    return (await blocks.blockHash(block.number))?.toLowerCase() === block.hash;
  };
  // Invariant: every index < low matches, every index >= high does not.
  let low = 0;
  let high = cached.length;
  if (high > 0 && (await matches(high - 1))) low = high;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (await matches(middle)) low = middle + 1;
    else high = middle;
  }
  return { keptUpTo: cached[low - 1]?.number, firstStale: cached[low]?.number };
}

/**
 * Deletes `chainId`'s cached sync rows above `keptUpTo` (all of them when undefined) and cuts its
 * cached intervals there, so Ponder fetches that range again.
 */
export async function resetSyncCache(db: GuardDb, chainId: number, keptUpTo: bigint | undefined): Promise<void> {
  const above = (keptUpTo ?? -1n).toString();
  for (const [table, column] of blockTables) {
    if (!(await tableExists(db, SYNC_SCOPE, table))) continue;
    await db.query(`delete from ponder_sync.${table} where chain_id = $1 and ${column} > $2`, [chainId, above]);
  }
  if (await tableExists(db, SYNC_SCOPE, "intervals")) {
    await db.query(
      `update ponder_sync.intervals
         set blocks = blocks * nummultirange(numrange(0, $2::numeric + 1, '[)'))
       where chain_id = $1`,
      [chainId, above],
    );
    await db.query("delete from ponder_sync.intervals where chain_id = $1 and isempty(blocks)", [chainId]);
  }
}

/** One chain's checks (see the module comment): what it reset, and why the schema must go, if it must. */
async function guardChain(
  db: GuardDb,
  schema: string,
  chain: GuardedChain,
): Promise<{ resets: string[]; dropReason: string | undefined }> {
  const resets: string[] = [];
  const identity = await chainIdentity(chain.blocks, chain.startBlock);
  const syncMark = await readMark(db, SYNC_SCOPE, chain.chainId);
  const syncDifference = syncMark && identityDifference(syncMark, identity);
  if (syncDifference) {
    await resetSyncCache(db, chain.chainId, undefined);
    resets.push(
      `chain ${chain.chainId} is not the chain indexed before (${syncDifference}): dropped its cached blocks and logs`,
    );
  } else {
    const { keptUpTo, firstStale } = await divergence(db, chain.chainId, chain.blocks);
    if (firstStale !== undefined) {
      await resetSyncCache(db, chain.chainId, keptUpTo);
      resets.push(
        `chain ${chain.chainId} no longer has cached block ${firstStale} (a reorg or a restarted chain): dropped its cached blocks and logs above ${keptUpTo ?? "its start"}`,
      );
    }
  }
  await writeMark(db, SYNC_SCOPE, chain.chainId, identity);

  const schemaMark = await readMark(db, schema, chain.chainId);
  const schemaDifference = schemaMark && identityDifference(schemaMark, identity);
  await writeMark(db, schema, chain.chainId, identity);
  if (schemaDifference)
    return { resets, dropReason: `chain ${chain.chainId} is not the chain it indexed (${schemaDifference})` };
  if (resets.length > 0)
    return { resets, dropReason: `it holds events of chain ${chain.chainId} that are no longer on it` };
  return { resets, dropReason: undefined };
}

/**
 * Makes the stored data fit the chains the RPCs serve now (see the module comment). `forceSchemaDrop`
 * is for a reorg Ponder reported it could not follow: its finalized rows are stale even when the
 * sync cache is not (a local chain's newest blocks are never cached).
 *
 * @example
 * await guardChains(db, { schema: "commons_1", chains, log: console.log });
 */
export async function guardChains(
  db: GuardDb,
  options: {
    schema: string;
    chains: readonly GuardedChain[];
    log: (line: string) => void;
    forceSchemaDrop?: string;
  },
): Promise<GuardReport[]> {
  await ensureMarks(db);
  const reports: GuardReport[] = [];
  let dropReason = options.forceSchemaDrop;
  for (const chain of options.chains) {
    try {
      const checked = await guardChain(db, options.schema, chain);
      dropReason ??= checked.dropReason;
      for (const line of checked.resets) options.log(`[commons] ${line}`);
      reports.push({ chainId: chain.chainId, resets: checked.resets, droppedSchema: false });
    } catch (error) {
      // Ponder will say why the chain cannot be read; its stored data is checked on the next start.
      options.log(
        `[commons] could not check chain ${chain.chainId} against the stored data: ${(error as Error).message}`,
      );
    }
  }
  if (dropReason !== undefined && (await schemaExists(db, options.schema))) {
    await db.query(`drop schema ${quoteIdent(options.schema)} cascade`);
    options.log(`[commons] dropped the indexed schema "${options.schema}" (${dropReason}): indexing again`);
    for (const report of reports) report.droppedSchema = true;
  }
  return reports;
}
