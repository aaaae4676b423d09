/**
 * Treasury token discovery: every non-zero ERC20 Transfer to a DAO's treasury records the token
 * (first and last block, number of transfers in). Balances are not kept here; the app reads them
 * live from the chain.
 */
import { ponder } from "ponder:registry";
import { treasuryToken } from "ponder:schema";

ponder.on("TreasuryToken:Transfer", async ({ event, context }) => {
  // Zero-value transfers are how address-poisoning spam looks; they prove no holding.
  if (event.args.value === 0n) return;
  await context.db
    .insert(treasuryToken)
    .values({
      chainId: context.chain.id,
      treasury: event.args.to,
      token: event.log.address,
      firstBlock: event.block.number,
      firstTx: event.transaction.hash,
      lastBlock: event.block.number,
      transfersIn: 1,
    })
    .onConflictDoUpdate((row) => ({ lastBlock: event.block.number, transfersIn: row.transfersIn + 1 }));
});
