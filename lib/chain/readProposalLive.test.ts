import {
  type Abi,
  type Address,
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  type Hex,
  multicall3Abi,
  parseAbi,
  toFunctionSelector,
} from "viem";
import { describe, expect, it } from "vitest";
import { defaultDaoFlavour, governorAdapter } from "../governor/adapter";
import { daoChain, multicall3Address } from "./daoChain";
import { readProposalLive } from "./readProposalLive";

const governor: Address = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const token: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const musdc: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
/** OpenZeppelin Governor 5 (the default flavour). */
const adapter = governorAdapter({ governor, token });
/** Compound's GovernorBravo: proposals(id), quorumVotes(), no clock() (the block number). */
const bravoAdapter = governorAdapter({
  governor,
  token,
  flavour: { ...defaultDaoFlavour, family: "bravo", hasClock: false, votes: "getPriorVotes" },
});

const abi = parseAbi([
  "function state(uint256) view returns (uint8)",
  "function proposalVotes(uint256) view returns (uint256, uint256, uint256)",
  "function proposalSnapshot(uint256) view returns (uint256)",
  "function proposalDeadline(uint256) view returns (uint256)",
  "function proposalEta(uint256) view returns (uint256)",
  "function quorum(uint256) view returns (uint256)",
  "function clock() view returns (uint48)",
  "function proposals(uint256) view returns (uint256, address, uint256, uint256, uint256, uint256, uint256, uint256, bool, bool)",
  "function quorumVotes() view returns (uint256)",
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
  "function getBlockNumber() view returns (uint256)",
  "function getCurrentBlockTimestamp() view returns (uint256)",
]);

type Handler = (args: readonly unknown[]) => unknown;
type Contracts = Record<string, Record<string, Handler>>;

/** A chain whose contracts answer the calls listed (by address, then function name); others revert. */
function fakeChain(contracts: Contracts, log: { calls: number; batches: string[][] }) {
  const byAddress = new Map(Object.entries(contracts).map(([address, fns]) => [address.toLowerCase(), fns]));
  return createPublicClient({
    chain: daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" }),
    transport: custom({
      async request({ method, params }) {
        if (method === "eth_chainId") return "0x7a69";
        if (method !== "eth_call") throw new Error(`unexpected ${method}`);
        log.calls += 1;
        const { data } = (params as [{ data: Hex }])[0];
        const calls = decodeFunctionData({ abi: multicall3Abi, data }).args[0] as readonly {
          target: Address;
          callData: Hex;
        }[];
        const names: string[] = [];
        const results = calls.map(({ target, callData }) => {
          const item = (abi as Abi).find(
            (entry) => entry.type === "function" && toFunctionSelector(entry) === callData.slice(0, 10),
          );
          const name = item?.type === "function" ? item.name : "?";
          names.push(name);
          const handler = byAddress.get(target.toLowerCase())?.[name];
          if (!handler) return { success: false, returnData: "0x" as Hex };
          const { args = [] } = decodeFunctionData({ abi, data: callData });
          const result = handler(args);
          return { success: true, returnData: encodeFunctionResult({ abi, functionName: name, result } as never) };
        });
        log.batches.push(names);
        return encodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", result: results });
      },
    }),
  });
}

const multicall = { getBlockNumber: () => 150n, getCurrentBlockTimestamp: () => 1_700_000_000n };

const ozGovernor: Record<string, Handler> = {
  state: () => 1,
  proposalVotes: () => [10n, 300n, 20n],
  proposalSnapshot: () => 120n,
  proposalDeadline: () => 180n,
  proposalEta: () => 0n,
  quorum: ([timepoint]) => ((timepoint as bigint) === 120n ? 400n : 1n),
  clock: () => 150,
};

