/**
 * What a DAO page needs to render, with every failure turned into a state the page can show:
 * a config that is wrong (the error names the field), a chain that does not answer (the page
 * still lists proposals from the indexer, with live states unknown), or an unknown slug.
 * Deduplicated per request, so a layout and its page share one probe.
 */
import "server-only";
import { cache } from "react";
import { type ChainProblem, ChainProblemError, describeChainProblem } from "../chain/chainErrors";
import { ConfigError } from "../config/ConfigError";
import type { ResolvedDao } from "../config/resolveDao";
import type { DaoConfig } from "../config/schema";
import { getDao, getDaoConfig } from "./daos";

export type LoadedDao =
  | { status: "ready"; config: DaoConfig; dao: ResolvedDao }
  | { status: "chainUnreachable"; config: DaoConfig; reason: string; problem: ChainProblem }
  | { status: "misconfigured"; error: ConfigError }
  | { status: "notFound" };

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

/**
 * @example
 * const loaded = await loadDao("commons");
 * if (loaded.status === "ready") loaded.dao.tokenSymbol;
 */
export const loadDao = cache(async (slug: string): Promise<LoadedDao> => {
  let config: DaoConfig | undefined;
  try {
    config = getDaoConfig(slug);
  } catch (error) {
    if (error instanceof ConfigError) return { status: "misconfigured", error };
    throw error;
  }
  if (!config) return { status: "notFound" };
  try {
    const dao = await getDao(slug);
    if (!dao) return { status: "notFound" };
    return { status: "ready", config, dao };
  } catch (error) {
    // rpcUrl "did not answer" may be a typo or an outage; either way the indexer's data can
    // still be shown. Any other ConfigError means the config is wrong and names what to fix.
    if (error instanceof ConfigError && error.field !== "rpcUrl") return { status: "misconfigured", error };
    return { status: "chainUnreachable", config, reason: firstLine(error), problem: describeChainProblem(error) };
  }
});

/**
 * Why a DAO that is not ready cannot read its chain, as an error for pages that settle reads
 * (describeChainProblem turns it back into the same problem).
 *
 * @example const live = loaded.status === "ready" ? await settle(read(), what) : { ok: false, error: loadedProblem(loaded) };
 */
export function loadedProblem(loaded: LoadedDao): Error {
  if (loaded.status === "chainUnreachable") return new ChainProblemError(loaded.problem);
  return new Error("the DAO is not ready");
}

/**
 * Why a DAO's chain cannot be read, for pages that need it for everything.
 *
 * @example if (loaded.status !== "ready") return <ChainProblemAlert problem={problemOf(loaded)}>…</ChainProblemAlert>;
 */
export function problemOf(loaded: LoadedDao): ChainProblem {
  return loaded.status === "chainUnreachable"
    ? loaded.problem
    : { kind: "unknown", title: "Reading the chain failed", detail: "see the server log" };
}
