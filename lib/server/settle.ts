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
