/**
 * Turns whatever a wallet, an RPC or a contract threw into one sentence a voter can act on:
 * a rejection in the wallet, a revert decoded from the Governor's, token's or timelock's custom
 * errors or from the revert strings of OpenZeppelin 4.x and Compound's GovernorBravo and Timelock,
 * too little ETH for gas, a network failure. Other revert strings come from the chain and are
 * untrusted: they are returned as plain text (React renders them inert), cut to a sane length.
 *
 * Over 300 lines because it is mostly the table of explained errors, one entry per known revert.
 */
import {
  type Abi,
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hex,
  InsufficientFundsError,
  UserRejectedRequestError,
} from "viem";
import { proposalStateNames } from "../chain/proposalStates";
import { governorErrorAbi } from "../governor/adapter";

export type TxErrorKind = "rejected" | "reverted" | "funds" | "network" | "chain" | "unknown";

export type TxErrorExplanation = { kind: TxErrorKind; message: string };

const maxReasonLength = 200;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > maxReasonLength ? `${oneLine.slice(0, maxReasonLength)}…` : oneLine;
}

function stateName(value: unknown): string {
  return proposalStateNames[Number(value)] ?? `state ${String(value)}`;
}

/** The states a `bytes32` bitmap of ProposalState values allows (bit i = state i). */
export function statesInBitmap(bitmap: Hex | bigint): string[] {
  const bits = typeof bitmap === "bigint" ? bitmap : BigInt(bitmap);
  return proposalStateNames.filter((_, index) => (bits >> BigInt(index)) & 1n);
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** Plain language for a decoded custom error; undefined when Commons has no words for it. */
export function describeCustomError(name: string, args: readonly unknown[] = []): string | undefined {
  switch (name) {
    case "GovernorAlreadyCastVote":
      return "This account has already voted on this proposal.";
    case "GovernorUnexpectedProposalState": {
      const expected = statesInBitmap(args[2] as Hex | bigint);
      const now = stateName(args[1]);
      // OpenZeppelin's propose reverts with no expected state when the same proposal exists.
      return expected.length
        ? `The proposal is ${now}; this needs it to be ${joinOr(expected)}.`
        : `A proposal with exactly these actions and this description already exists (it is ${now}). Change the description to propose it again.`;
    }
    case "GovernorInsufficientProposerVotes":
      return "Your voting power is below the proposal threshold, so the governor will not accept a proposal from you.";
    case "GovernorRestrictedProposer":
      return "The description names a required proposer (#proposer=…) and this account is not it.";
    case "GovernorNonexistentProposal":
      return "This governor has no such proposal.";
    case "GovernorOnlyExecutor":
      return "Only the governor's executor (its timelock) may do this.";
    case "GovernorUnableToCancel":
      return "Only the proposer can cancel, and only before voting starts.";
    case "GovernorInvalidVoteType":
      return "This governor does not count that kind of vote.";
    case "GovernorInvalidVoteParams":
      return "The vote's parameters are not what this governor's counting expects (a split vote gives three amounts: Against, For and Abstain).";
    case "GovernorExceedRemainingWeight":
      return "The split uses more voting power than this account has left on this proposal (part of it was already cast).";
    case "GovernorInvalidProposalLength":
      return "The proposal's targets, values and calldatas must have the same, non-zero length.";
    case "GovernorAlreadyQueuedProposal":
      return "This proposal is already queued.";
    case "GovernorProposalQueueingNotRequired":
    case "GovernorQueueNotImplemented":
      return "This governor executes proposals without queueing them.";
    case "GovernorInvalidSignature":
      return "The vote signature is not valid for this voter.";
    case "GovernorDisabledDeposit":
      return "The governor does not accept ETH sent to it directly.";
    case "TimelockUnexpectedOperationState":
      return "The timelock refused: the operation is not in the state this needs (already scheduled, already done, or its delay has not passed yet).";
    case "TimelockUnexecutedPredecessor":
      return "The timelock refused: an operation this one depends on has not been executed.";
    case "TimelockInsufficientDelay":
      return "The timelock refused: the delay is shorter than its minimum.";
    case "TimelockUnauthorizedCaller":
    case "AccessControlUnauthorizedAccount":
      return "The timelock refused: the caller does not hold the role it requires.";
    case "FailedCall":
    case "FailedInnerCall":
      return "One of the proposal's actions reverted when the timelock ran it.";
    case "ERC20InsufficientBalance":
      return "The sender does not hold enough tokens for this transfer.";
    case "ERC20InsufficientAllowance":
      return "The spender's allowance is too low for this transfer.";
    case "ERC20InvalidReceiver":
      return "The token refuses to send to that receiver (the zero address?).";
    case "ERC721NonexistentToken":
      return "That NFT does not exist.";
    case "ERC721IncorrectOwner":
    case "ERC721InsufficientApproval":
      return "The sender does not own that NFT, or is not allowed to move it.";
    case "ERC721InvalidReceiver":
      return "The NFT refuses to go to that receiver (the zero address, or a contract that cannot hold NFTs?).";
    case "ERC5805FutureLookup":
      return "That timepoint has not been reached yet, so past votes at it cannot be read.";
    case "VotesExpiredSignature":
      return "The delegation signature has expired.";
    case "ERC20ExceededSafeSupply":
      return "The token's supply would exceed what its vote checkpoints can hold.";
    case "SafeCastOverflowedUintDowncast":
      return "A number is too large for the contract to store.";
    case "InvalidAccountNonce":
      return "The signature's nonce has already been used.";
    default:
      return undefined;
  }
}

const notActive = "Voting on this proposal is not open: it has not started yet, or it has ended.";
const alreadyVoted = "This account has already voted on this proposal.";
const belowThreshold =
  "Your voting power is below the proposal threshold, so the governor will not accept a proposal from you.";
const notSucceeded =
  "The proposal is not at that step: it must have passed (Succeeded) to be queued, and be queued to be executed.";
const notReady = "The timelock delay has not passed yet: the proposal can be executed from its ETA.";
const stale =
  "The proposal's grace period has passed (it is Expired): the timelock no longer executes it. Propose it again.";
const invalidVoteType = "This governor does not count that kind of vote.";
const actionReverted = "One of the proposal's actions reverted when the timelock ran it.";

/**
 * OpenZeppelin Governor 4.x, GovernorCompatibilityBravo, TimelockController 4.x, Compound's
 * GovernorBravoDelegate, GovernorAlpha and Timelock revert strings, exactly as the contracts write them.
 */
const revertStrings: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // OpenZeppelin Governor 4.x
    "Governor: vote not currently active": notActive,
    "Governor: proposer votes below proposal threshold": belowThreshold,
    "Governor: proposal not successful": notSucceeded,
    "Governor: proposal already exists":
      "A proposal with exactly these actions and this description already exists. Change the description to propose it again.",
    "Governor: unknown proposal id": "This governor has no such proposal.",
    "Governor: invalid proposal length": "The proposal's targets, values and calldatas must have the same length.",
    "Governor: empty proposal": "A proposal needs at least one action.",
    "Governor: proposer restricted":
      "The description names a required proposer (#proposer=…) and this account is not it.",
    "Governor: proposal not active":
      "The proposal can no longer be cancelled: it is already cancelled, expired or executed.",
    "Governor: too late to cancel": "Only a proposal whose voting has not started yet can be cancelled.",
    "Governor: only proposer can cancel": "Only the proposer can cancel this proposal.",
    "Governor: onlyGovernance": "Only the governor itself (through a proposal) may do this.",
    "Governor: must send to executor": "The governor does not accept ETH sent to it directly.",
    "Governor: call reverted without message": actionReverted,
    "GovernorVotingSimple: vote already cast": alreadyVoted,
    "GovernorVotingSimple: invalid value for enum VoteType": invalidVoteType,
    "GovernorCompatibilityBravo: vote already cast": alreadyVoted,
    "GovernorCompatibilityBravo: invalid vote type": invalidVoteType,
    "GovernorBravo: invalid signatures length": "The proposal needs exactly one function signature per action.",
    "GovernorBravo: proposer above threshold":
      "Only the proposer can cancel this proposal while the proposer's voting power is at or above the proposal threshold.",
    "GovernorTimelockCompound: identical proposal action already queued":
      "The Compound timelock already holds an identical action with the same ETA: queue it again in a later block.",
    "GovernorTimelockCompound: proposal not yet queued": "The proposal must be queued before it can be executed.",
    "GovernorSettings: voting period too low": "The voting period must be at least 1.",
    // OpenZeppelin TimelockController 4.x
    "TimelockController: operation is not ready": notReady,
    "TimelockController: operation already scheduled": "The timelock already holds this operation.",
    "TimelockController: missing dependency":
      "The timelock refused: an operation this one depends on has not been executed.",
    "TimelockController: insufficient delay": "The timelock refused: the delay is shorter than its minimum.",
    "TimelockController: underlying transaction reverted": actionReverted,
    "TimelockController: operation cannot be cancelled": "The timelock operation is already done or does not exist.",
    "TimelockController: caller must be timelock": "Only the timelock itself (through a proposal) may do this.",
    // Compound GovernorBravoDelegate
    "GovernorBravo::castVoteInternal: voter already voted": alreadyVoted,
    "GovernorBravo::castVoteInternal: voting is closed": notActive,
    "GovernorBravo::castVoteInternal: invalid vote type": invalidVoteType,
    "GovernorBravo::castVoteBySig: invalid signature": "The vote signature is not valid for this voter.",
    "GovernorBravo::propose: proposer votes below proposal threshold": belowThreshold,
    "GovernorBravo::propose: Governor Bravo not active": "This GovernorBravo has not been activated yet.",
    "GovernorBravo::propose: proposal function information arity mismatch":
      "The proposal's targets, values, signatures and calldatas must have the same length.",
    "GovernorBravo::propose: must provide actions": "A proposal needs at least one action.",
    "GovernorBravo::propose: too many actions": "The proposal has more actions than this governor accepts.",
    "GovernorBravo::propose: one live proposal per proposer, found an already active proposal":
      "You already have a proposal in its voting period; this governor allows one live proposal per proposer.",
    "GovernorBravo::propose: one live proposal per proposer, found an already pending proposal":
      "You already have a proposal waiting for its vote to start; this governor allows one live proposal per proposer.",
    "GovernorBravo::queue: proposal can only be queued if it is succeeded":
      "Only a proposal that passed (Succeeded) can be queued.",
    "GovernorBravo::queueOrRevertInternal: identical proposal action already queued at eta":
      "The timelock already holds an identical action with the same ETA: queue it again in a later block.",
    "GovernorBravo::execute: proposal can only be executed if it is queued": "Only a queued proposal can be executed.",
    "GovernorBravo::cancel: cannot cancel executed proposal": "An executed proposal cannot be cancelled.",
    "GovernorBravo::cancel: proposer above threshold":
      "Only the proposer can cancel this proposal while the proposer's voting power is at or above the proposal threshold.",
    "GovernorBravo::state: invalid proposal id": "This governor has no such proposal.",
    "GovernorBravo::cancel: whitelisted proposer":
      "The proposer is whitelisted: only the whitelist guardian may cancel, and only once the proposer's voting power is below the threshold.",
    // Compound GovernorAlpha (Gitcoin, Uniswap's first governor)
    "GovernorAlpha::_castVote: voter already voted": alreadyVoted,
    "GovernorAlpha::_castVote: voting is closed": notActive,
    "GovernorAlpha::castVoteBySig: invalid signature": "The vote signature is not valid for this voter.",
    "GovernorAlpha::propose: proposer votes below proposal threshold": belowThreshold,
    "GovernorAlpha::propose: proposal function information arity mismatch":
      "The proposal's targets, values, signatures and calldatas must have the same length.",
    "GovernorAlpha::propose: must provide actions": "A proposal needs at least one action.",
    "GovernorAlpha::propose: too many actions": "The proposal has more actions than this governor accepts.",
    "GovernorAlpha::propose: one live proposal per proposer, found an already active proposal":
      "You already have a proposal in its voting period; this governor allows one live proposal per proposer.",
    "GovernorAlpha::propose: one live proposal per proposer, found an already pending proposal":
      "You already have a proposal waiting for its vote to start; this governor allows one live proposal per proposer.",
    "GovernorAlpha::queue: proposal can only be queued if it is succeeded":
      "Only a proposal that passed (Succeeded) can be queued.",
    "GovernorAlpha::_queueOrRevert: proposal action already queued at eta":
      "The timelock already holds an identical action with the same ETA: queue it again in a later block.",
    "GovernorAlpha::execute: proposal can only be executed if it is queued": "Only a queued proposal can be executed.",
    "GovernorAlpha::cancel: cannot cancel executed proposal": "An executed proposal cannot be cancelled.",
    "GovernorAlpha::cancel: proposer above threshold":
      "This governor lets anyone cancel a proposal only once its proposer's voting power has fallen below the proposal threshold.",
    "GovernorAlpha::state: invalid proposal id": "This governor has no such proposal.",
    // Compound Timelock
    "Timelock::executeTransaction: Transaction hasn't surpassed time lock.": notReady,
    "Timelock::executeTransaction: Transaction is stale.": stale,
    "Timelock::executeTransaction: Transaction hasn't been queued.": "The timelock has not queued this action.",
    "Timelock::executeTransaction: Transaction execution reverted.": actionReverted,
    "Timelock::executeTransaction: Call must come from admin.": "Only the timelock's admin (the governor) may execute.",
    "Timelock::queueTransaction: Call must come from admin.": "Only the timelock's admin (the governor) may queue.",
    "Timelock::queueTransaction: Estimated execution block must satisfy delay.":
      "The ETA is sooner than the timelock's delay allows.",
    "Timelock::cancelTransaction: Call must come from admin.": "Only the timelock's admin (the governor) may cancel.",
  }),
);

