/**
 * JSON-RPC to the simulation fork (a local anvil): one request, its result, or a ForkRpcError
 * carrying the node's code, message and data (revert data, or the upstream RPC's complaint when
 * anvil could not fetch state from it).
 */

/** The fork answered with a JSON-RPC error. */
export class ForkRpcError extends Error {
  override name = "ForkRpcError";
  constructor(
    readonly method: string,
    readonly code: number,
    readonly rpcMessage: string,
    readonly data?: unknown,
  ) {
    super(`${method}: ${rpcMessage} (code ${code})`);
  }
}

/** Calls one method on the fork. */
export type ForkRpc = <T = unknown>(method: string, params?: readonly unknown[]) => Promise<T>;

/**
 * @example
 * const rpc = forkRpc(fork.url);
 * const head = await rpc<string>("eth_blockNumber");
 */
export function forkRpc(url: string, timeoutMs = 30_000): ForkRpc {
  let id = 0;
  return async <T>(method: string, params: readonly unknown[] = []): Promise<T> => {
    id += 1;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id, method, params }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: { result?: T; error?: { code: number; message: string; data?: unknown } };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${method}: the fork answered HTTP ${response.status} with something that is not JSON`);
    }
    if (body.error) throw new ForkRpcError(method, body.error.code, body.error.message, body.error.data);
    return body.result as T;
  };
}
