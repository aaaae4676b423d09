/**
 * Writing to the app's store (drafts, delegate statements) needs a stake in the DAO: a balance of
 * its voting token or voting power now. Throwaway wallets cost nothing to make, tokens do, so this
 * bounds what strangers can store far better than any per-address cap.
 *
 * No `server-only` guard (tested by vitest); the app's chain read is `chainHasStake` in
 * ./chainReads.ts.
 */
import type { Address } from "viem";
import { jsonError } from "./http";

/** Whether `address` holds the DAO's token or has voting power now; throws when the chain cannot say. */
export type HasStake = (slug: string, address: Address) => Promise<boolean>;

/**
 * Nothing when `address` has a stake in the DAO; else the Response to return: 403 naming the
 * rule, or 503 when the chain did not answer.
 *
 * @example
 * const noStake = await requireStake(deps.hasStake, slug, session.address);
 * if (noStake) return noStake;
 */
export async function requireStake(hasStake: HasStake, slug: string, address: Address): Promise<Response | undefined> {
  let stake: boolean;
  try {
    stake = await hasStake(slug, address);
  } catch (error) {
    console.error(`[commons] reading the stake of ${address} in "${slug}" failed:`, error);
    return jsonError(503, "The DAO's chain did not answer, so your token balance could not be checked. Try again.");
  }
  if (stake) return undefined;
  return jsonError(
    403,
    `Only holders of the DAO's token or delegates with voting power can save here; ${address} has neither on chain.`,
  );
}
