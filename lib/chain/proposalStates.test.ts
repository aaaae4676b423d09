import { createPublicClient, custom } from "viem";
import { afterEach, describe, expect, it } from "vitest";
import { fakeChain } from "../../harness/standIns/fakeChain";
import { defaultDaoFlavour, governorAdapter } from "../governor/adapter";
import { daoChain } from "./daoChain";
import { clearMulticall3Cache } from "./multicall3";
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
import { rpcTransport } from "./rpcTransport";

const governor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const ozAdapter = governorAdapter({ governor, token });
const bravoAdapter = governorAdapter({
  governor,
  token,
  flavour: { ...defaultDaoFlavour, family: "bravo", hasClock: false, votes: "getPriorVotes" },
});

const abi = [
  "function state(uint256 proposalId) view returns (uint8)",
  "function quorum(uint256 timepoint) view returns (uint256)",
  "function quorumVotes() view returns (uint256)",
];

/**
 * A governor knowing proposals 1..8 (state = id % 8); OpenZeppelin-like (quorum = timepoint * 10,
 * reverting for timepoints ≥ 100) or, with `bravo`, one that only has quorumVotes() = 7.
 */
function governorChain({ bravo = false, multicall3 = true } = {}) {
  const { request, log } = fakeChain({
    abi,
    multicall3,
    contracts: {
      [governor]: {
        state: ([id]) => {
          if ((id as bigint) < 1n || (id as bigint) > 8n) throw new Error("unknown proposal id");
          return Number((id as bigint) % 8n);
        },
        ...(bravo
          ? { quorumVotes: () => 7n }
          : {
              quorum: ([timepoint]) => {
                if ((timepoint as bigint) >= 100n) throw new Error("future lookup");
                return (timepoint as bigint) * 10n;
              },
            }),
      },
    },
  });
  const client = createPublicClient({
    chain: daoChain({ chainId: 31337, rpcUrls: ["http://fake"] }),
    transport: custom({ request }, { retryCount: 0 }),
  });
  return { client, log };
}

afterEach(() => clearMulticall3Cache());

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

describe.each([
  { path: "Multicall3", multicall3: true },
  { path: "a JSON-RPC batch", multicall3: false },
])("readProposalStates through $path", ({ multicall3 }) => {
  it("reads every state in one read, undefined where the call reverts", async () => {
    const { client, log } = governorChain({ multicall3 });
    const states = await readProposalStates(client, ozAdapter, [2n, 99n, 8n, 6n]);
    expect(states).toEqual(["Canceled", undefined, "Pending", "Expired"]);
    expect(log.calls.filter((name) => name === "state")).toHaveLength(4);
  });
});

describe("readProposalStates", () => {
  it("does not call the chain for no ids", async () => {
    const { client, log } = governorChain();
    expect(await readProposalStates(client, ozAdapter, [])).toEqual([]);
    expect(log.methods).toEqual([]);
  });

  it("throws when the chain cannot be reached", async () => {
    const client = createPublicClient({
      chain: daoChain({ chainId: 31337, rpcUrls: ["http://127.0.0.1:1"] }),
      transport: rpcTransport(["http://127.0.0.1:1"], { maxRounds: 1 }),
    });
    await expect(readProposalStates(client, ozAdapter, [1n])).rejects.toThrow(/127\.0\.0\.1:1 refused the connection/);
  });
});

describe.each([
  { path: "Multicall3", multicall3: true },
  { path: "a JSON-RPC batch", multicall3: false },
])("readProposalsLive through $path", ({ multicall3 }) => {
  it("reads states and quorum at each snapshot", async () => {
    const { client } = governorChain({ multicall3 });
    const live = await readProposalsLive(client, ozAdapter, [
      { id: 1n, snapshot: 20n },
      { id: 7n, snapshot: 150n },
    ]);
    expect(live).toEqual([
      { state: "Active", quorum: 200n },
      { state: "Executed", quorum: undefined },
    ]);
  });

  it("asks a Bravo governor's quorumVotes() once for every proposal", async () => {
    const { client, log } = governorChain({ bravo: true, multicall3 });
    expect(
      await readProposalsLive(client, bravoAdapter, [
        { id: 3n, snapshot: 5n },
        { id: 4n, snapshot: 9n },
      ]),
    ).toEqual([
      { state: "Defeated", quorum: 7n },
      { state: "Succeeded", quorum: 7n },
    ]);
    expect(log.calls.filter((name) => name === "quorumVotes")).toHaveLength(1);
  });

  it("does not call the chain for no proposals", async () => {
    const { client, log } = governorChain({ multicall3 });
    expect(await readProposalsLive(client, ozAdapter, [])).toEqual([]);
    expect(log.methods).toEqual([]);
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
