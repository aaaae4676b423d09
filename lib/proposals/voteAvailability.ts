/**
 * Whether the connected account can vote on a proposal now, and if not, the reason in words. The
 * order follows the Governor's own checks (`castVote` reverts on a state other than Active, then
 * on a second vote); an account with no voting power at the snapshot could vote but its vote
 * would weigh nothing, so the app refuses it too and says why.
 *
 * Under fractional counting (GovernorCountingFractional) a voter may vote again with the weight
 * they have not cast yet, and `hasVoted` is true once any weight is used: pass `usedVotes` and the
 * answer rests on the weight left (voting power at the snapshot minus used votes) instead.
 */
import type { ProposalState } from "../chain/proposalStates";

export type VoteAvailabilityInput = {
  /** undefined while unknown. */
  state: ProposalState | undefined;
  /** undefined while unknown. */
  hasVoted: boolean | undefined;
  /** Voting power at the snapshot; undefined while unknown. */
  votingPower: bigint | undefined;
  /** When voting opens, in words ("at block 120, ≈ 3 Mar 2025 14:00"); for a Pending proposal. */
  opensAt?: string;
  /**
   * Fractional counting only: the weight the account has already cast (`usedVotes`); undefined
   * while unknown. When given, `hasVoted` is not looked at.
   */
  fractional?: { usedVotes: bigint | undefined };
};

export type VoteAvailability =
  | { status: "open" }
  | { status: "loading" }
  | { status: "closed"; reason: "notOpen" | "ended" | "voted" | "noPower"; message: string };

const endedMessages: Partial<Record<ProposalState, string>> = {
  Canceled: "Voting is closed: this proposal was canceled.",
  Defeated: "Voting has ended: this proposal was defeated.",
  Succeeded: "Voting has ended: this proposal succeeded.",
  Queued: "Voting has ended: this proposal is queued for execution.",
  Expired: "Voting has ended: this proposal expired.",
  Executed: "Voting has ended: this proposal was executed.",
};

const noPower: VoteAvailability = {
  status: "closed",
  reason: "noPower",
  message:
    "You had no voting power at the snapshot, so your vote would not count. Only tokens delegated (to yourself or someone else) before the snapshot count.",
};

/**
 * @example
 * voteAvailability({ state: "Active", hasVoted: false, votingPower: 5n }) // { status: "open" }
 * voteAvailability({ state: "Pending", hasVoted: false, votingPower: 5n, opensAt: "at block 120" })
 * // { status: "closed", reason: "notOpen", message: "Voting opens at block 120." }
 */
export function voteAvailability(input: VoteAvailabilityInput): VoteAvailability {
  const { state } = input;
  if (state === undefined) return { status: "loading" };
  if (state === "Pending") {
    return {
      status: "closed",
      reason: "notOpen",
      message: input.opensAt ? `Voting opens ${input.opensAt}.` : "Voting has not opened yet.",
    };
  }
  if (state !== "Active") {
    return { status: "closed", reason: "ended", message: endedMessages[state] ?? "Voting has ended." };
  }
  if (input.fractional) {
    const used = input.fractional.usedVotes;
    if (used === undefined || input.votingPower === undefined) return { status: "loading" };
    if (used > 0n && used >= input.votingPower) {
      return {
        status: "closed",
        reason: "voted",
        message: "You have already voted on this proposal with all your voting power.",
      };
    }
    return input.votingPower === 0n ? noPower : { status: "open" };
  }
  if (input.hasVoted === undefined) return { status: "loading" };
  if (input.hasVoted) return { status: "closed", reason: "voted", message: "You have already voted on this proposal." };
  if (input.votingPower === undefined) return { status: "loading" };
  if (input.votingPower === 0n) return noPower;
  return { status: "open" };
}
