/**
 * What the large DAO of `npm run seed:large` holds, decided before anything is sent: its sizes
 * (the figures by default, smaller through SCALE_* variables), each proposal's fate and
 * how many votes it gets. Pure and deterministic, so a size change is visible in the cache key.
 */
import { seededRandom } from "../lib/seededRandom";

/** How big the large DAO is. */
export type ScaleSizes = {
  /** Token holders (each its own account). */
  holders: number;
  /** Holders who self-delegate: the delegates (the rest delegate to them). */
  delegates: number;
  proposals: number;
  votes: number;
  /** Transfers and re-delegations after the first distribution and delegation. */
  churn: number;
  /** Delegators of the largest delegate (the benchmark's "delegate with 5,000 delegators"). */
  largestDelegators: number;
  /** Votes on the largest proposal (the benchmark's "proposal page with 5,000 votes"). */
  largestProposalVotes: number;
};

/** The figures. */
export const fullSizes: ScaleSizes = {
  holders: 50_000,
  delegates: 20_000,
  proposals: 1_200,
  votes: 100_000,
  churn: 100_000,
  largestDelegators: 5_000,
  largestProposalVotes: 5_000,
};

/** Delegates who vote on every proposal they can (and carry quorum). */
export const topDelegates = 10;

const envNames: Record<keyof ScaleSizes, string> = {
  holders: "SCALE_HOLDERS",
  delegates: "SCALE_DELEGATES",
  proposals: "SCALE_PROPOSALS",
  votes: "SCALE_VOTES",
  churn: "SCALE_CHURN",
  largestDelegators: "SCALE_LARGEST_DELEGATORS",
  largestProposalVotes: "SCALE_LARGEST_PROPOSAL_VOTES",
};

/**
 * The sizes: `SCALE=0.1` scales every figure of {@link fullSizes}; `SCALE_HOLDERS=…` (and the other
 * names) set one. Throws naming the variable when a size is not a positive integer or the sizes
 * do not fit together.
 *
 * @example
 * sizesFromEnv({ SCALE: "0.1" }).holders // 5000
 */
export function sizesFromEnv(env: Record<string, string | undefined> = process.env): ScaleSizes {
  const factor = env.SCALE === undefined || env.SCALE === "" ? 1 : Number(env.SCALE);
  if (!(factor > 0)) throw new Error(`SCALE must be a positive number, not "${env.SCALE}"`);
  const sizes = { ...fullSizes };
  for (const key of Object.keys(fullSizes) as (keyof ScaleSizes)[]) {
    const raw = env[envNames[key]];
    const value = raw === undefined || raw === "" ? Math.max(1, Math.round(fullSizes[key] * factor)) : Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`${envNames[key]} must be a positive integer, not "${raw}"`);
    }
    sizes[key] = value;
  }
  if (sizes.delegates <= topDelegates) throw new Error(`SCALE_DELEGATES must be above ${topDelegates}`);
  if (sizes.delegates + sizes.largestDelegators > sizes.holders) {
    throw new Error("SCALE_HOLDERS must be at least SCALE_DELEGATES + SCALE_LARGEST_DELEGATORS");
  }
  if (sizes.proposals < 20) throw new Error("SCALE_PROPOSALS must be at least 20 (every state needs a few)");
  if (sizes.largestProposalVotes > sizes.delegates) {
    throw new Error("SCALE_LARGEST_PROPOSAL_VOTES must not exceed SCALE_DELEGATES (one vote per delegate)");
  }
  return sizes;
}

/** Where a proposal ends up; the last two only happen in the final round. */
export type Fate = "executed" | "defeated" | "succeeded" | "queued" | "canceled" | "active" | "pending";

/** Shares of the proposals by fate (the rest of `executed`'s share rounds to it). */
export const fateShares: Record<Fate, number> = {
  executed: 0.4,
  defeated: 0.2,
  succeeded: 0.08,
  queued: 0.08,
  canceled: 0.1,
  active: 0.07,
  pending: 0.07,
};

/** One planned proposal. */
export type PlannedProposal = { index: number; round: number; fate: Fate; votes: number };

/** Proposals per round (proposed together, voted on together, settled together). */
export const proposalsPerRound = 50;

/**
 * Every proposal's fate, round and vote count. Rounds before the last hold the settled fates in
 * a shuffled order; the last round holds the `active` proposals (voting open at the head) and the
 * `pending` ones (proposed in the head block). Votes: the largest proposal gets
 * `largestProposalVotes`, the other votable ones (not canceled, not pending) share the rest, at
 * least {@link topDelegates} each.
 *
 * @example
 * planProposals(fullSizes).filter((proposal) => proposal.fate === "active").length // 84
 */
export function planProposals(sizes: ScaleSizes, seed = 12): PlannedProposal[] {
  const random = seededRandom(seed);
  const counts = new Map<Fate, number>();
  let assigned = 0;
  for (const fate of Object.keys(fateShares) as Fate[]) {
    if (fate === "executed") continue;
    const count = Math.max(1, Math.floor(sizes.proposals * fateShares[fate]));
    counts.set(fate, count);
    assigned += count;
  }
  counts.set("executed", sizes.proposals - assigned);
  const settled: Fate[] = [];
  for (const fate of ["executed", "defeated", "succeeded", "queued", "canceled"] as const) {
    for (let i = 0; i < (counts.get(fate) ?? 0); i++) settled.push(fate);
  }
  for (let i = settled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [settled[i], settled[j]] = [settled[j] as Fate, settled[i] as Fate];
  }
  const finalRound = Math.ceil(settled.length / proposalsPerRound);
  const fates: { fate: Fate; round: number }[] = [
    ...settled.map((fate, i) => ({ fate, round: Math.floor(i / proposalsPerRound) })),
    ...Array.from({ length: counts.get("active") ?? 0 }, () => ({ fate: "active" as const, round: finalRound })),
    ...Array.from({ length: counts.get("pending") ?? 0 }, () => ({ fate: "pending" as const, round: finalRound })),
  ];
  const votable = fates.filter(({ fate }) => fate !== "canceled" && fate !== "pending").length;
  const rest = Math.max(0, sizes.votes - sizes.largestProposalVotes);
  const each = Math.max(topDelegates, Math.floor(rest / Math.max(1, votable - 1)));
  let remainder = Math.max(0, rest - each * (votable - 1));
  let largestGiven = false;
  return fates.map(({ fate, round }, index) => {
    let votes = 0;
    if (fate !== "canceled" && fate !== "pending") {
      // The largest proposal is an executed one from the middle of the history.
      if (!largestGiven && fate === "executed" && round >= finalRound / 2) {
        largestGiven = true;
        votes = sizes.largestProposalVotes;
      } else {
        votes = Math.min(sizes.delegates, each + (remainder > 0 ? 1 : 0));
        if (remainder > 0) remainder--;
      }
    }
    return { index, round, fate, votes };
  });
}

/**
 * Splits `total` operations over `parts` as evenly as integers allow.
 *
 * @example
 * spread(10, 4) // [3, 3, 2, 2]
 */
export function spread(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}
