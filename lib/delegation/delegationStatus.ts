/**
 * What the account view and every "Delegate" button say about an account's delegation, from the
 * token's live reads (`balanceOf`, `delegates`, `getVotes`): whether its tokens count at all, and
 * whether delegating to a given address would change anything. Pure: the words live here so they
 * are the same everywhere and tested once.
 */
import { type Address, isAddressEqual, zeroAddress } from "viem";

export type AccountDelegation = {
  account: Address;
  balance: bigint;
  /** `delegates(account)`; the zero address (never delegated) may be passed as null or as is. */
  delegate: Address | null;
  /** `getVotes(account)`: votes delegated to this account (its own included once self-delegated). */
  votes: bigint;
};

export type Standing =
  /** Holds no tokens (and may still receive votes from others). */
  | { kind: "noTokens"; delegated: boolean }
  /** Holds tokens and has never delegated: they are counted nowhere. */
  | { kind: "undelegated" }
  | { kind: "self" }
  | { kind: "other"; delegate: Address };

function currentDelegate(delegate: Address | null): Address | null {
  return delegate === null || isAddressEqual(delegate, zeroAddress) ? null : delegate;
}

/**
 * @example standing({ account, balance: 20_000n * 10n ** 18n, delegate: null, votes: 0n }) // { kind: "undelegated" }
 */
export function standing({ account, balance, delegate }: AccountDelegation): Standing {
  const current = currentDelegate(delegate);
  if (balance === 0n) return { kind: "noTokens", delegated: current !== null };
  if (current === null) return { kind: "undelegated" };
  if (isAddressEqual(current, account)) return { kind: "self" };
  return { kind: "other", delegate: current };
}

export type DelegateCheck = {
  /** Why the button is disabled; null when delegating to the target would change something. */
  disabledReason: string | null;
  /** Worth saying next to an enabled button (e.g. nothing moves yet). */
  note: string | null;
};

export type DelegateCheckOptions = {
  /** How to name the target in a sentence ("Lina", "0x7099…79C8"). */
  targetLabel: string;
  tokenSymbol: string;
};

/**
 * Whether `account` delegating to `target` would change anything, and what to say about it.
 *
 * @example
 * delegateCheck({ account, balance, delegate: account, votes }, account, { targetLabel: "yourself", tokenSymbol: "COMM" })
 * // { disabledReason: "Your votes already count for yourself.", note: null }
 */
export function delegateCheck(
  state: AccountDelegation,
  target: Address,
  { targetLabel, tokenSymbol }: DelegateCheckOptions,
): DelegateCheck {
  const current = currentDelegate(state.delegate);
  const toSelf = isAddressEqual(target, state.account);
  if (current !== null && isAddressEqual(current, target)) {
    return {
      disabledReason: toSelf
        ? "Your votes already count for yourself."
        : `Your votes are already delegated to ${targetLabel}.`,
      note: null,
    };
  }
  if (state.balance === 0n) {
    return {
      disabledReason: null,
      note: `You hold no ${tokenSymbol} yet, so delegating moves no votes now; tokens you receive later will count for ${toSelf ? "you" : targetLabel}.`,
    };
  }
  return { disabledReason: null, note: null };
}
