/**
 * How a simulation report names addresses in sentences: the DAO's contracts and the config's
 * labels by name, tokens by their (untrusted, bounded) symbol, each with its short address; any
 * other address in full, so a voter can compare it character by character.
 */
import { type Address, getAddress } from "viem";
import { displaySymbol } from "../actions/addressLabels";
import { shortAddress } from "../format/shortAddress";
import type { SimulatedAsset } from "./types";

export type NamerInput = {
  governor: Address;
  timelock: Address | null;
  token: Address;
  tokenSymbol: string;
  /** The config's labels (address → name): trusted. */
  labels?: Readonly<Record<string, string>>;
  assets?: readonly SimulatedAsset[];
};

/**
 * @example
 * const name = addressNamer({ governor, timelock, token, tokenSymbol: "COMM" });
 * name(timelock) // "the timelock (0xe7f1…0512)"
 */
export function addressNamer(input: NamerInput): (address: Address) => string {
  const labels = new Map<string, string>();
  for (const asset of input.assets ?? []) {
    if (asset.address !== "native") labels.set(asset.address.toLowerCase(), `the ${asset.symbol} token`);
  }
  labels.set(input.token.toLowerCase(), `the governance token (${displaySymbol(input.tokenSymbol)})`);
  if (input.timelock) labels.set(input.timelock.toLowerCase(), "the timelock");
  labels.set(input.governor.toLowerCase(), "the governor");
  for (const [address, label] of Object.entries(input.labels ?? {})) labels.set(address.toLowerCase(), label);
  return (address) => {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return String(address);
    const label = labels.get(address.toLowerCase());
    const checksummed = getAddress(address.toLowerCase());
    return label ? `${label} (${shortAddress(checksummed)})` : checksummed;
  };
}
