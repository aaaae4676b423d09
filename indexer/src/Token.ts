/**
 * Voting-token event handlers: balances (Transfer), delegation (DelegateChanged) and voting power
 * (DelegateVotesChanged, with one history row per change). Rows are keyed by chain id + token, so
 * every DAO using the token reads the same accounts. Two sources share them: Token (ERC20Votes and
 * COMP-style tokens, Transfer moves `value`) and NftToken (ERC721Votes, Transfer moves one NFT).
 */
import { type Context, type Event, ponder } from "ponder:registry";
import {
  account,
  delegateTally,
  delegationChange,
  powerCrossing,
  supplyChange,
  tokenSupply,
  votingPowerChange,
} from "ponder:schema";
import { type Address, zeroAddress } from "viem";

type AccountKey = { chainId: number; token: Address; address: Address };

/**
 * An account the indexer meets for the first time starts empty: the token source starts at the
 * token's own first block (see daos.ts), so every earlier balance and delegation is in the logs
 * already. Nothing is read from the chain, so a node without old state serves the whole backfill.
 */
async function ensureAccount(context: Context, key: AccountKey): Promise<void> {
  await context.db
    .insert(account)
    .values({ ...key, balance: 0n, delegate: null, votingPower: 0n, delegatorsCount: 0 })
    .onConflictDoNothing();
}

type AccountRow = typeof account.$inferSelect;

/** Listed as a delegate: what the delegates list filters on and `delegate_tally` counts. */
const isDelegate = (row: Pick<AccountRow, "votingPower" | "delegatorsCount">) =>
  row.votingPower > 0n || row.delegatorsCount > 0;

/** Changes a delegate's power or delegators, keeping the token's count of delegates. */
async function updateDelegate(context: Context, key: AccountKey, change: (row: AccountRow) => Partial<AccountRow>) {
  const before = await context.db.find(account, key);
  if (before === null) {
    await context.db
      .insert(account)
      .values({ ...key, balance: 0n, delegate: null, votingPower: 0n, delegatorsCount: 0 });
  }
  // Read before the update: Ponder's cache updates the row `find` returned in place.
  const was = before !== null && isDelegate(before);
  const after = await context.db.update(account, key).set(change);
  if (was === isDelegate(after)) return;
  const delta = was ? -1 : 1;
  await context.db
    .insert(delegateTally)
    .values({ chainId: key.chainId, token: key.token, delegates: delta })
    .onConflictDoUpdate((row) => ({ delegates: row.delegates + delta }));
}

function accountKey(context: Context, event: { log: { address: Address } }, address: Address): AccountKey {
  return { chainId: context.chain.id, token: event.log.address, address };
}

/** A mint (+) or burn (−) moves the token's total supply; one history row per change. */
async function changeSupply(
  context: Context,
  event: { log: { address: Address; logIndex: number }; block: { number: bigint; timestamp: bigint } },
  delta: bigint,
) {
  const key = { chainId: context.chain.id, token: event.log.address };
  const row = await context.db
    .insert(tokenSupply)
    .values({ ...key, totalSupply: delta > 0n ? delta : 0n })
    .onConflictDoUpdate((current) => {
      const next = current.totalSupply + delta;
      return { totalSupply: next > 0n ? next : 0n };
    });
  await context.db.insert(supplyChange).values({
    ...key,
    block: event.block.number,
    logIndex: event.log.logIndex,
    totalSupply: row.totalSupply,
    timestamp: Number(event.block.timestamp),
  });
}

/** Moves `amount` of balance from `from` to `to` (the zero address mints or burns). */
async function transfer(
  context: Context,
  event: { log: { address: Address; logIndex: number }; block: { number: bigint; timestamp: bigint } },
  from: Address,
  to: Address,
  amount: bigint,
) {
  if (from === zeroAddress && to !== zeroAddress) await changeSupply(context, event, amount);
  if (to === zeroAddress && from !== zeroAddress) await changeSupply(context, event, -amount);
  if (from !== zeroAddress) {
    const key = accountKey(context, event, from);
    await ensureAccount(context, key);
    // Never below zero, even if a tokenStartBlock set too late hid the account's earlier receipts.
    await context.db.update(account, key).set((row) => ({ balance: row.balance > amount ? row.balance - amount : 0n }));
  }
  if (to !== zeroAddress) {
    const key = accountKey(context, event, to);
    await ensureAccount(context, key);
    await context.db.update(account, key).set((row) => ({ balance: row.balance + amount }));
  }
}

async function delegateChanged(
  event: Event<"Token:DelegateChanged"> | Event<"NftToken:DelegateChanged">,
  context: Context,
) {
  const { delegator, fromDelegate, toDelegate } = event.args;
  const delegatorKey = accountKey(context, event, delegator);
  await ensureAccount(context, delegatorKey);
  await context.db.update(account, delegatorKey).set({ delegate: toDelegate === zeroAddress ? null : toDelegate });
  if (fromDelegate !== zeroAddress) {
    await updateDelegate(context, accountKey(context, event, fromDelegate), (row) => ({
      delegatorsCount: Math.max(0, row.delegatorsCount - 1),
    }));
  }
  if (toDelegate !== zeroAddress) {
    await updateDelegate(context, accountKey(context, event, toDelegate), (row) => ({
      delegatorsCount: row.delegatorsCount + 1,
    }));
  }
  await context.db.insert(delegationChange).values({
    chainId: context.chain.id,
    token: event.log.address,
    block: event.block.number,
    logIndex: event.log.logIndex,
    delegator,
    fromDelegate,
    toDelegate,
    timestamp: Number(event.block.timestamp),
    tx: event.transaction.hash,
  });
}

async function delegateVotesChanged(
  event: Event<"Token:DelegateVotesChanged"> | Event<"NftToken:DelegateVotesChanged">,
  context: Context,
) {
  const { delegate, previousVotes, newVotes } = event.args;
  // newVotes is absolute: voting power is exact even when earlier history was never indexed.
  await updateDelegate(context, accountKey(context, event, delegate), () => ({ votingPower: newVotes }));
  const change = {
    chainId: context.chain.id,
    token: event.log.address,
    block: event.block.number,
    logIndex: event.log.logIndex,
    delegate,
    previousVotes,
    newVotes,
    timestamp: Number(event.block.timestamp),
  };
  await context.db.insert(votingPowerChange).values({ ...change, tx: event.transaction.hash });
  // Between zero and non-zero: also a crossing (participation's stretches of power).
  if ((previousVotes === 0n) !== (newVotes === 0n)) await context.db.insert(powerCrossing).values(change);
}

ponder.on("Token:Transfer", async ({ event, context }) => {
  await transfer(context, event, event.args.from, event.args.to, event.args.value);
});

ponder.on("Token:DelegateChanged", async ({ event, context }) => {
  await delegateChanged(event, context);
});

ponder.on("Token:DelegateVotesChanged", async ({ event, context }) => {
  await delegateVotesChanged(event, context);
});

// ERC721Votes: each Transfer moves one NFT, i.e. one vote's worth of balance.
ponder.on("NftToken:Transfer", async ({ event, context }) => {
  await transfer(context, event, event.args.from, event.args.to, 1n);
});

ponder.on("NftToken:DelegateChanged", async ({ event, context }) => {
  await delegateChanged(event, context);
});

ponder.on("NftToken:DelegateVotesChanged", async ({ event, context }) => {
  await delegateVotesChanged(event, context);
});
