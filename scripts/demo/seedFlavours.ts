/**
 * The flavour DAOs (scripts/flavours: ts-fractional, nft, bravo) on the demo chain: deployed
 * through the demo's SeedSession early in its history (after the demo's own setup, before its
 * first round), each with a few proposals that are over long before "now":
 *
 * - ts-fractional "ts-split-vote": split votes (support 255) by #1 (in two partial votes) and #2,
 *   a nominal Against by #3; left Succeeded (never queued).
 * - nft "nft-late-quorum": #1 brings quorum two blocks before the deadline, which is extended
 *   (ProposalExtended); queued and Executed.
 * - bravo "bravo-signature": proposed with a function signature (calldata = arguments only),
 *   queued by id and never executed: Expired once 2 + 14 days have passed.
 * - bravo "bravo-executed": queued and executed by id: Executed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  type Hex,
  keccak256,
  parseAbi,
  parseEther,
  parseUnits,
  stringToHex,
} from "viem";
import { bravoGovernorAbi } from "../../contracts-abi/flavours/bravoGovernor";
import { nftGovernorAbi } from "../../contracts-abi/flavours/nftGovernor";
import { timestampFractionalGovernorAbi } from "../../contracts-abi/flavours/timestampFractionalGovernor";
import { timestampFractionalTokenAbi } from "../../contracts-abi/flavours/timestampFractionalToken";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { deployBravo } from "../flavours/bravo";
import { dev, type FlavourDeployment, type FlavourSender } from "../flavours/common";
import { deployNft } from "../flavours/nft";
import { deployTimestampFractional } from "../flavours/timestampFractional";
import { demoAddress } from "./actors";
import type { SeedSession } from "./seedSession";
import { type DemoProposalState, governorStates, type SeededFlavour, type SeededFlavourProposal } from "./types";

/** The views every flavour governor shares (OZ 5 and OZ 4.9 alike). */
const governorViewsAbi = parseAbi([
  "function state(uint256 proposalId) view returns (uint8)",
  "function proposalSnapshot(uint256 proposalId) view returns (uint256)",
  "function proposalDeadline(uint256 proposalId) view returns (uint256)",
  "function proposalEta(uint256 proposalId) view returns (uint256)",
]);

/** Seconds between a proposal's ETA and its execution in the history. */
export const executeAfterSeconds = 3600;

/** Who receives the flavour proposals' payments (no keys; addresses derived from the names). */
export const flavourRecipients = {
  auditFirm: demoAddress("flavour-audit-firm"),
  meetupOrganiser: demoAddress("flavour-meetup-organiser"),
  docsWriter: demoAddress("flavour-docs-writer"),
  relayer: demoAddress("flavour-relayer"),
  grantsRound: demoAddress("flavour-grants-round"),
  marketingAgency: demoAddress("flavour-marketing-agency"),
  hackathon: demoAddress("flavour-hackathon"),
} as const;

/** A flavour proposal's markdown description, exactly as it goes on chain. */
export function flavourProposalDescription(key: string): string {
  return readFileSync(join(import.meta.dirname, "../flavours/descriptions", `${key}.md`), "utf8");
}

/**
 * A {@link FlavourSender} that mines each step as its own block of the seeded history
 * ({@link SeedSession.mine}: 12 s after the head).
 */
export function sessionSender(session: SeedSession): FlavourSender {
  const mined = async () => ({ blockNumber: await session.mine() });
  return {
    chainId: () => session.client.getChainId(),
    nonce: (address) => session.client.getTransactionCount({ address }),
    async deploy(label, from, abi, bytecode, args) {
      const address = await session.deploy(label, from, abi, bytecode, [...args]);
      return { address, blockNumber: await session.client.getBlockNumber() };
    },
    async write(from, call) {
      await session.write({ from, ...call }, `${String(call.functionName)} from ${from}`);
      return mined();
    },
    async sendEth(from, to, value) {
      await session.send(`send ETH to ${to}`, { from, to, value });
      return mined();
    },
    read: async <T>(call: Parameters<FlavourSender["read"]>[0]) => (await session.client.readContract(call)) as T,
    mineBlocks: (blocks) => session.mineEmpty(blocks),
    mineAt: (timestamp) => session.mine(timestamp),
    headTimestamp: () => session.headTimestamp(),
  };
}

function views(session: SeedSession, governor: Address) {
  const read = (functionName: "state" | "proposalSnapshot" | "proposalDeadline" | "proposalEta", id: bigint) =>
    session.client.readContract({ address: governor, abi: governorViewsAbi, functionName, args: [id] });
  return {
    snapshot: (id: bigint) => read("proposalSnapshot", id) as Promise<bigint>,
    deadline: (id: bigint) => read("proposalDeadline", id) as Promise<bigint>,
    eta: (id: bigint) => read("proposalEta", id) as Promise<bigint>,
    state: async (id: bigint) => governorStates[Number(await read("state", id))],
  };
}

