/**
 * One round of governance in the seeded history: the round's proposals are created, canceled if
 * planned so, voted on, and (for rounds in the past) queued and executed through the timelock.
 * The last round stops while its proposals are Pending or Active.
 */
import { type Address, type Hex, keccak256, stringToHex } from "viem";
import { demoGovernorAbi } from "../../contracts-abi/demoGovernor";
import { holderAddress } from "./actors";
import {
  type DemoContracts,
  type PlannedVote,
  type ProposalPlan,
  proposalDescription,
  proposalPlans,
} from "./proposals";
import type { SeedSession } from "./seedSession";

/** A proposal as it went on chain. */
export type SeededProposal = {
  plan: ProposalPlan;
  id: bigint;
  proposer: Address;
  description: string;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  descriptionHash: Hex;
};

/** Seconds between queueing and executing a proposal in the history (the timelock needs 120). */
const executeAfterSeconds = 3600;

/** Votes are spread over this many blocks, as they would arrive on a real chain. */
const voteBlocks = 3;

const supportValue: Record<PlannedVote[1], number> = { against: 0, for: 1, abstain: 2 };

function governorCall(session: SeedSession, contracts: DemoContracts) {
  const base = { address: contracts.governor, abi: demoGovernorAbi } as const;
  const read = (functionName: "proposalSnapshot" | "proposalDeadline" | "proposalEta", id: bigint) =>
    session.client.readContract({ ...base, functionName, args: [id] });
  return { base, read };
}

async function propose(
  session: SeedSession,
  contracts: DemoContracts,
  plan: ProposalPlan,
  timestamp?: number,
): Promise<SeededProposal> {
  const { base } = governorCall(session, contracts);
  const actions = plan.actions(contracts);
  const proposal = {
    plan,
    proposer: holderAddress(plan.proposer),
    description: proposalDescription(plan.key),
    targets: actions.map((action) => action.target),
    values: actions.map((action) => action.value),
    calldatas: actions.map((action) => action.calldata),
  };
  const descriptionHash = keccak256(stringToHex(proposal.description));
  await session.impersonate(proposal.proposer);
  await session.write(
    {
      ...base,
      from: proposal.proposer,
      functionName: "propose",
      args: [proposal.targets, proposal.values, proposal.calldatas, proposal.description],
    },
    `propose ${plan.key}`,
  );
  await session.mine(timestamp);
  const id = await session.client.readContract({
    ...base,
    functionName: "hashProposal",
    args: [proposal.targets, proposal.values, proposal.calldatas, descriptionHash],
  });
  return { ...proposal, id, descriptionHash };
}

async function castVotes(session: SeedSession, contracts: DemoContracts, proposals: SeededProposal[]): Promise<void> {
  const { base } = governorCall(session, contracts);
  for (let block = 0; block < voteBlocks; block++) {
    for (const proposal of proposals) {
      const votes = proposal.plan.votes.filter((_, index) => index % voteBlocks === block);
      for (const [voter, support, reason] of votes) {
        const from = holderAddress(voter);
        await session.impersonate(from);
        const label = `${voter} votes ${support} on ${proposal.plan.key}`;
        if (reason === undefined) {
          await session.write(
            { ...base, from, functionName: "castVote", args: [proposal.id, supportValue[support]] },
            label,
          );
        } else {
          await session.write(
            { ...base, from, functionName: "castVoteWithReason", args: [proposal.id, supportValue[support], reason] },
            label,
          );
        }
      }
    }
    await session.mine();
  }
}

function max(values: bigint[]): bigint {
  let largest = 0n;
  for (const value of values) if (value > largest) largest = value;
  return largest;
}

async function queueAndExecute(session: SeedSession, contracts: DemoContracts, proposals: SeededProposal[]) {
  const { base, read } = governorCall(session, contracts);
  const toQueue = proposals.filter(({ plan }) => plan.outcome === "executed" || plan.outcome === "queued");
  if (toQueue.length === 0) return;
  for (const proposal of toQueue) {
    const args = [proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash] as const;
    await session.write(
      { ...base, from: proposal.proposer, functionName: "queue", args },
      `queue ${proposal.plan.key}`,
    );
  }
  await session.mine();
  const toExecute = toQueue.filter(({ plan }) => plan.outcome === "executed");
  if (toExecute.length === 0) return;
  const eta = max(await Promise.all(toExecute.map((proposal) => read("proposalEta", proposal.id))));
  const at = Math.max(Number(eta), (await session.headTimestamp()) + executeAfterSeconds);
  // The timelock checks block.timestamp >= eta, so the executing block must be at `at`: estimate
  // gas against a block that is already there.
  await session.mine(at);
  for (const proposal of toExecute) {
    const args = [proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash] as const;
    await session.write(
      { ...base, from: proposal.proposer, functionName: "execute", args },
      `execute ${proposal.plan.key}`,
    );
  }
  await session.mine();
}

/**
 * Runs round `round` of {@link proposalPlans}, its first proposal mined at `timestamp`.
 *
 * @example
 * const proposals = await runRound(session, contracts, 1, startOfRound1);
 */
export async function runRound(
  session: SeedSession,
  contracts: DemoContracts,
  round: ProposalPlan["round"],
  timestamp: number,
): Promise<SeededProposal[]> {
  const { base, read } = governorCall(session, contracts);
  const plans = proposalPlans.filter((plan) => plan.round === round);
  const seeded: SeededProposal[] = [];
  for (const plan of plans.filter(({ outcome }) => outcome !== "pending")) {
    seeded.push(await propose(session, contracts, plan, seeded.length === 0 ? timestamp : undefined));
  }

  for (const proposal of seeded.filter(({ plan }) => plan.outcome === "canceled")) {
    const args = [proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash] as const;
    await session.write(
      { ...base, from: proposal.proposer, functionName: "cancel", args },
      `cancel ${proposal.plan.key}`,
    );
    await session.mine();
  }

  const voting = seeded.filter(({ plan }) => plan.outcome !== "canceled");
  if (voting.length > 0) {
    // Gas is estimated against the head, so the head itself must already be past the snapshot.
    const snapshot = max(await Promise.all(voting.map((proposal) => read("proposalSnapshot", proposal.id))));
    await session.mineUntil(snapshot + 1n);
    await castVotes(session, contracts, voting);
  }

  for (const plan of plans.filter(({ outcome }) => outcome === "pending")) {
    seeded.push(await propose(session, contracts, plan));
  }

  const concluded = plans.every(({ outcome }) => outcome !== "active" && outcome !== "pending");
  if (concluded && voting.length > 0) {
    const deadline = max(await Promise.all(voting.map((proposal) => read("proposalDeadline", proposal.id))));
    await session.mineUntil(deadline + 1n);
    await queueAndExecute(session, contracts, voting);
  }
  return seeded;
}
