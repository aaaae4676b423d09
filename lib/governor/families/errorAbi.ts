/**
 * The custom errors a DAO's contracts revert with, by contract, written out from the contracts
 * Commons drives (OpenZeppelin Contracts 5.x and 4.9), once each by name, so a revert is explained
 * in words. Compound's GovernorBravo, GovernorAlpha, Timelock and Comp-style tokens revert with
 * strings (Error(string)) and add nothing here. errorAbi.test.ts checks the list against the
 * compiled fixture contracts, which stay out of the client bundle.
 */
import { type Abi, parseAbi } from "viem";

/** OpenZeppelin 5.x Governor and its extensions (fractional counting, late-quorum protection). */
const openZeppelinGovernorErrors = [
  "error CheckpointUnorderedInsertion()",
  "error ERC6372InconsistentClock()",
  "error FailedCall()",
  "error GovernorAlreadyCastVote(address voter)",
  "error GovernorAlreadyQueuedProposal(uint256 proposalId)",
  "error GovernorDisabledDeposit()",
  "error GovernorInsufficientProposerVotes(address proposer, uint256 votes, uint256 threshold)",
  "error GovernorInvalidProposalLength(uint256 targets, uint256 calldatas, uint256 values)",
  "error GovernorInvalidQuorumFraction(uint256 quorumNumerator, uint256 quorumDenominator)",
  "error GovernorInvalidSignature(address voter)",
  "error GovernorInvalidVoteParams()",
  "error GovernorInvalidVoteType()",
  "error GovernorInvalidVotingPeriod(uint256 votingPeriod)",
  "error GovernorNonexistentProposal(uint256 proposalId)",
  "error GovernorOnlyExecutor(address account)",
  "error GovernorProposalQueueingFailed(uint256 proposalId)",
  "error GovernorProposalQueueingNotRequired(uint256 proposalId)",
  "error GovernorRestrictedProposer(address proposer)",
  "error GovernorUnableToCancel(uint256 proposalId, address account)",
  "error GovernorUnexpectedProposalState(uint256 proposalId, uint8 current, bytes32 expectedStates)",
  "error InvalidAccountNonce(address account, uint256 currentNonce)",
  "error InvalidShortString()",
  "error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)",
  "error StringTooLong(string str)",
  "error GovernorExceedRemainingWeight(address voter, uint256 usedVotes, uint256 remainingWeight)",
  "error GovernorPreventLateQuorumVoteExtensionTooLarge(uint256 newVoteExtension, uint256 maxVoteExtension)",
] as const;

/** OpenZeppelin 4.9 Governor (Bravo-compatible): its proposal queue's DoubleEndedQueue. */
const openZeppelin4GovernorErrors = ["error Empty()"] as const;

/** OpenZeppelin ERC20Votes / ERC20Permit and ERC721Votes tokens. */
const votesTokenErrors = [
  "error ECDSAInvalidSignature()",
  "error ECDSAInvalidSignatureLength(uint256 length)",
  "error ECDSAInvalidSignatureS(bytes32 s)",
  "error ERC20ExceededSafeSupply(uint256 increasedSupply, uint256 cap)",
  "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
  "error ERC20InvalidApprover(address approver)",
  "error ERC20InvalidReceiver(address receiver)",
  "error ERC20InvalidSender(address sender)",
  "error ERC20InvalidSpender(address spender)",
  "error ERC2612ExpiredSignature(uint256 deadline)",
  "error ERC2612InvalidSigner(address signer, address owner)",
  "error ERC5805FutureLookup(uint256 timepoint, uint48 clock)",
  "error VotesExpiredSignature(uint256 expiry)",
  "error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)",
  "error ERC721InsufficientApproval(address operator, uint256 tokenId)",
  "error ERC721InvalidApprover(address approver)",
  "error ERC721InvalidOperator(address operator)",
  "error ERC721InvalidOwner(address owner)",
  "error ERC721InvalidReceiver(address receiver)",
  "error ERC721InvalidSender(address sender)",
  "error ERC721NonexistentToken(uint256 tokenId)",
] as const;

/** OpenZeppelin 5.x TimelockController. */
const timelockControllerErrors = [
  "error AccessControlBadConfirmation()",
  "error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)",
  "error TimelockInsufficientDelay(uint256 delay, uint256 minDelay)",
  "error TimelockInvalidOperationLength(uint256 targets, uint256 payloads, uint256 values)",
  "error TimelockUnauthorizedCaller(address caller)",
  "error TimelockUnexecutedPredecessor(bytes32 predecessorId)",
  "error TimelockUnexpectedOperationState(bytes32 operationId, bytes32 expectedStates)",
] as const;

/**
 * Every custom error above, as one ABI to decode a revert with (add it to the called contract's ABI).
 *
 * @example decodeErrorResult({ abi: governorErrorAbi, data }) // { errorName: "GovernorAlreadyCastVote", args: ["0x…"] }
 */
export const governorErrorAbi: Abi = parseAbi([
  ...openZeppelinGovernorErrors,
  ...openZeppelin4GovernorErrors,
  ...votesTokenErrors,
  ...timelockControllerErrors,
]);