/** Queues `propose(args)` from `from` for the next block and returns the id it will get. */
export async function queuePropose(
  session: SeedSession,
  from: Address,
  governor: Address,
  abi: Abi,
  args: readonly unknown[],
  key: string,
): Promise<bigint> {
  const call = { address: governor, abi, functionName: "propose", args } as const;
  const { result } = await session.client.simulateContract({ ...call, account: from });
  await session.write({ ...call, from }, `propose ${key}`);
  return result as bigint;
}

/** Queues a call to `governor` from `from` for the next block. */
export function queueCall(
  session: SeedSession,
  from: Address,
  governor: Address,
  abi: Abi,
  functionName: string,
  args: readonly unknown[],
  label: string,
) {
  return session.write({ from, address: governor, abi, functionName, args }, label);
}

export async function expectState(session: SeedSession, governor: Address, id: bigint, key: string, state: string) {
  const actual = await views(session, governor).state(id);
  if (actual !== state) throw new Error(`flavour proposal "${key}" is ${actual} after seeding, expected ${state}`);
}

export function seeded(key: string, id: bigint, expectedState: DemoProposalState): SeededFlavourProposal {
  return { id: id.toString(), key, title: proposalTitle(flavourProposalDescription(key)), expectedState };
}

const units = (whole: string) => parseUnits(whole, 18);
const split = (against: string, forVotes: string, abstain: string): Hex =>
  encodePacked(["uint128", "uint128", "uint128"], [units(against), units(forVotes), units(abstain)]);

/** ts-fractional: a split vote (two partial votes by #1, one by #2, a nominal Against by #3), left Succeeded. */
async function seedTimestampFractional(session: SeedSession, dao: FlavourDeployment) {
  const { governor } = dao;
  const abi = timestampFractionalGovernorAbi;
  const key = "ts-split-vote";
  const description = flavourProposalDescription(key);
  const content = [
    [dao.token],
    [0n],
    [
      encodeFunctionData({
        abi: timestampFractionalTokenAbi,
        functionName: "transfer",
        args: [flavourRecipients.auditFirm, units("25000")],
      }),
    ],
  ] as const;
  const id = await queuePropose(session, dev[2], governor, abi, [...content, description], key);
  await session.mine();
  const view = views(session, governor);
  // Timestamp clock: the head must be past the snapshot (a Unix time) before anyone can vote.
  await session.mine(Number(await view.snapshot(id)) + 1);
  const vote = (from: Address, params: Hex, reason: string) =>
    queueCall(session, from, governor, abi, "castVoteWithReasonAndParams", [id, 255, reason, params], `split ${key}`);
  await vote(dev[1], split("10000", "150000", "20000"), "Mostly for; part of our delegators have doubts.");
  await queueCall(
    session,
    dev[3],
    governor,
    abi,
    "castVoteWithReason",
    [id, 0, "The audit should be paid in stablecoins."],
    `#3 against ${key}`,
  );
  await session.mine();
  await vote(dev[1], split("0", "100000", "20000"), "");
  await vote(dev[2], split("30000", "60000", "10000"), "Split as our members voted off-chain.");
  await session.mine();
  await session.mine(Number(await view.deadline(id)) + 1);
  await expectState(session, governor, id, key, "Succeeded");
  return [seeded(key, id, "Succeeded")];
}

/** nft: #3 and #2 vote early, #1 reaches quorum two blocks before the deadline (extended); Executed. */
async function seedNft(session: SeedSession, dao: FlavourDeployment) {
  const { governor } = dao;
  const abi = nftGovernorAbi;
  const key = "nft-late-quorum";
  const description = flavourProposalDescription(key);
  const content = [[flavourRecipients.meetupOrganiser], [parseEther("1")], ["0x" as Hex]] as const;
  const id = await queuePropose(session, dev[3], governor, abi, [...content, description], key);
  await session.mine();
  const view = views(session, governor);
  await session.mineUntil((await view.snapshot(id)) + 1n);
  const castVote = (from: Address, support: number, reason: string, label: string) =>
    queueCall(session, from, governor, abi, "castVoteWithReason", [id, support, reason], label);
  await castVote(dev[3], 1, "Meetups are why I joined.", `#3 for ${key}`);
  await castVote(dev[2], 0, "1 ETH is too much for one evening.", `#2 against ${key}`);
  await session.mine();
  const deadline = await view.deadline(id);
  await session.mineUntil(deadline - 3n);
  await castVote(dev[1], 1, "Happy to help it over the line.", `#1 for ${key} (late quorum)`);
  const votedAt = await session.mine();
  const extended = await view.deadline(id);
  if (extended <= deadline || votedAt !== deadline - 2n) {
    throw new Error(`"${key}": the late vote in block ${votedAt} did not extend the deadline ${deadline}`);
  }
  await session.mineUntil(extended + 1n);
  const args = [...content, keccak256(stringToHex(description))];
  await queueCall(session, dev[0], governor, abi, "queue", args, `queue ${key}`);
  await session.mine();
  await session.mine(Number(await view.eta(id)) + executeAfterSeconds);
  await queueCall(session, dev[0], governor, abi, "execute", args, `execute ${key}`);
  await session.mine();
  await expectState(session, governor, id, key, "Executed");
  return [seeded(key, id, "Executed")];
}

