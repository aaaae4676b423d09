/** Shortens an address for display: `0x1234…abcd`. The full address belongs in a title or copy button. */

/**
 * @example shortAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266") // "0xf39F…2266"
 */
export function shortAddress(address: string, chars = 4): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return address;
  return `${address.slice(0, 2 + chars)}…${address.slice(-chars)}`;
}
