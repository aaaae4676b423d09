/** The app's delegate-statement routes and reads (see ./statements.ts). */
import "server-only";
import type { Address } from "viem";
import type { Statement } from "../../statements/statement";
import { rateLimit } from "../appRateLimit";
import { auth } from "../auth";
import { chainHasStake } from "../chainReads";
import { getDaoConfig } from "../daos";
import { getStore } from "../store";
import { getStatement, getStatementSummaries, statementRoutes } from "./statements";

export const statements = statementRoutes({
  store: getStore,
  auth,
  daoExists: (slug) => getDaoConfig(slug) !== undefined,
  hasStake: chainHasStake,
  rateLimit,
});

/**
 * For pages: the statement, or "unavailable" when the store cannot be read (the page still renders).
 *
 * @example const statement = await readStatement("commons", address);
 */
export async function readStatement(dao: string, address: Address): Promise<Statement | null | "unavailable"> {
  try {
    return (await getStatement(await getStore(), dao, address)) ?? null;
  } catch (error) {
    console.error(`[commons] reading the statement of ${address} in "${dao}" failed:`, error);
    return "unavailable";
  }
}

/** For the directory: summaries by lowercase address; empty when the store cannot be read. */
export async function readStatementSummaries(dao: string, addresses: string[]): Promise<Map<string, string>> {
  try {
    return await getStatementSummaries(await getStore(), dao, addresses);
  } catch (error) {
    console.error(`[commons] reading statement summaries of "${dao}" failed:`, error);
    return new Map();
  }
}
