/**
 * detectGovernor against the flavour fixtures (scripts/flavours): OZ 5 on a timestamp clock with
 * fractional counting, OZ 5 with an ERC721Votes token and late-quorum protection, OZ 4.9 with
 * GovernorCompatibilityBravo and a Compound timelock, Compound's GovernorAlpha (as
 * @uniswap/governance ships it) and a GovernorBravoDelegator + Delegate that took over from one.
 * Each picked adapter reads the fixture's chain; the Alpha and Bravo adapters run a proposal through.
 * The anvil keeps no per-block state, so a GovernorAlpha's 40,320-block vote is mined in seconds.
 *
 * Over 300 lines: one suite against every seeded flavour, sharing one chain.
 */
import {
  type Abi,
  type Address,
  createPublicClient,
  encodeAbiParameters,
  getAddress,
  http,
  type PublicClient,
  parseAbi,
  parseEther,
  parseUnits,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnvilInstance, freePort, startAnvil } from "../../harness/anvil";
import {
  dev,
  type FlavourClient,
  type FlavourDeployment,
  type FlavourSlug,
  flavourClient,
} from "../../scripts/flavours/common";
import { flavourDeployers } from "../../scripts/flavours/deploy";
import type { VoteParts } from "../proposals/voteParts";
import { explainTxError } from "../tx/explainTxError";
import { type ContractRead, type ContractWrite, type ProposalContent, readResult } from "./adapter";
import { alphaCountingMode, detectGovernor } from "./detect";
import { governorAdapterFor } from "./families";

let anvil: AnvilInstance;
let client: PublicClient;
let wallet: FlavourClient;
const deployed = {} as Record<FlavourSlug, FlavourDeployment>;

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort(), pruneHistory: true });
  client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
  wallet = flavourClient(anvil.rpcUrl);
  for (const slug of Object.keys(flavourDeployers) as FlavourSlug[]) {
    deployed[slug] = await flavourDeployers[slug](anvil.rpcUrl);
  }
});

afterAll(async () => {
  await anvil?.stop();
});