/**
 * bravo: one proposal with a function signature, queued by id and left to expire; one queued and
 * executed by id.
 */
async function seedBravo(session: SeedSession, dao: FlavourDeployment) {
  const { governor } = dao;
  const abi = bravoGovernorAbi;
  const signatureKey = "bravo-signature";
  const payment = encodeAbiParameters(
    [{ type: "address" }, { type: "uint256" }],
    [flavourRecipients.docsWriter, units("1000")],
  );
  const stale = await queuePropose(
    session,
    dev[2],
    governor,
    abi,
    [[dao.token], [0n], ["transfer(address,uint256)"], [payment], flavourProposalDescription(signatureKey)],
    signatureKey,
  );
  const executedKey = "bravo-executed";
  const executed = await queuePropose(
    session,
    dev[0],
    governor,
    abi,
    [[flavourRecipients.relayer], [parseEther("1")], ["0x"], flavourProposalDescription(executedKey)],
    executedKey,
  );
  await session.mine();
  const view = views(session, governor);
  await session.mineUntil((await view.snapshot(executed)) + 1n);
  const castVote = (from: Address, id: bigint, support: number, reason: string) =>
    queueCall(session, from, governor, abi, "castVoteWithReason", [id, support, reason], `vote on ${id}`);
  await castVote(dev[1], stale, 1, "Good docs are worth it.");
  await castVote(dev[2], stale, 1, "");
  await castVote(dev[3], stale, 0, "Pay in ETH instead.");
  await castVote(dev[0], executed, 1, "");
  await castVote(dev[1], executed, 1, "The relayer kept governance running.");
  await session.mine();
  await session.mineUntil((await view.deadline(executed)) + 1n);
  await queueCall(session, dev[0], governor, abi, "queue", [stale], `queue ${signatureKey}`);
  await queueCall(session, dev[0], governor, abi, "queue", [executed], `queue ${executedKey}`);
  await session.mine();
  // The Compound timelock needs block.timestamp >= eta: estimate against a block already there.
  await session.mine(Number(await view.eta(executed)) + executeAfterSeconds);
  await queueCall(session, dev[0], governor, abi, "execute", [executed], `execute ${executedKey}`);
  await session.mine();
  await expectState(session, governor, executed, executedKey, "Executed");
  await expectState(session, governor, stale, signatureKey, "Queued");
  return [seeded(signatureKey, stale, "Expired"), seeded(executedKey, executed, "Executed")];
}

export function toJson(deployment: FlavourDeployment): Omit<SeededFlavour, "proposals"> {
  return JSON.parse(JSON.stringify(deployment, (_, value) => (typeof value === "bigint" ? value.toString() : value)));
}

/**
 * Deploys the three flavour DAOs through `session`, the first block at `timestamp`, and (unless
 * `proposals` is false) seeds their proposals. Chain time used: a little over 2 days (the Compound
 * timelock's delay); the Bravo proposal left queued is Expired only 16 days after it was queued,
 * so the demo's later rounds must take the chain past that.
 *
 * @example
 * const flavours = await seedFlavours(session, { timestamp: setup + day, proposals: true });
 */
export async function seedFlavours(
  session: SeedSession,
  options: { timestamp: number; proposals: boolean },
): Promise<SeededFlavour[]> {
  await session.mine(options.timestamp);
  const sender = sessionSender(session);
  const deployments = [
    await deployTimestampFractional(sender),
    await deployNft(sender),
    await deployBravo(sender),
  ] as const;
  const seeders = [seedTimestampFractional, seedNft, seedBravo] as const;
  const flavours: SeededFlavour[] = [];
  for (const [index, deployment] of deployments.entries()) {
    const seed = seeders[index];
    const proposals = options.proposals && seed ? await seed(session, deployment) : [];
    flavours.push({ ...toJson(deployment), proposals });
  }
  return flavours;
}
