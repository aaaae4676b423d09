/**
 * Checks a proposal's id against its content. OpenZeppelin ids are the hash of the content, so a
 * match proves the description and actions shown are exactly what voters vote on. GovernorBravo
 * ids are a counter (1, 2, 3…), so the check does not apply to them.
 */
import { hashProposal, type ProposalContent } from "./hashProposal";

export type ProposalIdCheck =
  | { status: "verified"; computed: bigint }
  | { status: "mismatch"; computed: bigint }
  /** A small id that does not match: a sequential (Bravo-style) id, which commits to nothing. */
  | { status: "sequential"; computed: bigint };

/** Ids below this are counters; a hash id lands here with probability 2^-192. */
const sequentialBelow = 2n ** 64n;

/**
 * @example
 * verifyProposalId(BigInt(proposal.id), { targets, values, calldatas, description }).status // "verified"
 */
export function verifyProposalId(id: bigint, content: ProposalContent): ProposalIdCheck {
  let computed: bigint;
  try {
    computed = hashProposal(content);
  } catch {
    // Content that cannot even be encoded (e.g. a malformed address) cannot match.
    return { status: id < sequentialBelow ? "sequential" : "mismatch", computed: -1n };
  }
  if (computed === id) return { status: "verified", computed };
  return { status: id < sequentialBelow ? "sequential" : "mismatch", computed };
}
