/**
 * Shortens a proposal id for display. OpenZeppelin ids are uint256 hashes (78 decimal digits);
 * GovernorBravo ids are small counters and stay as they are.
 */

/**
 * @example
 * shortProposalId("84238167069880296358373524412224936428436498339224585466766290512298604263201") // "8423…3201"
 * shortProposalId(42n) // "42"
 */
export function shortProposalId(id: string | bigint, chars = 4): string {
  const text = typeof id === "bigint" ? id.toString() : id;
  if (text.length <= chars * 2 + 1) return text;
  return `${text.slice(0, chars)}…${text.slice(-chars)}`;
}
