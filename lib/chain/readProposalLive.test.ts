import { type Address, createPublicClient, custom } from "viem";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeContracts, type FakeHandler, fakeChain } from "../../harness/standIns/fakeChain";
import { defaultDaoFlavour, governorAdapter } from "../governor/adapter";
import { daoChain } from "./daoChain";
import { clearMulticall3Cache } from "./multicall3";
import { readProposalLive } from "./readProposalLive";
import { rpcTransport } from "./rpcTransport";

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

const abi = [
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
];

type Handler = FakeHandler;

/** A chain whose contracts answer the calls listed (by address, then function name); others revert. */
function chainOf(contracts: FakeContracts, multicall3 = true) {
  const { request, log } = fakeChain({
    abi,
    contracts,
    multicall3,
    block: { number: 150n, timestamp: 1_700_000_000n },
  });
  const client = createPublicClient({
    chain: daoChain({ chainId: 31337, rpcUrls: ["http://fake"] }),
    transport: custom({ request }, { retryCount: 0 }),
  });
  /** Function names asked per eth_call (an aggregate3 lists its sub-calls). */
  return { client, log };
}

afterEach(() => clearMulticall3Cache());

const ozGovernor: Record<string, Handler> = {
  state: () => 1,
  proposalVotes: () => [10n, 300n, 20n],
  proposalSnapshot: () => 120n,
  proposalDeadline: () => 180n,
  proposalEta: () => 0n,
  quorum: ([timepoint]) => ((timepoint as bigint) === 120n ? 400n : 1n),
  clock: () => 150,
};

const bravo: Record<string, Handler> = {
  state: () => 5,
  proposals: () => [3n, governor, 1_700_000_600n, 100n, 200n, 500n, 50n, 5n, false, false],
  quorumVotes: () => 400n,
};

describe.each([
  { path: "Multicall3", multicall3: true },
  { path: "a JSON-RPC batch", multicall3: false },
])("readProposalLive through $path", ({ multicall3 }) => {
  it("reads an OpenZeppelin proposal and token metadata in one round trip", async () => {
    const { client } = chainOf(
      { [governor]: ozGovernor, [musdc]: { symbol: () => "mUSDC", decimals: () => 6 } },
      multicall3,
    );
    const live = await readProposalLive(client, { adapter, proposalId: 7n, snapshotHint: 120n, tokens: [musdc] });
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
    const { client, log } = chainOf({ [governor]: ozGovernor }, multicall3);
    const live = await readProposalLive(client, { adapter, proposalId: 7n });
    expect(live.quorum).toBe(400n);
    expect(live.roundTrips).toBe(2);
    expect(log.calls.filter((name) => name === "quorum")).toHaveLength(2);
  });

  it("leaves quorum unknown before the snapshot", async () => {
    // quorum(timepoint) reverts for a timepoint not reached yet: no handler.
    const { quorum: _reverts, ...rest } = ozGovernor;
    const { client } = chainOf({ [governor]: { ...rest, state: () => 0, clock: () => 100 } }, multicall3);
    const live = await readProposalLive(client, { adapter, proposalId: 7n, snapshotHint: 120n });
    expect(live.state).toBe("Pending");
    expect(live.quorum).toBeNull();
    expect(live.roundTrips).toBe(1);
  });

  it("asks an OpenZeppelin governor only OpenZeppelin calls", async () => {
    const { client, log } = chainOf({ [governor]: ozGovernor }, multicall3);
    await readProposalLive(client, { adapter, proposalId: 7n, snapshotHint: 120n });
    expect(log.calls.filter((name) => !["getBlockNumber", "getCurrentBlockTimestamp"].includes(name))).toEqual([
      "state",
      "proposalVotes",
      "proposalSnapshot",
      "proposalDeadline",
      "proposalEta",
      "quorum",
      "clock",
    ]);
  });

  it("reads a GovernorBravo proposal through the bravo adapter: proposals() once and quorumVotes()", async () => {
    const { client, log } = chainOf({ [governor]: bravo }, multicall3);
    const live = await readProposalLive(client, { adapter: bravoAdapter, proposalId: 3n, snapshotHint: 100n });
    expect(live).toMatchObject({
      state: "Queued",
      tallies: { forVotes: 500n, againstVotes: 50n, abstainVotes: 5n },
      snapshot: 100n,
      deadline: 200n,
      eta: 1_700_000_600n,
      quorum: 400n,
      // No clock(): the block number read with the rest.
      clock: 150n,
      roundTrips: 1,
    });
    // The struct is asked once, however many fields come from it.
    expect(log.calls.filter((name) => !["getBlockNumber", "getCurrentBlockTimestamp"].includes(name))).toEqual([
      "state",
      "proposals",
      "quorumVotes",
    ]);
  });

  it("needs no second round trip for Bravo's quorum without a snapshot hint (it ignores the timepoint)", async () => {
    const { client } = chainOf({ [governor]: bravo }, multicall3);
    const live = await readProposalLive(client, { adapter: bravoAdapter, proposalId: 3n });
    expect(live.quorum).toBe(400n);
    expect(live.roundTrips).toBe(1);
  });

  it("reads an OZ 4.9 GovernorCompatibilityBravo proposal: tallies from proposals(), the rest OpenZeppelin's", async () => {
    const { proposalVotes: _none, ...compatible } = ozGovernor;
    compatible.proposals = () => [7n, governor, 0n, 120n, 180n, 300n, 10n, 20n, false, false];
    const { client, log } = chainOf({ [governor]: compatible }, multicall3);
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
    expect(log.calls).toContain("proposals");
    expect(log.calls).not.toContain("proposalVotes");
  });

  it("returns an unknown state for an unknown proposal and skips tokens that do not answer", async () => {
    const { client } = chainOf({ [musdc]: { symbol: () => "X" } }, multicall3);
    const live = await readProposalLive(client, { adapter, proposalId: 1n, tokens: [musdc] });
    expect(live.state).toBeUndefined();
    expect(live.tallies).toBeNull();
    expect(live.tokens.size).toBe(0);
  });
});

describe("readProposalLive", () => {
  it("throws when the chain cannot be reached", async () => {
    const client = createPublicClient({
      chain: daoChain({ chainId: 31337, rpcUrls: ["http://127.0.0.1:1"] }),
      transport: rpcTransport(["http://127.0.0.1:1"], { maxRounds: 1 }),
    });
    await expect(readProposalLive(client, { adapter, proposalId: 1n })).rejects.toThrow(/refused the connection/);
  });
});