/** Revert strings that carry a contract's own name (Comp::, Uni::…). */
const revertPatterns: readonly (readonly [RegExp, string])[] = [
  [
    /^\w+::getPriorVotes: not yet determined$/,
    "That block has not been mined yet, so past votes at it cannot be read.",
  ],
  [/^\w+::delegateBySig: signature expired$/, "The delegation signature has expired."],
  [/^\w+::delegateBySig: invalid nonce$/, "The signature's nonce has already been used."],
  [
    /^\w+::_transferTokens: transfer amount exceeds balance$/,
    "The sender does not hold enough tokens for this transfer.",
  ],
  [
    /^(ERC20|ERC20Votes|Votes): future lookup$/,
    "That timepoint has not been reached yet, so past votes at it cannot be read.",
  ],
  [/^ERC20: transfer amount exceeds balance$/, "The sender does not hold enough tokens for this transfer."],
  [/^ERC20: insufficient allowance$/, "The spender's allowance is too low for this transfer."],
];

/**
 * Plain language for a revert string of OpenZeppelin 4.x or Compound's contracts; undefined for
 * any other string (shown quoted, as inert text, by the caller).
 *
 * @example describeRevertString("Governor: vote not currently active") // "Voting on this proposal is not open: …"
 */
export function describeRevertString(reason: string): string | undefined {
  const text = reason.trim();
  // A Map, not an object: a hostile string such as "constructor" must not find a prototype member.
  const exact = revertStrings.get(text);
  if (exact) return exact;
  return revertPatterns.find(([pattern]) => pattern.test(text))?.[1];
}