describe("readProposalLive", () => {
  it("reads an OpenZeppelin proposal and token metadata in one round trip", async () => {
    const log = { calls: 0, batches: [] as string[][] };
    const client = fakeChain(
      {
        [governor]: ozGovernor,
        [multicall3Address]: multicall,
        [musdc]: { symbol: () => "mUSDC", decimals: () => 6 },
      },
      log,
    );
    const live = await readProposalLive(client, { adapter, proposalId: 7n, snapshotHint: 120n, tokens: [musdc] });
    expect(log.calls).toBe(1);
    expect(live).toEqual({
      state: "Active",
      tallies: { againstVotes: 10n, forVotes: 300n, abstainVotes: 20n },
      snapshot: 120n,
      deadline: 180n,
      eta: null,
      quorum: 400n,
      clock: 150n,
      blockNumber: 150n,
      blockTimestamp: 1_700_000_000n,
      tokens: new Map([[musdc.toLowerCase(), { symbol: "mUSDC", decimals: 6 }]]),
      roundTrips: 1,
    });
  });

  it("reads quorum in a second round trip when the indexer gave no snapshot", async () => {
    const log = { calls: 0, batches: [] as string[][] };
    const client = fakeChain({ [governor]: ozGovernor, [multicall3Address]: multicall }, log);
    const live = await readProposalLive(client, { adapter, proposalId: 7n });
    expect(live.quorum).toBe(400n);
    expect(live.roundTrips).toBe(2);
    expect(log.batches[1]).toEqual(["quorum"]);
  });

  it("leaves quorum unknown before the snapshot", async () => {
    const log = { calls: 0, batches: [] as string[][] };
    // quorum(timepoint) reverts for a timepoint not reached yet: no handler.
    const { quorum: _reverts, ...rest } = ozGovernor;
    const pending: Record<string, Handler> = { ...rest, state: () => 0, clock: () => 100 };
    const client = fakeChain({ [governor]: pending, [multicall3Address]: multicall }, log);
    const live = await readProposalLive(client, { adapter, proposalId: 7n, snapshotHint: 120n });
    expect(live.state).toBe("Pending");
    expect(live.quorum).toBeNull();
    expect(log.calls).toBe(1);
  });

  it("asks an OpenZeppelin governor only OpenZeppelin calls", async () => {
    const log = { calls: 0, batches: [] as string[][] };
    const client = fakeChain({ [governor]: ozGovernor, [multicall3Address]: multicall }, log);
    await readProposalLive(client, { adapter, proposalId: 7n, snapshotHint: 120n });
    expect(log.batches[0]).toEqual([
      "state",
      "proposalVotes",
      "proposalSnapshot",
      "proposalDeadline",
      "proposalEta",
      "clock",
      "quorum",
      "getBlockNumber",
      "getCurrentBlockTimestamp",
    ]);
  });

  const bravo: Record<string, Handler> = {
    state: () => 5,
    proposals: () => [3n, governor, 1_700_000_600n, 100n, 200n, 500n, 50n, 5n, false, false],
    quorumVotes: () => 400n,
  };

  it("reads a GovernorBravo proposal through the bravo adapter: proposals() once and quorumVotes()", async () => {
    const log = { calls: 0, batches: [] as string[][] };
    const client = fakeChain({ [governor]: bravo, [multicall3Address]: multicall }, log);
    const live = await readProposalLive(client, { adapter: bravoAdapter, proposalId: 3n, snapshotHint: 100n });
    expect(live).toMatchObject({
      state: "Queued",
      tallies: { forVotes: 500n, againstVotes: 50n, abstainVotes: 5n },
      snapshot: 100n,
      deadline: 200n,
      eta: 1_700_000_600n,
      quorum: 400n,
      clock: 150n,
      roundTrips: 1,
    });
    // The struct and Multicall3's block number are asked once each, however many fields come from them.
    expect(log.batches).toEqual([["state", "proposals", "getBlockNumber", "quorumVotes", "getCurrentBlockTimestamp"]]);
  });

  it("needs no second round trip for Bravo's quorum without a snapshot hint (it ignores the timepoint)", async () => {
    const log = { calls: 0, batches: [] as string[][] };
    const client = fakeChain({ [governor]: bravo, [multicall3Address]: multicall }, log);
    const live = await readProposalLive(client, { adapter: bravoAdapter, proposalId: 3n });
    expect(live.quorum).toBe(400n);
    expect(live.roundTrips).toBe(1);
    expect(log.calls).toBe(1);
  });

  it("reads an OZ 4.9 GovernorCompatibilityBravo proposal: tallies from proposals(), the rest OpenZeppelin's", async () => {
    const log = { calls: 0, batches: [] as string[][] };
    const { proposalVotes: _none, ...compatible } = ozGovernor;
    compatible.proposals = () => [7n, governor, 0n, 120n, 180n, 300n, 10n, 20n, false, false];
    const client = fakeChain({ [governor]: compatible, [multicall3Address]: multicall }, log);
    const ozBravo = governorAdapter({
      governor,
      token,
      flavour: { ...defaultDaoFlavour, family: "oz-bravo-compatible" },
    });
    const live = await readProposalLive(client, { adapter: ozBravo, proposalId: 7n, snapshotHint: 120n });
    expect(live).toMatchObject({
      state: "Active",
      tallies: { againstVotes: 10n, forVotes: 300n, abstainVotes: 20n },
      snapshot: 120n,
      deadline: 180n,
      eta: null,
      quorum: 400n,
      roundTrips: 1,
    });
    expect(log.batches[0]).toContain("proposals");
    expect(log.batches[0]).not.toContain("proposalVotes");
  });

  it("returns an unknown state for an unknown proposal and skips tokens that do not answer", async () => {
    const log = { calls: 0, batches: [] as string[][] };
    const client = fakeChain({ [multicall3Address]: multicall, [musdc]: { symbol: () => "X" } }, log);
    const live = await readProposalLive(client, { adapter, proposalId: 1n, tokens: [musdc] });
    expect(live.state).toBeUndefined();
    expect(live.tallies).toBeNull();
    expect(live.tokens.size).toBe(0);
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
    await expect(readProposalLive(client, { adapter, proposalId: 1n })).rejects.toThrow(/ECONNREFUSED/);
  });
});