describe("detectGovernor on the flavour fixtures", () => {
  it("OZ 5, timestamp clock, fractional counting, OpenZeppelin timelock", async () => {
    const d = deployed["ts-fractional"];
    const flavour = await detectGovernor(client, d.governor);
    expect(flavour).toMatchObject({
      supported: true,
      family: "openzeppelin",
      clockMode: "mode=timestamp",
      clock: "timestamp",
      hasClock: true,
      fractional: true,
      lateQuorum: false,
      timelock: { kind: "openzeppelin", address: getAddress(d.timelock), minDelaySeconds: d.settings.timelockDelay },
      token: { kind: "erc20votes", address: getAddress(d.token), decimals: 18, votes: "getPastVotes" },
      missing: [],
    });
    expect(flavour.countingMode).toContain("fractional");
    const adapter = governorAdapterFor(flavour, d);
    expect(adapter.castVoteSplit).toBeDefined();
    const now = (await client.readContract(adapter.clock?.() as never)) as number;
    const { timestamp } = await client.getBlock();
    expect(BigInt(now)).toBe(timestamp);
  });

  it("OZ 5 with an ERC721Votes token and late-quorum protection", async () => {
    const d = deployed.nft;
    const flavour = await detectGovernor(client, d.governor);
    expect(flavour).toMatchObject({
      supported: true,
      family: "openzeppelin",
      fractional: false,
      lateQuorum: true,
      token: { kind: "erc721votes", address: getAddress(d.token), decimals: 0, votes: "getPastVotes" },
      missing: [],
    });
    expect(flavour.lateQuorumExtension).toBeGreaterThan(0);
    const holder = d.holders[0];
    const adapter = governorAdapterFor(flavour, d);
    if (holder) expect(await client.readContract(adapter.balanceOf(holder.address) as never)).toBe(holder.amount);
  });

  it("OZ 4.9 with GovernorCompatibilityBravo and a Compound timelock", async () => {
    const d = deployed.bravo;
    const flavour = await detectGovernor(client, d.governor);
    expect(flavour).toMatchObject({
      supported: true,
      family: "oz-bravo-compatible",
      countingMode: "support=bravo&quorum=bravo",
      clock: "blocknumber",
      fractional: false,
      timelock: { kind: "compound", address: getAddress(d.timelock), delaySeconds: d.settings.timelockDelay },
      token: { kind: "erc20votes", address: getAddress(d.token), decimals: 18 },
      missing: [],
    });
    expect(flavour.timelock.kind === "compound" && flavour.timelock.gracePeriodSeconds).toBeGreaterThan(0);
    const adapter = governorAdapterFor(flavour, d);
    expect(adapter.proposalsById).toBe(true);
    const call = adapter.proposalThreshold();
    expect(readResult(call, await client.readContract(call as never))).toBe(d.settings.proposalThreshold);
  });

  it("Compound's GovernorAlpha (For/Against only) with a Compound timelock and a Comp-style token", async () => {
    const d = deployed.alpha;
    const flavour = await detectGovernor(client, d.governor);
    expect(flavour).toMatchObject({
      supported: true,
      family: "alpha",
      name: "Uniswap Governor Alpha",
      countingMode: alphaCountingMode,
      clock: "blocknumber",
      hasClock: false,
      fractional: false,
      lateQuorum: false,
      timelock: { kind: "compound", address: getAddress(d.timelock), delaySeconds: d.settings.timelockDelay },
      token: { kind: "erc20votes", address: getAddress(d.token), decimals: 18, symbol: "UNI", votes: "getPriorVotes" },
      missing: [],
    });
    const adapter = governorAdapterFor(flavour, d);
    expect(adapter.proposalsById).toBe(true);
    expect(adapter.voteLimits).toEqual({
      supports: [1, 0],
      reasons: false,
      explanation: "This governor (GovernorAlpha) counts only For and Against and keeps no reasons.",
    });
    expect(await read<bigint>(adapter.quorum(0n))).toBe(d.settings.quorumVotes);
    expect(await read<bigint>(adapter.proposalThreshold())).toBe(d.settings.proposalThreshold);
  });

  it("a GovernorBravoDelegator in front of a GovernorBravoDelegate, as Compound deployed it", async () => {
    const d = deployed.compound;
    const flavour = await detectGovernor(client, d.governor);
    expect(flavour).toMatchObject({
      supported: true,
      family: "bravo",
      name: "Compound Governor Bravo",
      countingMode: "support=bravo&quorum=bravo",
      clock: "blocknumber",
      hasClock: false,
      timelock: { kind: "compound", address: getAddress(d.timelock), delaySeconds: d.settings.timelockDelay },
      token: { kind: "erc20votes", address: getAddress(d.token), decimals: 18, votes: "getPriorVotes" },
      missing: [],
    });
    const adapter = governorAdapterFor(flavour, d);
    expect(adapter.voteLimits).toBeUndefined();
    expect(await read<bigint>(adapter.quorum(0n))).toBe(d.settings.quorumVotes);
    const whitelisted = adapter.proposerWhitelisted?.(dev[8] as Address);
    if (!whitelisted) throw new Error("the GovernorBravo adapter reads no whitelist");
    expect(await read<boolean>(whitelisted)).toBe(false);
    // Its predecessor, the GovernorAlpha, is still detected as one.
    expect((await detectGovernor(client, d.predecessor as Address)).family).toBe("alpha");
  });
});

/** Simulates from `account` (as the app does), sends, and returns the receipt (which must succeed). */
async function send(account: Address, write: ContractWrite) {
  const { request } = await wallet.simulateContract({ ...write, account } as never);
  const hash = await wallet.writeContract(request as never);
  const receipt = await wallet.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return receipt;
}

async function read<T>(call: ContractRead): Promise<T> {
  return readResult(call, await client.readContract(call as never)) as T;
}

/** Mines `blocks` in slices (a GovernorAlpha's 40,320 in one request can outlast viem's timeout). */
async function mineSliced(blocks: number) {
  for (let left = blocks; left > 0; left -= 2_000) await wallet.mine({ blocks: Math.min(left, 2_000) });
}

/** What the app would tell the user when simulating `write` from `account`. */
async function refusal(account: Address, write: ContractWrite, errorAbi: Abi): Promise<string> {
  const error = await wallet.simulateContract({ ...write, account } as never).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "the contract should refuse this call").toBeDefined();
  return explainTxError(error, errorAbi).message;
}