const panicReasons: Record<number, string> = {
  1: "an assertion failed",
  17: "an arithmetic overflow or underflow",
  18: "a division by zero",
  33: "an invalid enum value",
  49: "a pop from an empty array",
  50: "an array index out of bounds",
  65: "too much memory",
  81: "a call to an uninitialised function",
};

function explainRevert(reverted: ContractFunctionRevertedError, errorAbi: Abi): string {
  let name = reverted.data?.errorName;
  let args = reverted.data?.args ?? [];
  if (
    (!name || name === "Error" || name === "Panic") &&
    reverted.raw &&
    reverted.raw.length >= 10 &&
    !reverted.reason
  ) {
    try {
      const decoded = decodeErrorResult({ abi: errorAbi, data: reverted.raw });
      name = decoded.errorName;
      args = decoded.args ?? [];
    } catch {
      // Not one we know; handled below.
    }
  }
  if (name && name !== "Error" && name !== "Panic") {
    return describeCustomError(name, args) ?? `The contract refused with ${name}.`;
  }
  if (name === "Panic" || reverted.signature === "0x4e487b71") {
    const code = Number(args[0] ?? 0);
    return `The contract stopped on ${panicReasons[code] ?? `panic 0x${code.toString(16)}`}.`;
  }
  if (reverted.reason)
    return describeRevertString(reverted.reason) ?? `The contract refused: “${clip(reverted.reason)}”.`;
  if (reverted.signature) return `The contract refused with an error Commons does not know (${reverted.signature}).`;
  return "The contract refused without saying why.";
}

