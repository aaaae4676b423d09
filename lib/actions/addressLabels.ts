/**
 * Names for addresses a proposal touches: the DAO's own contracts, the labels its config gives,
 * and ERC-20 tokens by the symbol they report. A symbol comes from the token contract itself, so
 * it is untrusted (anyone can deploy a token called "USDC"): it is bounded, stripped of invisible
 * characters, and the page always shows the address beside it.
 */
import type { Address } from "viem";
import { revealInvisible } from "../markdown/invisibleCharacters";

export type AddressLabelsInput = {
  governor: Address;
  timelock: Address | null;
  token: Address;
  tokenSymbol: string;
  /** The config's `labels` (address → name), written by whoever runs this app: trusted. */
  labels?: Readonly<Record<string, string>>;
  /** ERC-20 tokens read from the chain, keyed by lowercase address. */
  tokens?: ReadonlyMap<string, { symbol: string }>;
};

/**
 * A token symbol as read from chain, made safe to show: invisible characters revealed, at most 24
 * characters.
 *
 * @example displaySymbol("USDC\u202e") // "USDC⟨U+202E⟩"
 */
export function displaySymbol(symbol: string): string {
  const visible = revealInvisible(symbol.trim());
  const characters = Array.from(visible);
  return characters.length > 24 ? `${characters.slice(0, 23).join("")}…` : visible || "?";
}

/**
 * Labels keyed by lowercase address. The config's labels win over everything; the DAO's own
 * contracts over token symbols.
 *
 * @example addressLabels({ governor, timelock, token, tokenSymbol: "COMM" }).get(governor.toLowerCase()) // "Governor"
 */
export function addressLabels(input: AddressLabelsInput): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [address, { symbol }] of input.tokens ?? [])
    labels.set(address.toLowerCase(), `${displaySymbol(symbol)} token`);
  labels.set(input.token.toLowerCase(), `${displaySymbol(input.tokenSymbol)} (governance token)`);
  if (input.timelock) labels.set(input.timelock.toLowerCase(), "Timelock (treasury)");
  labels.set(input.governor.toLowerCase(), "Governor");
  for (const [address, label] of Object.entries(input.labels ?? {})) labels.set(address.toLowerCase(), label);
  return labels;
}
