/**
 * detectGovernor against the flavour fixtures (scripts/flavours): OZ 5 on a timestamp clock with
 * fractional counting, OZ 5 with an ERC721Votes token and late-quorum protection, and OZ 4.9 with
 * GovernorCompatibilityBravo and a Compound timelock. Each picked adapter reads the fixture's chain.
 */
import {
  type Address,
  createPublicClient,
  encodeAbiParameters,
  getAddress,
  http,
  type PublicClient,
  parseAbi,
  parseUnits,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dev,
  type FlavourClient,
  type FlavourDeployment,
  type FlavourSlug,
  flavourClient,
} from "../../scripts/flavours/common";
import { flavourDeployers } from "../../scripts/flavours/deploy";
import { type AnvilInstance, freePort, startAnvil } from "../../scripts/lib/anvil";
import { type ContractRead, type ContractWrite, type ProposalContent, readResult } from "./adapter";
import { detectGovernor } from "./detect";
import { governorAdapterFor } from "./families";

let anvil: AnvilInstance;
let client: PublicClient;
let wallet: FlavourClient;
const deployed = {} as Record<FlavourSlug, FlavourDeployment>;

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort() });
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
      const split = { against: parseUnits("10", 18), for: parseUnits("200", 18), abstain: parseUnits("5", 18) };
      const castVoteSplit = adapter.castVoteSplit;
      const usedVotes = adapter.usedVotes;
      if (!castVoteSplit || !usedVotes) throw new Error("the fractional adapter has no castVoteSplit/usedVotes");
      await send(voter, castVoteSplit(id, split, "Mostly for"));
      await send(voter, castVoteSplit(id, { against: 0n, for: parseUnits("1", 18), abstain: 0n }));
      expect(await read<bigint>(usedVotes(id, voter))).toBe(parseUnits("216", 18));
      const [against, forVotes, abstain] = (await client.readContract({
        address: d.governor,
        abi: parseAbi(["function proposalVotes(uint256) view returns (uint256, uint256, uint256)"]),
        functionName: "proposalVotes",
        args: [id],
      })) as readonly [bigint, bigint, bigint];
      expect([against, forVotes, abstain]).toEqual([split.against, parseUnits("201", 18), split.abstain]);
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
});
