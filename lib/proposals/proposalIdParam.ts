/** Whether a URL segment is a proposal id: a decimal uint256 (ids are keccak hashes or counters). */

const maxUint256 = 2n ** 256n - 1n;

/**
 * @example isProposalIdParam("42") // true
 * @example isProposalIdParam("0x2a") // false
 */
export function isProposalIdParam(id: string): boolean {
  return /^\d{1,78}$/.test(id) && BigInt(id) <= maxUint256;
}
