/**
 * The demo DAO's proposals: who proposes what, who votes how and why, and the state each one must
 * be in when seeding ends. Descriptions live in ./descriptions/*.md. Vote weights are chosen
 * against the 400,000 COMM quorum (4% of 10M) so every outcome is decided by the votes below;
 * scripts/demo/README.md lists the resulting states.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Address, encodeFunctionData, type Hex, parseEther, parseUnits } from "viem";
import { demoGovernorAbi } from "../../contracts-abi/demoGovernor";
import { mockErc20Abi } from "../../contracts-abi/mockErc20";
import { holderAddress, recipients } from "./actors";
import type { DemoProposalState } from "./types";

/** The deployed contracts a proposal's actions point at. */
export type DemoContracts = {
  governor: Address;
  token: Address;
  timelock: Address;
  musdc: Address;
  mweth: Address;
};

/** One call the timelock makes when the proposal executes. */
export type ProposalAction = { target: Address; value: bigint; calldata: Hex };

/** How a proposal's life ends in the seeded history. */
export type ProposalOutcome =
  | "executed"
  | "queued"
  | "succeeded"
  | "defeatedByMajority"
  | "defeatedByQuorum"
  | "canceled"
  | "active"
  | "pending";

/** A vote: the voter's holder name, the side, and an optional reason (shown in the app). */
export type PlannedVote = [voter: string, support: "against" | "for" | "abstain", reason?: string];

/** One proposal of the seeded history. */
export type ProposalPlan = {
  /** Stable key (also the description file name). */
  key: string;
  /** Holder name of the proposer. */
  proposer: string;
  /** Rounds run in order, days apart; round 4 is "now". */
  round: 1 | 2 | 3 | 4;
  outcome: ProposalOutcome;
  actions: (contracts: DemoContracts) => ProposalAction[];
  votes: PlannedVote[];
};

/** The markdown description of a proposal, exactly as it goes on chain. */
export function proposalDescription(key: string): string {
  return readFileSync(join(import.meta.dirname, "descriptions", `${key}.md`), "utf8");
}

const usdc = (amount: string) => parseUnits(amount, 6);
const comm = (amount: string) => parseUnits(amount, 18);

function erc20Transfer(token: Address, to: Address, amount: bigint): ProposalAction {
  const calldata = encodeFunctionData({ abi: mockErc20Abi, functionName: "transfer", args: [to, amount] });
  return { target: token, value: 0n, calldata };
}

function ethTransfer(to: Address, value: bigint): ProposalAction {
  return { target: to, value, calldata: "0x" };
}

