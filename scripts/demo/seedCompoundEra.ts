/**
 * The Compound-era flavour DAOs on the demo chain (scripts/flavours/alpha.ts and compound.ts),
 * seeded between the demo's round 1 (day -40) and round 2 (day -26), in about 10.5 days of chain
 * time and ~46,200 blocks. GovernorAlpha's voting period is a fixed 40,320 blocks, so the voting
 * windows overlap: every Alpha proposal (the "alpha" DAO's and the "compound" DAO's migration) is
 * voted in the same 40,320 blocks, mined at 12 s a block (≈ 5.6 days). Mining that many blocks is
 * cheap only on an anvil that keeps no per-block state (harness/demoChain.ts starts it so).
 *
 * - alpha "alpha-grants": a UNI transfer given by signature; For by #1 and #3; queued and Executed.
 * - alpha "alpha-marketing": For by #2 and #3, Against by #0 (more votes): Defeated by majority.
 * - compound's GovernorAlpha "compound-migration" (not listed: the DAO's governor is Bravo): hands the
 *   timelock to the GovernorBravoDelegator, sets its whitelist guardian (#6) and `_initiate`s it, as
 *   Compound did; Bravo's proposal ids then continue after it.
 * - alpha "alpha-relayer": 2 ETH, proposed after the window by #3, For by #2: Active at the end (its
 *   40,320 blocks run long past the history's last block).
 * - compound (GovernorBravo, 5,760-block votes, reasons): "compound-docs" 1 ETH + 20,000 UNI, For
 *   with reasons, Abstain: Executed (the executor sends the 1 ETH with the call); "compound-audit"
 *   by signature, queued and never executed: Expired 14 days after its ETA; "compound-threshold" a
 *   call to the governor's own `_setProposalThreshold`, Against with a reason: Defeated;
 *   "compound-hackathon" by #7, who holds no UNI but is whitelisted by the guardian: Canceled by
 *   the guardian.
 */
import { type Address, encodeAbiParameters, type Hex, parseAbiParameters, parseEther, parseUnits } from "viem";
import { governorBravoDelegateAbi } from "../../contracts-abi/flavours/governorBravoDelegate";
import { uniGovernorAlphaAbi } from "../../contracts-abi/flavours/uniGovernorAlpha";
import { deployAlpha } from "../flavours/alpha";
import { dev, type FlavourDeployment } from "../flavours/common";
import {
  type CompoundContracts,
  compoundDeployment,
  compoundWhitelistGuardian,
  deployCompoundContracts,
  migrationActions,
  migrationDescription,
} from "../flavours/compound";
import {
  executeAfterSeconds,
  expectState,
  flavourProposalDescription,
  flavourRecipients,
  queueCall,
  queuePropose,
  seeded,
  sessionSender,
  toJson,
} from "./seedFlavours";
import type { SeedSession } from "./seedSession";
import type { SeededFlavour, SeededFlavourProposal } from "./types";

/** Holds no UNI in the "compound" DAO, but the whitelist guardian lets it propose. */
export const compoundWhitelisted = dev[7];

const units = (whole: string) => parseUnits(whole, 18);
const transferArgs = (to: Address, whole: string) =>
  encodeAbiParameters(parseAbiParameters("address, uint256"), [to, units(whole)]);

type GovernorKind = "alpha" | "bravo";
const abiOf = { alpha: uniGovernorAlphaAbi, bravo: governorBravoDelegateAbi } as const;

/** A proposal in GovernorAlpha/Bravo's form and who proposes it. */
type Planned = {
  key: string;
  proposer: Address;
  targets: Address[];
  values: bigint[];
  signatures: string[];
  calldatas: Hex[];
  description?: string;
};

/** `proposals(id)`'s startBlock, endBlock and eta (the same positions in Alpha's and Bravo's struct). */
async function proposalTimes(session: SeedSession, kind: GovernorKind, governor: Address, id: bigint) {
  const fields = (await session.client.readContract({
    address: governor,
    abi: abiOf[kind],
    functionName: "proposals",
    args: [id],
  })) as readonly unknown[];
  return { eta: fields[2] as bigint, startBlock: fields[3] as bigint, endBlock: fields[4] as bigint };
}

/** Proposes each plan in its own block (ids are counters: a simulation in the same block would repeat one). */
async function proposeEach(session: SeedSession, kind: GovernorKind, governor: Address, plans: Planned[]) {
  const ids: bigint[] = [];
  for (const plan of plans) {
    const description = plan.description ?? flavourProposalDescription(plan.key);
    const args = [plan.targets, plan.values, plan.signatures, plan.calldatas, description];
    ids.push(await queuePropose(session, plan.proposer, governor, abiOf[kind], args, plan.key));
    await session.mine();
  }
  // Votes are accepted from the block after startBlock; gas is estimated against the head.
  const last = ids.at(-1);
  if (last !== undefined) await session.mineUntil((await proposalTimes(session, kind, governor, last)).startBlock + 1n);
  return ids;
}

