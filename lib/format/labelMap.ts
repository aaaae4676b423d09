/** Display names for addresses (delegates, treasury, activity): config labels first, then ENS. */

/**
 * The DAO config's labels keyed by lowercase address.
 *
 * @example labelMap({ "0xAbC…": "Treasury" }).get("0xabc…") // "Treasury"
 */
export function labelMap(labels: Record<string, string> | undefined): Map<string, string> {
  return new Map(Object.entries(labels ?? {}).map(([address, label]) => [address.toLowerCase(), label]));
}
