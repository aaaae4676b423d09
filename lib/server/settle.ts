/**
 * Runs a read a page can live without: its value, or the error (logged on the server with what
 * was being read, since RPC URLs may carry API keys and the page shows only a summary).
 */
import "server-only";

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * @example
 * const supply = await settle(readCalls(client, calls), `reading the total supply of "${slug}"`);
 * if (!supply.ok) return <ChainProblemAlert problem={describeChainProblem(supply.error)} />;
 */
export async function settle<T>(promise: Promise<T>, what: string): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    console.error(`[commons] ${what} failed:`, error);
    return { ok: false, error };
  }
}

/**
 * The value of a settled read, or null when it failed (already logged by `settle`).
 *
 * @example const clock = await settle(readClockContext(client, mode), what).then(valueOrNull);
 */
export function valueOrNull<T>(settled: Settled<T>): T | null {
  return settled.ok ? settled.value : null;
}

/**
 * A `.catch` handler for a store read a page can live without: logs what failed and stands in
 * "unavailable", which the page explains.
 *
 * @example const draft = await getStore().then((store) => getDraft(store, slug, id)).catch(unavailable("reading a draft"));
 */
export function unavailable(what: string): (error: unknown) => "unavailable" {
  return (error) => {
    console.error(`[commons] ${what} failed:`, error);
    return "unavailable";
  };
}
