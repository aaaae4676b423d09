/**
 * Why a simulation did not run, in the words a page shows: anvil missing on this platform, the
 * DAO's RPC refusing, rate-limiting or not keeping the state a fork needs (classified by
 * lib/chain/chainErrors, the same words as every page), anvil failing to fork, a full queue, a
 * deadline passed. RPC URLs are cut to their host everywhere: many carry an API key.
 *
 * No `server-only` guard: pure, tested by vitest.
 */
import { HttpRequestError } from "viem";
import { ChainUnreachableError, classifyChainError, describeChainProblem, hostOf } from "../../chain/chainErrors";
import type { SimulationProblem } from "../../simulation/types";
import { AnvilMissingError, ForkStartError } from "./anvilFork";
import { SimulationBusyError, SimulationTimeoutError } from "./forkManager";
import { ForkRpcError } from "./forkRpc";

/**
 * Every URL in `text` reduced to its host.
 *
 * @example redactUrls("error sending request for url (https://rpc.example/v2/KEY)") // "error sending request for url (rpc.example)"
 */
export function redactUrls(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s)"'<>]+/gi, (match) => {
    // A sentence's full stop or comma after a URL is not part of it.
    const url = match.replace(/[.,;:!?]+$/, "");
    return `${hostOf(url)}${match.slice(url.length)}`;
  });
}

/**
 * What anvil relayed from the DAO's RPC, as an error the shared classifier reads: its HTTP status
 * when it quotes one ("HTTP error 429 with body …"), else its words.
 */
function upstreamError(detail: string): Error {
  const status = /\bHTTP error (\d{3})\b/i.exec(detail)?.[1];
  return status ? new HttpRequestError({ url: "", status: Number(status), details: detail }) : new Error(detail);
}

const rpcKinds = new Set(["rateLimited", "stateUnavailable", "refused", "timeout", "unreachable"]);

/**
 * @example simulationProblem(new SimulationBusyError("…")) // { kind: "busy", title: "The simulator is busy", … }
 */
export function simulationProblem(error: unknown): SimulationProblem {
  if (error instanceof AnvilMissingError) {
    return { kind: "binaryMissing", title: "Simulation is not available on this server", detail: error.message };
  }
  if (error instanceof SimulationBusyError) {
    return { kind: "busy", title: "The simulator is busy", detail: error.message };
  }
  if (error instanceof SimulationTimeoutError) {
    return {
      kind: "timeout",
      title: "The simulation took too long",
      detail: `${error.message} The chain’s RPC may be slow to serve the state a fork reads; try again later.`,
    };
  }
  if (error instanceof ChainUnreachableError) {
    const problem = describeChainProblem(error);
    return { kind: "rpc", title: `Cannot fork the chain: ${lowerFirst(problem.title)}`, detail: problem.detail };
  }
  if (error instanceof ForkStartError || error instanceof ForkRpcError) {
    // anvil relays what the DAO's RPC said when it could not fetch the state it forks.
    const detail = redactUrls(error instanceof ForkRpcError ? error.rpcMessage : error.message);
    const upstream = upstreamError(detail);
    const kind = classifyChainError(upstream);
    if (rpcKinds.has(kind)) {
      const problem = describeChainProblem(upstream);
      return { kind: "rpc", title: `Cannot fork the chain: ${lowerFirst(problem.title)}`, detail };
    }
    if (error instanceof ForkStartError) return { kind: "forkFailed", title: "The chain could not be forked", detail };
    return { kind: "failed", title: "The simulation failed", detail };
  }
  return {
    kind: "failed",
    title: "The simulation failed",
    detail: redactUrls(error instanceof Error ? error.message.split("\n")[0] || error.name : String(error)).slice(
      0,
      300,
    ),
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