/** Every proposal, in creation order. */
export const proposalPlans: readonly ProposalPlan[] = [
  {
    key: "grants-q1",
    proposer: "lina.eth",
    round: 1,
    outcome: "executed",
    actions: (c) => [erc20Transfer(c.musdc, recipients.grantsMultisig, usdc("75000"))],
    votes: [
      ["lina.eth", "for", "The pilot round delivered. Growing it with the same review process is the right call."],
      ["gov-research", "for", "Supportive. We'd like the scoring sheet published before payouts."],
      ["marco.eth", "for"],
      ["dao-stewards", "for", "Stewards will help the committee with the open call."],
      [
        "meridian-capital",
        "against",
        "75k is a big jump from 30k. We'd rather see 50k and a mid-quarter report first.",
      ],
      ["alice-builder", "for", "Two of the pilot grantees are tools I use every day."],
      ["mateo", "abstain", "No strong opinion on the amount."],
      ["rosa", "for"],
      ["dev-delegate", "for", "Yes — and please keep the 40/60 milestone split."],
      ["gabriel", "for"],
      ["eun-ji", "for", "Grants brought me to this DAO."],
      ["zoe", "for"],
    ],
  },
  {
    key: "lower-threshold",
    proposer: "gov-research",
    round: 1,
    outcome: "executed",
    actions: (c) => [
      {
        target: c.governor,
        value: 0n,
        calldata: encodeFunctionData({
          abi: demoGovernorAbi,
          functionName: "setProposalThreshold",
          args: [comm("1000")],
        }),
      },
    ],
    votes: [
      ["gov-research", "for", "More people able to propose means fewer ideas dying in DMs."],
      ["lina.eth", "for"],
      ["marco.eth", "for", "Quorum and the timelock are the real safety net, not the threshold."],
      ["dao-stewards", "for"],
      ["meridian-capital", "for"],
      ["dev-delegate", "abstain", "Fine either way; let's revisit if we see spam."],
      ["xena", "for"],
      ["alice-builder", "against", "1,000 COMM is cheap enough to invite spam proposals."],
      ["arjun", "for", "Finally I can propose the translation grants myself."],
      ["lucia", "for"],
    ],
  },
  {
    key: "stipends-january",
    proposer: "dao-stewards",
    round: 1,
    outcome: "executed",
    actions: (c) => [
      ethTransfer(recipients.contributorAna, parseEther("4")),
      ethTransfer(recipients.contributorBen, parseEther("2.5")),
      erc20Transfer(c.musdc, recipients.contributorChen, usdc("12000")),
    ],
    votes: [
      ["dao-stewards", "for", "Work is documented in the tracker."],
      ["lina.eth", "for"],
      ["gov-research", "for", "Thanks Ana, Ben and Chen."],
      ["marco.eth", "abstain", "Ben works with me on the community calls, so I abstain."],
      ["dev-delegate", "for"],
      ["mateo", "for"],
      ["rosa", "against", "Stipends should be streamed, not paid in lump sums."],
      ["xena", "for"],
      ["deployer", "for"],
      ["bea", "for"],
    ],
  },
  {
    key: "test-proposal",
    proposer: "marco.eth",
    round: 1,
    outcome: "canceled",
    actions: () => [ethTransfer(holderAddress("marco.eth"), 0n)],
    votes: [],
  },
  {
    key: "raise-quorum",
    proposer: "marco.eth",
    round: 2,
    outcome: "defeatedByMajority",
    actions: (c) => [
      {
        target: c.governor,
        value: 0n,
        calldata: encodeFunctionData({ abi: demoGovernorAbi, functionName: "updateQuorumNumerator", args: [8n] }),
      },
    ],
    votes: [
      ["marco.eth", "for", "Thin turnout is a governance risk. 8% is still achievable."],
      ["gov-research", "for", "Our turnout data supports a moderate increase; 8% may be too much, but it's a start."],
      ["dao-stewards", "for"],
      ["alice-builder", "for"],
      ["rosa", "for"],
      ["lina.eth", "against", "Only 5 of the last 12 proposals would have met 8%. This would stall routine work."],
      ["dev-delegate", "against", "Let's raise turnout first (delegate code of conduct), then revisit."],
      ["mateo", "against"],
      ["meridian-capital", "abstain", "Agree with the goal, unsure about the number."],
      ["eun-ji", "against"],
      ["arjun", "against", "Turnout should be fixed with better delegate incentives, not a higher bar."],
    ],
  },
  {
    key: "security-audit",
    proposer: "dev-delegate",
    round: 2,
    outcome: "executed",
    actions: (c) => [erc20Transfer(c.musdc, recipients.auditFirm, usdc("40000"))],
    votes: [
      ["dev-delegate", "for", "Overdue. The timelock holds most of our assets."],
      ["lina.eth", "for"],
      ["gov-research", "for"],
      ["dao-stewards", "for", "We coordinated the scope; happy with it."],
      ["marco.eth", "for"],
      ["meridian-capital", "for", "Good use of funds."],
      ["xena", "for"],
      ["mallory", "against", "Audits are theatre."],
      ["zoe", "for", "Please publish the full report, not a summary."],
      ["gabriel", "for"],
      ["deployer", "for"],
    ],
  },
  {
    key: "buy-domain",
    proposer: "dao-stewards",
    round: 2,
    outcome: "defeatedByQuorum",
    actions: () => [ethTransfer(recipients.domainRegistrar, parseEther("0.5"))],
    votes: [
      ["dao-stewards", "for", "Cheap and useful."],
      ["gabriel", "for"],
      ["xena", "for"],
      ["mateo", "for"],
      ["dev-voter", "for", "Yes please, the docs need a home."],
      ["rosa", "against", "Should be paid from the stewards' tooling budget, not a separate vote."],
      ["alice-builder", "abstain"],
      ["lucia", "for"],
      ["bea", "abstain"],
    ],
  },
  {
    key: "liquidity-mining",
    proposer: "lina.eth",
    round: 2,
    outcome: "executed",
    actions: (c) => [
      erc20Transfer(c.token, recipients.liquidityProgram, comm("250000")),
      erc20Transfer(c.mweth, recipients.liquidityProgram, parseEther("40")),
    ],
    votes: [
      ["lina.eth", "for", "Liquidity is the main complaint from new holders."],
      ["meridian-capital", "for"],
      [
        "gov-research",
        "against",
        "Emissions are too high for a 12-week program; we'd support half the amount with a renewal vote.",
      ],
      ["marco.eth", "for"],
      ["dev-delegate", "for"],
      ["dao-stewards", "abstain", "Stewards will run the distributor, so we abstain."],
      ["alice-builder", "for"],
      ["rosa", "for"],
      ["mallory", "for"],
      ["eun-ji", "against", "Incentives attract mercenary liquidity that leaves after week 12."],
    ],
  },
  {
    key: "stewards-mandate",
    proposer: "gov-research",
    round: 3,
    outcome: "executed",
    actions: (c) => [
      erc20Transfer(c.musdc, recipients.stewardsMultisig, usdc("60000")),
      erc20Transfer(c.token, recipients.stewardsMultisig, comm("20000")),
    ],
    votes: [
      ["gov-research", "for", "The stewards' reports have been consistently good."],
      ["lina.eth", "for"],
      ["dao-stewards", "abstain", "Conflict of interest: this proposal pays us."],
      ["marco.eth", "for"],
      ["meridian-capital", "for"],
      ["dev-delegate", "for"],
      ["alice-builder", "for", "Community calls are the best part of this DAO."],
      ["xena", "against", "I'd like a performance review before renewing."],
      ["zoe", "for"],
      ["arjun", "for"],
    ],
  },
  {
    key: "events-budget",
    proposer: "dao-stewards",
    round: 3,
    outcome: "queued",
    actions: (c) => [erc20Transfer(c.musdc, recipients.eventsCommittee, usdc("25000"))],
    votes: [
      ["dao-stewards", "for"],
      ["lina.eth", "for", "The hack weekend alone is worth it."],
      ["gov-research", "for"],
      ["marco.eth", "for"],
      ["dev-delegate", "for"],
      ["rosa", "for"],
      ["mateo", "against", "Online events only, please. Travel costs add up."],
      ["mallory", "for"],
      ["lucia", "for", "Happy to help organise the Lisbon meetup."],
    ],
  },
  {
    key: "meetup-sponsorship",
    proposer: "dev-delegate",
    round: 3,
    outcome: "succeeded",
    actions: () => [ethTransfer(recipients.meetupOrganizer, parseEther("3"))],
    votes: [
      ["dev-delegate", "for", "Monthly speaking slot for 3 ETH is a good deal."],
      ["meridian-capital", "for"],
      ["marco.eth", "for"],
      ["gabriel", "for"],
      ["alice-builder", "against", "We should sponsor governance events, not general Solidity ones."],
      ["dao-stewards", "for"],
      ["bea", "for"],
    ],
  },
  {
    key: "code-of-conduct",
    proposer: "lina.eth",
    round: 4,
    outcome: "active",
    actions: (c) => [{ target: c.timelock, value: 0n, calldata: "0x" }],
    votes: [
      ["lina.eth", "for", "I already follow all three points and would like others to as well."],
      ["marco.eth", "against", "A 70% participation rule will push busy delegates to vote without reading."],
      ["dev-voter", "for", "Rationales make delegating much easier."],
      ["alice-builder", "for"],
      ["mateo", "abstain"],
      ["eun-ji", "for", "Point 2 (conflicts of interest) matters most to me."],
    ],
  },
  {
    key: "hostile",
    proposer: "mallory",
    round: 4,
    outcome: "active",
    actions: (c) => [erc20Transfer(c.musdc, holderAddress("mallory"), usdc("1000000"))],
    votes: [
      ["mallory", "for", '<script>alert("reason")</script><img src=x onerror=alert(5)> [vote](javascript:alert(6))'],
      ["rosa", "against", "This is an attack on the treasury. Do not connect your wallet to any link in it."],
    ],
  },
  {
    key: "dashboard-bounty",
    proposer: "deployer",
    round: 4,
    outcome: "pending",
    actions: (c) => [erc20Transfer(c.musdc, recipients.dashboardBounty, usdc("15000"))],
    votes: [],
  },
];

/** The governor state a proposal must show when seeding ends. */
export function expectedState(outcome: ProposalOutcome): DemoProposalState {
  switch (outcome) {
    case "executed":
      return "Executed";
    case "queued":
      return "Queued";
    case "succeeded":
      return "Succeeded";
    case "defeatedByMajority":
    case "defeatedByQuorum":
      return "Defeated";
    case "canceled":
      return "Canceled";
    case "active":
      return "Active";
    case "pending":
      return "Pending";
  }
}
