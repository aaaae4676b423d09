/**
 * The anvil helpers the dev, e2e and test scripts rely on: clear errors for a taken port and an
 * anvil that dies at start, a stop() that really ends the process, and the polling helper.
 */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { freePort, isPortFree, RpcError, rpc, startAnvil, waitFor } from "./anvil";

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startAnvil", () => {
  it("answers RPC, and stop() ends that very process (twice is fine)", async () => {
    const port = await freePort();
    const anvil = await startAnvil({ port, chainId: 31_338, accounts: 2 });
    expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${port}`);
    expect(await rpc<string>(anvil.rpcUrl, "eth_chainId")).toBe("0x7a6a");
    expect(await rpc<string[]>(anvil.rpcUrl, "eth_accounts")).toHaveLength(2);
    expect(await isPortFree(port)).toBe(false);
    await anvil.stop();
    await anvil.stop();
    expect(processExists(anvil.pid)).toBe(false);
    expect(await isPortFree(port)).toBe(true);
  });

  it("refuses a port that is already taken, naming it", async () => {
    const server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      await expect(startAnvil({ port })).rejects.toThrow(`port ${port} is already in use`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("reports anvil's own error when it exits at start", async () => {
    await expect(startAnvil({ port: await freePort(), extraArgs: ["--no-such-flag"] })).rejects.toThrow(
      /anvil exited early.*no-such-flag/s,
    );
  });

  it("refuses a state file that does not exist", async () => {
    await expect(startAnvil({ port: await freePort(), loadState: "/nonexistent/state.json" })).rejects.toThrow(
      "does not exist",
    );
  });
});

describe("rpc", () => {
  it("throws RpcError with the node's code for an error answer", async () => {
    const anvil = await startAnvil({ port: await freePort() });
    try {
      const error = await rpc(anvil.rpcUrl, "no_suchMethod").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).method).toBe("no_suchMethod");
    } finally {
      await anvil.stop();
    }
  });

  it("names the URL when nothing listens", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    await expect(rpc(url, "eth_chainId")).rejects.toThrow(`eth_chainId to ${url} failed`);
  });
});

describe("waitFor", () => {
  it("resolves the first value that is not undefined, null or false", async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls += 1;
        if (calls === 1) return undefined;
        if (calls === 2) return null;
        if (calls === 3) throw new Error("not yet");
        return calls === 4 ? false : "ready";
      },
      { intervalMs: 1 },
    );
    expect(value).toBe("ready");
  });

  it("times out naming what it waited for and the last error", async () => {
    await expect(
      waitFor(
        () => {
          throw new Error("still syncing");
        },
        { timeoutMs: 50, intervalMs: 10, what: "the indexer" },
      ),
    ).rejects.toThrow(/waiting for the indexer: still syncing/);
  });
});