function isNetworkError(error: BaseError): boolean {
  return Boolean(
    error.walk((e) => {
      const n = (e as { name?: string }).name;
      return n === "HttpRequestError" || n === "TimeoutError" || n === "WebSocketRequestError";
    }),
  );
}

/**
 * @example
 * try { await tx.send(write) } catch (error) { setMessage(explainTxError(error).message) }
 */
export function explainTxError(error: unknown, errorAbi: Abi = governorErrorAbi): TxErrorExplanation {
  if (error instanceof BaseError) {
    const rejected = error.walk(
      (e) =>
        e instanceof UserRejectedRequestError ||
        (e as { code?: unknown }).code === UserRejectedRequestError.code ||
        (e as { name?: string }).name === "UserRejectedRequestError",
    );
    if (rejected) return { kind: "rejected", message: "You rejected the request in your wallet. Nothing was sent." };
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      return { kind: "reverted", message: explainRevert(reverted, errorAbi) };
    }
    if (error.walk((e) => e instanceof InsufficientFundsError)) {
      return { kind: "funds", message: "Your wallet does not hold enough ETH to pay for this transaction's gas." };
    }
    if (error.walk((e) => (e as { name?: string }).name === "ChainMismatchError")) {
      return { kind: "chain", message: "Your wallet is on another network. Switch networks and try again." };
    }
    if (isNetworkError(error)) {
      return { kind: "network", message: "The network did not answer. Check your connection and try again." };
    }
    return { kind: "unknown", message: clip(error.shortMessage || error.message) };
  }
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === 4001) {
    return { kind: "rejected", message: "You rejected the request in your wallet. Nothing was sent." };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { kind: "unknown", message: clip(text.split("\n")[0] ?? text) };
}
