import { HttpRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { ChainUnreachableError, endpointFailure } from "../../chain/chainErrors";
import { AnvilMissingError, ForkStartError } from "./anvilFork";
import { SimulationBusyError, SimulationTimeoutError } from "./forkManager";
import { ForkRpcError } from "./forkRpc";
import { redactUrls, simulationProblem } from "./simulationProblem";

describe("simulationProblem", () => {
  it("says plainly when anvil is missing, the queue is full or the deadline passed", () => {
    expect(simulationProblem(new AnvilMissingError("no anvil for linux-riscv64"))).toMatchObject({
      kind: "binaryMissing",
      title: "Simulation is not available on this server",
      detail: "no anvil for linux-riscv64",
    });
    expect(simulationProblem(new SimulationBusyError("8 waiting")).kind).toBe("busy");
    expect(simulationProblem(new SimulationTimeoutError("60 s")).kind).toBe("timeout");
  });

  it("names what the DAO's RPC did when the fork could not be made, by host only", () => {
    const url = "https://rpc.example.org/v2/SECRET-KEY";
    const limited = new ChainUnreachableError(1, [
      endpointFailure(url, new HttpRequestError({ url, status: 429, body: {} })),
    ]);
    const problem = simulationProblem(limited);
    expect(problem.kind).toBe("rpc");
    expect(problem.title).toBe("Cannot fork the chain: the chain’s RPC is rate-limiting this server");
    expect(problem.detail).toContain("rpc.example.org");
    expect(problem.detail).not.toContain("SECRET-KEY");

    const refused = simulationProblem(
      new ForkRpcError("eth_sendTransaction", -32603, `failed to get account: HTTP error 429 from ${url}`),
    );
    expect(refused).toMatchObject({ kind: "rpc" });
    expect(refused.detail).not.toContain("SECRET-KEY");

    const pruned = simulationProblem(new ForkRpcError("eth_call", -32000, "missing trie node abc (path )"));
    expect(pruned.title).toBe("Cannot fork the chain: the chain’s RPC does not keep that block’s state");
  });

  it("reports anvil's own failure to fork without the RPC URL", () => {
    const problem = simulationProblem(
      new ForkStartError(
        "anvil could not fork the chain: Error: failed to get fork block number https://a.example/KEY",
      ),
    );
    expect(problem.kind).toBe("forkFailed");
    expect(problem.detail).toBe("anvil could not fork the chain: Error: failed to get fork block number a.example");
    expect(redactUrls("see http://127.0.0.1:8545/x and https://h.example/k?q=1.")).toBe(
      "see 127.0.0.1:8545 and h.example.",
    );
  });
});
