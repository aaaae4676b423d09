/**
 * Which of queue, execute and cancel the governor accepts for a proposal right now, following
 * OpenZeppelin Governor 5: `queue` needs Succeeded (and a timelock: without one a Succeeded
 * proposal is executed directly); `execute` needs Queued and the timelock's ETA reached (until
 * then the wait is returned, for a countdown); `cancel` needs Pending and the proposer as sender.
 */
import { type Address, isAddressEqual } from "viem";
import type { ProposalState } from "../chain/proposalStates";

export type LifecycleInput = {
  state: ProposalState | undefined;
  /** The governor executes through a timelock (and so needs `queue` first). */
  hasTimelock: boolean;
  /** Seconds; null when not queued. */
  eta: bigint | null;
  /** The chain's time now, in seconds (an estimate between blocks). */
  now: bigint;
  account: Address | undefined;
  proposer: Address | null;
  /**
   * False when the governor does not let a proposer cancel their own proposal (GovernorAlpha: only
   * once the proposer's votes fall below the threshold, and then anyone may). Default true.
   */
  proposerCanCancel?: boolean;
};

export type LifecycleAction =
  | { kind: "queue" }
  | { kind: "execute" }
  /** Queued, ETA not reached: execute becomes possible in `remaining` seconds. */
  | { kind: "waitForEta"; eta: bigint; remaining: bigint }
  | { kind: "cancel" };

/**
 * @example
 * lifecycleActions({ state: "Queued", hasTimelock: true, eta: 1_000n, now: 940n, account, proposer })
 * // [{ kind: "waitForEta", eta: 1000n, remaining: 60n }]
 */
export function lifecycleActions(input: LifecycleInput): LifecycleAction[] {
  const { state, eta, now } = input;
  switch (state) {
    case "Succeeded":
      return [{ kind: input.hasTimelock ? "queue" : "execute" }];
    case "Queued":
      if (eta === null || eta === 0n) return [{ kind: "execute" }];
      return now >= eta ? [{ kind: "execute" }] : [{ kind: "waitForEta", eta, remaining: eta - now }];
    case "Pending":
      return input.proposerCanCancel !== false &&
        input.account &&
        input.proposer &&
        isAddressEqual(input.account, input.proposer)
        ? [{ kind: "cancel" }]
        : [];
    default:
      return [];
  }
}