/** Queues a GovernorAlpha vote: support true = For. */
function alphaVote(session: SeedSession, governor: Address, from: Address, id: bigint, support: boolean) {
  return queueCall(session, from, governor, uniGovernorAlphaAbi, "castVote", [id, support], `alpha vote on ${id}`);
}

/** Queues a GovernorBravo vote (0 Against, 1 For, 2 Abstain), with its reason when given. */
function bravoVote(session: SeedSession, governor: Address, from: Address, id: bigint, support: number, reason = "") {
  return reason
    ? queueCall(session, from, governor, governorBravoDelegateAbi, "castVoteWithReason", [id, support, reason], "vote")
    : queueCall(session, from, governor, governorBravoDelegateAbi, "castVote", [id, support], "vote");
}

/** Moves time to `eta` + an hour (the Compound timelock needs block.timestamp >= eta, checked at the head). */
async function passEta(session: SeedSession, kind: GovernorKind, governor: Address, id: bigint) {
  const { eta } = await proposalTimes(session, kind, governor, id);
  await session.mine(Number(eta) + executeAfterSeconds);
}

/**
 * The "alpha" DAO's first proposals and the "compound" DAO's migration, voted in one shared
 * 40,320-block window; then the Active "alpha-relayer".
 */
async function seedAlphaEra(session: SeedSession, alpha: FlavourDeployment, compound: CompoundContracts) {
  const migration = migrationActions(compound);
  const [grants, marketing] = await proposeEach(session, "alpha", alpha.governor, [
    {
      key: "alpha-grants",
      proposer: dev[0],
      targets: [alpha.token],
      values: [0n],
      signatures: ["transfer(address,uint256)"],
      calldatas: [transferArgs(flavourRecipients.grantsRound, "250000")],
    },
    {
      key: "alpha-marketing",
      proposer: dev[2],
      targets: [alpha.token],
      values: [0n],
      signatures: ["transfer(address,uint256)"],
      calldatas: [transferArgs(flavourRecipients.marketingAgency, "5000000")],
    },
  ]);
  const [migrationId] = await proposeEach(session, "alpha", compound.alpha, [
    { key: "compound-migration", proposer: dev[0], ...migration, description: migrationDescription },
  ]);
  if (grants === undefined || marketing === undefined || migrationId === undefined) throw new Error("unreachable");

  await alphaVote(session, alpha.governor, dev[1], grants, true);
  await alphaVote(session, alpha.governor, dev[3], grants, true);
  await alphaVote(session, alpha.governor, dev[2], marketing, true);
  await alphaVote(session, alpha.governor, dev[3], marketing, true);
  await alphaVote(session, alpha.governor, dev[0], marketing, false);
  await alphaVote(session, compound.alpha, dev[0], migrationId, true);
  await alphaVote(session, compound.alpha, dev[1], migrationId, true);
  await session.mine();
  // One window for all three: the last one's end.
  await session.mineUntil((await proposalTimes(session, "alpha", compound.alpha, migrationId)).endBlock + 1n);

  const alphaCall = (governor: Address, fn: string, id: bigint, key: string) =>
    queueCall(session, dev[0], governor, uniGovernorAlphaAbi, fn, [id], `${fn} ${key}`);
  await alphaCall(alpha.governor, "queue", grants, "alpha-grants");
  await alphaCall(compound.alpha, "queue", migrationId, "compound-migration");
  await session.mine();
  await passEta(session, "alpha", compound.alpha, migrationId);
  await alphaCall(alpha.governor, "execute", grants, "alpha-grants");
  await alphaCall(compound.alpha, "execute", migrationId, "compound-migration");
  await session.mine();
  await expectState(session, alpha.governor, grants, "alpha-grants", "Executed");
  await expectState(session, alpha.governor, marketing, "alpha-marketing", "Defeated");
  await expectState(session, compound.alpha, migrationId, "compound-migration", "Executed");

  const [relayer] = await proposeEach(session, "alpha", alpha.governor, [
    {
      key: "alpha-relayer",
      proposer: dev[3],
      targets: [flavourRecipients.relayer],
      values: [parseEther("2")],
      signatures: [""],
      calldatas: ["0x"],
    },
  ]);
  if (relayer === undefined) throw new Error("unreachable");
  await alphaVote(session, alpha.governor, dev[2], relayer, true);
  await session.mine();
  await expectState(session, alpha.governor, relayer, "alpha-relayer", "Active");
  return [
    seeded("alpha-grants", grants, "Executed"),
    seeded("alpha-marketing", marketing, "Defeated"),
    seeded("alpha-relayer", relayer, "Active"),
  ];
}