/** The id of the proposal `receipt` created (ProposalCreated's first data word, as OZ and Bravo emit it). */
function createdId(receipt: Awaited<ReturnType<typeof send>>, governor: Address) {
  const log = receipt.logs.find((entry) => getAddress(entry.address) === getAddress(governor));
  return BigInt(log?.data.slice(0, 66) ?? "0x0");
}

describe("family adapters drive the flavour fixtures", () => {
  it("casts split votes on the fractional governor, counted as the params say", async () => {
    const d = deployed["ts-fractional"];
    const snapshot = await wallet.snapshot();
    try {
      const adapter = governorAdapterFor(await detectGovernor(client, d.governor), d);
      const content: ProposalContent = {
        targets: [dev[5] as Address],
        values: [0n],
        calldatas: ["0x"],
        description: "# Split vote test\n\nNothing happens.",
      };
      // On a timestamp clock the proposer's votes must be in a past second (not the deploy's).
      await wallet.increaseTime({ seconds: 2 });
      await wallet.mine({ blocks: 1 });
      const id = createdId(await send(dev[0] as Address, adapter.propose(content)), d.governor);
      await wallet.increaseTime({ seconds: d.settings.votingDelay + 1 });
      await wallet.mine({ blocks: 1 });
      expect(await read<number>(adapter.state(id))).toBe(1); // Active
      const voter = dev[1] as Address;
      const split = {
        againstVotes: parseUnits("10", 18),
        forVotes: parseUnits("200", 18),
        abstainVotes: parseUnits("5", 18),
      };
      const castVoteSplit = adapter.castVoteSplit;
      const usedVotes = adapter.usedVotes;
      if (!castVoteSplit || !usedVotes) throw new Error("the fractional adapter has no castVoteSplit/usedVotes");
      await send(voter, castVoteSplit(id, split, "Mostly for"));
      await send(voter, castVoteSplit(id, { againstVotes: 0n, forVotes: parseUnits("1", 18), abstainVotes: 0n }));
      expect(await read<bigint>(usedVotes(id, voter))).toBe(parseUnits("216", 18));
      const [against, forVotes, abstain] = (await client.readContract({
        address: d.governor,
        abi: parseAbi(["function proposalVotes(uint256) view returns (uint256, uint256, uint256)"]),
        functionName: "proposalVotes",
        args: [id],
      })) as readonly [bigint, bigint, bigint];
      expect([against, forVotes, abstain]).toEqual([split.againstVotes, parseUnits("201", 18), split.abstainVotes]);
      expect(await read<boolean>(adapter.hasVoted(id, voter))).toBe(true);
    } finally {
      await wallet.revert({ id: snapshot });
    }
  });

  it("proposes with signatures, then queues and executes by id through the Compound timelock", async () => {
    const d = deployed.bravo;
    const snapshot = await wallet.snapshot();
    try {
      const adapter = governorAdapterFor(await detectGovernor(client, d.governor), d);
      const recipient = dev[6] as Address;
      const amount = parseUnits("3", 18);
      const content: ProposalContent = {
        targets: [d.token],
        values: [0n],
        signatures: ["transfer(address,uint256)"],
        calldatas: [encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [recipient, amount])],
        description: "# Bravo-style test\n\nPay 3 tokens.",
      };
      await wallet.mine({ blocks: 1 }); // the proposer's votes must be in a past block
      const id = createdId(await send(dev[0] as Address, adapter.propose(content)), d.governor);
      await wallet.mine({ blocks: d.settings.votingDelay + 1 });
      await send(dev[0] as Address, adapter.castVote(id, 1, "Pay them"));
      await send(dev[1] as Address, adapter.castVote(id, 1));
      expect(await read<boolean>(adapter.hasVoted(id, dev[1] as Address))).toBe(true);
      await wallet.mine({ blocks: d.settings.votingPeriod + 1 });
      expect(await read<number>(adapter.state(id))).toBe(4); // Succeeded
      await send(dev[2] as Address, adapter.queue(id, content));
      expect(await read<number>(adapter.state(id))).toBe(5); // Queued
      const eta = await read<bigint>(adapter.proposalEta(id));
      expect(eta).toBeGreaterThan(0n);
      await wallet.setNextBlockTimestamp({ timestamp: eta });
      await wallet.mine({ blocks: 1 });
      const before = await read<bigint>(adapter.balanceOf(recipient));
      await send(dev[2] as Address, adapter.execute(id, content));
      expect(await read<number>(adapter.state(id))).toBe(7); // Executed
      expect((await read<bigint>(adapter.balanceOf(recipient))) - before).toBe(amount);
    } finally {
      await wallet.revert({ id: snapshot });
    }
  });

  for (const slug of ["alpha", "compound"] as const) {
    it(`${slug}: proposes with signatures, votes, and executes by id, sending the actions' ETH`, async () => {
      const d = deployed[slug];
      const snapshot = await wallet.snapshot();
      try {
        const adapter = governorAdapterFor(await detectGovernor(client, d.governor), d);
        const recipient = getAddress(`0x000000000000000000000000000000000000c0${slug === "alpha" ? "a1" : "b2"}`);
        const amount = parseUnits("7", 18);
        const content: ProposalContent = {
          targets: [recipient, d.token],
          values: [parseEther("0.5"), 0n],
          signatures: ["", "transfer(address,uint256)"],
          calldatas: ["0x", encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [recipient, amount])],
          description: `# ${slug} adapter test\n\nPay ETH and 7 UNI.`,
        };
        const id = createdId(await send(dev[2] as Address, adapter.propose(content)), d.governor);
        await wallet.mine({ blocks: d.settings.votingDelay + 1 });
        expect(await read<number>(adapter.state(id))).toBe(1); // Active
        if (slug === "alpha") {
          expect(() => adapter.castVote(id, 2)).toThrow("GovernorAlpha has no Abstain");
          expect(() => adapter.castVote(id, 1, "a reason")).toThrow("GovernorAlpha keeps no reasons");
          await send(dev[3] as Address, adapter.castVote(id, 0));
        } else {
          await send(dev[0] as Address, adapter.castVote(id, 2, "Abstaining"));
        }
        await send(dev[1] as Address, adapter.castVote(id, 1));
        expect(await read<boolean>(adapter.hasVoted(id, dev[1] as Address))).toBe(true);
        expect(await read<boolean>(adapter.hasVoted(id, dev[4] as Address))).toBe(false);
        expect(await refusal(dev[1] as Address, adapter.castVote(id, 1), adapter.errorAbi)).toBe(
          "This account has already voted on this proposal.",
        );
        const tallies = await read<VoteParts>(adapter.proposalVotes(id));
        expect(tallies.forVotes).toBe(parseUnits("300000000", 18));
        if (slug === "alpha")
          expect(tallies).toMatchObject({ againstVotes: parseUnits("50000000", 18), abstainVotes: 0n });
        else expect(tallies.abstainVotes).toBe(parseUnits("390000000", 18));
        const snapshotBlock = await read<bigint>(adapter.proposalSnapshot(id));
        const deadline = await read<bigint>(adapter.proposalDeadline(id));
        expect(deadline - snapshotBlock).toBe(BigInt(d.settings.votingPeriod));
        expect(await read<Address>(adapter.proposalProposer(id))).toBe(dev[2]);

        expect(await refusal(dev[2] as Address, adapter.queue(id, content), adapter.errorAbi)).toBe(
          "Only a proposal that passed (Succeeded) can be queued.",
        );
        await mineSliced(d.settings.votingPeriod);
        expect(await read<number>(adapter.state(id))).toBe(4); // Succeeded
        await send(dev[2] as Address, adapter.queue(id, content));
        const eta = await read<bigint>(adapter.proposalEta(id));
        await wallet.setNextBlockTimestamp({ timestamp: eta });
        await wallet.mine({ blocks: 1 });
        const execute = adapter.execute(id, content);
        expect(execute.value).toBe(parseEther("0.5"));
        const treasury = await client.getBalance({ address: d.timelock });
        await send(dev[5] as Address, execute);
        expect(await read<number>(adapter.state(id))).toBe(7); // Executed
        expect(await client.getBalance({ address: recipient })).toBe(parseEther("0.5"));
        expect(await client.getBalance({ address: d.timelock })).toBe(treasury);
        expect(await read<bigint>(adapter.balanceOf(recipient))).toBe(amount);
      } finally {
        await wallet.revert({ id: snapshot });
      }
    });
  }
});
