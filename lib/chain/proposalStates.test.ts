import {
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  type Hex,
  multicall3Abi,
  parseAbi,
} from "viem";
import { describe, expect, it } from "vitest";
import { daoChain } from "./daoChain";
import {
  matchesFilter,
  mayMatchFilter,
  proposalStateFilter,
  proposalStateFilters,
  proposalStateName,
  proposalStateNames,
  readProposalStates,
  readProposalsLive,
} from "./proposalStates";

const governor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const stateAbi = parseAbi(["function state(uint256 proposalId) view returns (uint8)"]);

/** A chain whose governor knows proposals 1..8 (state = id - 1) and reverts for any other id. */
function fakeChain(onCall?: () => void) {
  return createPublicClient({
    chain: daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" }),
    transport: custom({
      async request({ method, params }) {
        if (method === "eth_chainId") return "0x7a69";
        if (method !== "eth_call") throw new Error(`unexpected ${method}`);
        onCall?.();
        const { data } = (params as [{ data: Hex }])[0];
        const { args } = decodeFunctionData({ abi: multicall3Abi, data });
        const calls = args[0] as readonly { target: string; callData: Hex }[];
        const results = calls.map(({ target, callData }) => {
          const [id] = decodeFunctionData({ abi: stateAbi, data: callData }).args;
          if (target.toLowerCase() !== governor.toLowerCase() || id < 1n || id > 8n) {
            return { success: false, returnData: "0x" as Hex };
          }
          const returnData = encodeFunctionResult({ abi: stateAbi, functionName: "state", result: Number(id - 1n) });
          return { success: true, returnData };
        });
        return encodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", result: results });
      },
    }),
  });
}

describe("proposalStateName", () => {
  it("follows IGovernor.ProposalState order", () => {
    expect(proposalStateNames.map((_, i) => proposalStateName(i))).toEqual([
      "Pending",
      "Active",
      "Canceled",
      "Defeated",
      "Succeeded",
      "Queued",
      "Expired",
      "Executed",
    ]);
    expect(proposalStateName(7n)).toBe("Executed");
  });

  it("returns undefined outside the enum", () => {
    expect(proposalStateName(8)).toBeUndefined();
  });
});

describe("readProposalStates", () => {
  it("reads every state in one multicall, undefined where the call reverts", async () => {
    let calls = 0;
    const client = fakeChain(() => calls++);
    const states = await readProposalStates(client, governor, [2n, 99n, 8n, 6n]);
    expect(states).toEqual(["Active", undefined, "Executed", "Queued"]);
    expect(calls).toBe(1);
  });

  it("does not call the chain for no ids", async () => {
    let calls = 0;
    expect(
      await readProposalStates(
        fakeChain(() => calls++),
        governor,
        [],
      ),
    ).toEqual([]);
    expect(calls).toBe(0);
  });

  it("throws when the chain cannot be reached", async () => {
    const client = createPublicClient({
      chain: daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" }),
      transport: custom(
        {
          async request() {
            throw new Error("connect ECONNREFUSED");
          },
        },
        { retryCount: 0 },
      ),
    });
    await expect(readProposalStates(client, governor, [1n])).rejects.toThrow(/ECONNREFUSED/);
  });
});

const liveAbi = parseAbi([
  "function state(uint256 proposalId) view returns (uint8)",
  "function quorum(uint256 timepoint) view returns (uint256)",
  "function quorumVotes() view returns (uint256)",
]);

/**
 * An OpenZeppelin-like governor (quorum = timepoint * 10, reverting for timepoints ≥ 100) or, with
 * `bravo`, one that only has quorumVotes() = 7.
 */
function liveChain({ bravo = false } = {}) {
  let requests = 0;
  const client = createPublicClient({
    chain: daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" }),
    transport: custom({
      async request({ method, params }) {
        if (method === "eth_chainId") return "0x7a69";
        requests++;
        const { data } = (params as [{ data: Hex }])[0];
        const calls = decodeFunctionData({ abi: multicall3Abi, data }).args[0] as readonly { callData: Hex }[];
        const results = calls.map(({ callData }) => {
          const call = decodeFunctionData({ abi: liveAbi, data: callData });
          const ok = (returnData: Hex) => ({ success: true, returnData });
          const fail = { success: false, returnData: "0x" as Hex };
          if (call.functionName === "state") {
            return ok(encodeFunctionResult({ abi: liveAbi, functionName: "state", result: Number(call.args[0] % 8n) }));
          }
          if (call.functionName === "quorum") {
            const [timepoint] = call.args;
            if (bravo || timepoint >= 100n) return fail;
            return ok(encodeFunctionResult({ abi: liveAbi, functionName: "quorum", result: timepoint * 10n }));
          }
          return bravo ? ok(encodeFunctionResult({ abi: liveAbi, functionName: "quorumVotes", result: 7n })) : fail;
        });
        return encodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", result: results });
      },
    }),
  });
  return { client, requests: () => requests };
}

describe("readProposalsLive", () => {
  it("reads states and quorum at each snapshot in one call", async () => {
    const { client, requests } = liveChain();
    const live = await readProposalsLive(client, governor, [
      { id: 1n, snapshot: 20n },
      { id: 7n, snapshot: 150n },
    ]);
    expect(live).toEqual([
      { state: "Active", quorum: 200n },
      { state: "Executed", quorum: undefined },
    ]);
    expect(requests()).toBe(1);
  });

  it("falls back to Bravo's quorumVotes()", async () => {
    const { client } = liveChain({ bravo: true });
    expect(await readProposalsLive(client, governor, [{ id: 3n, snapshot: 5n }])).toEqual([
      { state: "Defeated", quorum: 7n },
    ]);
  });

  it("does not call the chain for no proposals", async () => {
    const { client, requests } = liveChain();
    expect(await readProposalsLive(client, governor, [])).toEqual([]);
    expect(requests()).toBe(0);
  });
});

describe("proposal state filters", () => {
  it("recognise their URL names only", () => {
    expect(proposalStateFilter("passed")).toBe("passed");
    expect(proposalStateFilter("all")).toBeUndefined();
    expect(proposalStateFilter("constructor")).toBeUndefined();
    expect(proposalStateFilter(["active"])).toBeUndefined();
  });

  it("cover every state exactly once", () => {
    const covered = Object.values(proposalStateFilters).flatMap((filter) => filter.states);
    expect([...covered].sort()).toEqual([...proposalStateNames].sort());
  });

  it("skip only indexed proposals that cannot be in the filter's states", () => {
    expect(mayMatchFilter("active", "queued")).toBe(false);
    expect(mayMatchFilter("executed", "canceled")).toBe(false);
    expect(mayMatchFilter("executed", "queued")).toBe(true);
    expect(mayMatchFilter("closed", "queued")).toBe(true);
    expect(mayMatchFilter("closed", "executed")).toBe(false);
    expect(matchesFilter("passed", "Queued")).toBe(true);
    expect(matchesFilter("passed", undefined)).toBe(false);
  });
});