/** The "compound" DAO's GovernorBravo proposals, once the migration made it the timelock's admin. */
async function seedBravoEra(session: SeedSession, compound: CompoundContracts, whitelistUntil: number) {
  const { bravo, token } = compound;
  const initial = await session.client.readContract({
    address: bravo,
    abi: governorBravoDelegateAbi,
    functionName: "initialProposalId",
  });
  if (initial === 0n) throw new Error("GovernorBravo was not initiated by the migration");
  await queueCall(
    session,
    compoundWhitelistGuardian,
    bravo,
    governorBravoDelegateAbi,
    "_setWhitelistAccountExpiration",
    [compoundWhitelisted, BigInt(whitelistUntil)],
    "whitelist #7",
  );
  await session.mine();

  const [docs, audit, threshold, hackathon] = await proposeEach(session, "bravo", bravo, [
    {
      key: "compound-docs",
      proposer: dev[0],
      targets: [flavourRecipients.docsWriter, token],
      values: [parseEther("1"), 0n],
      signatures: ["", "transfer(address,uint256)"],
      calldatas: ["0x", transferArgs(flavourRecipients.docsWriter, "20000")],
    },
    {
      key: "compound-audit",
      proposer: dev[1],
      targets: [token],
      values: [0n],
      signatures: ["transfer(address,uint256)"],
      calldatas: [transferArgs(flavourRecipients.auditFirm, "50000")],
    },
    {
      key: "compound-threshold",
      proposer: dev[2],
      targets: [bravo],
      values: [0n],
      signatures: ["_setProposalThreshold(uint256)"],
      calldatas: [encodeAbiParameters(parseAbiParameters("uint256"), [units("100000")])],
    },
    {
      key: "compound-hackathon",
      proposer: compoundWhitelisted,
      targets: [token],
      values: [0n],
      signatures: ["transfer(address,uint256)"],
      calldatas: [transferArgs(flavourRecipients.hackathon, "10000")],
    },
  ]);
  if (docs === undefined || audit === undefined || threshold === undefined || hackathon === undefined) {
    throw new Error("unreachable");
  }
  await bravoVote(session, bravo, dev[0], docs, 1, "Good docs pay for themselves.");
  await bravoVote(session, bravo, dev[1], docs, 1);
  await bravoVote(session, bravo, dev[3], docs, 2, "No view on the writer; happy either way.");
  await bravoVote(session, bravo, dev[1], audit, 1, "Audits before the next upgrade.");
  await bravoVote(session, bravo, dev[2], audit, 0, "Get a second quote first.");
  await bravoVote(session, bravo, dev[0], threshold, 0, "A higher threshold shuts out smaller delegates.");
  await bravoVote(session, bravo, dev[2], threshold, 1);
  await bravoVote(session, bravo, dev[3], threshold, 2);
  // The proposer holds no votes and is whitelisted: only the guardian may cancel.
  await queueCall(session, compoundWhitelistGuardian, bravo, governorBravoDelegateAbi, "cancel", [hackathon], "cancel");
  await session.mine();
  await session.mineUntil((await proposalTimes(session, "bravo", bravo, hackathon)).endBlock + 1n);

  await queueCall(session, dev[0], bravo, governorBravoDelegateAbi, "queue", [docs], "queue compound-docs");
  await queueCall(session, dev[0], bravo, governorBravoDelegateAbi, "queue", [audit], "queue compound-audit");
  await session.mine();
  await passEta(session, "bravo", bravo, docs);
  // GovernorBravo forwards each action's value from the caller: the executor sends the 1 ETH.
  await session.write(
    {
      from: dev[0],
      address: bravo,
      abi: governorBravoDelegateAbi,
      functionName: "execute",
      args: [docs],
      value: parseEther("1"),
    },
    "execute compound-docs",
  );
  await session.mine();
  await expectState(session, bravo, docs, "compound-docs", "Executed");
  await expectState(session, bravo, audit, "compound-audit", "Queued");
  await expectState(session, bravo, threshold, "compound-threshold", "Defeated");
  await expectState(session, bravo, hackathon, "compound-hackathon", "Canceled");
  return [
    seeded("compound-docs", docs, "Executed"),
    seeded("compound-audit", audit, "Expired"),
    seeded("compound-threshold", threshold, "Defeated"),
    seeded("compound-hackathon", hackathon, "Canceled"),
  ];
}

/**
 * Deploys the "alpha" and "compound" DAOs through `session`, the first block at `timestamp`, and
 * (unless `proposals` is false) seeds their proposals and the compound DAO's migration to Bravo.
 * Without proposals the compound DAO stays under its GovernorAlpha (Bravo deployed, not initiated).
 * The Bravo proposal left queued is Expired only 16 days after it was queued: the demo's later
 * rounds take the chain past that.
 *
 * @example
 * const [alpha, compound] = await seedCompoundEra(session, { timestamp: round1 + day, proposals: true });
 */
export async function seedCompoundEra(
  session: SeedSession,
  options: { timestamp: number; proposals: boolean },
): Promise<SeededFlavour[]> {
  await session.mine(options.timestamp);
  const sender = sessionSender(session);
  const alpha = await deployAlpha(sender);
  const contracts = await deployCompoundContracts(sender);
  const compound = compoundDeployment(contracts, await sender.chainId());
  let alphaProposals: SeededFlavourProposal[] = [];
  let compoundProposals: SeededFlavourProposal[] = [];
  if (options.proposals) {
    alphaProposals = await seedAlphaEra(session, alpha, contracts);
    compoundProposals = await seedBravoEra(session, contracts, options.timestamp + 400 * 86_400);
  }
  return [
    { ...toJson(alpha), proposals: alphaProposals },
    { ...toJson(compound), proposals: compoundProposals },
  ];
}
