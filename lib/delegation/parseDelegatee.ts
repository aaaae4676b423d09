/**
 * What a person typed in a "delegate to" field, checked before anything is sent: a 0x address
 * (checksum verified when the letters are mixed case; the zero address refused, since delegating
 * there takes the votes out of every count), or an ENS name where ENS exists (Ethereum mainnet).
 * Every refusal is a sentence that starts with the field's name, so it reads on its own next to
 * the field and in an error summary.
 */
import { type Address, getAddress, isAddress, zeroAddress } from "viem";
import { normalize } from "viem/ens";

export type DelegateeInput =
  /** Nothing typed yet: no message (the submit button says what is missing). */
  | { kind: "empty" }
  | { kind: "address"; address: Address }
  /** A valid ENS name, normalised (ENSIP-15); still to be resolved on chain. */
  | { kind: "ens"; name: string }
  | { kind: "invalid"; message: string };

export type ParseDelegateeOptions = {
  /** The field's visible label, used to start every message ("Delegate address"). */
  field: string;
  /** Whether ENS names can be resolved (only on chain 1). */
  ensAvailable: boolean;
  /** Named in the message refusing an ENS name elsewhere ("Foundry"). */
  chainName?: string;
};

const hexLike = /^0x[0-9a-fA-F]*$/i;

/** A name with a dot and no spaces or slashes, like lib/chain/ensNames's `looksLikeEnsName`. */
function looksLikeName(text: string): boolean {
  return /^[^\s./][^\s/]*\.[^\s./]+$/u.test(text) && text.length <= 255;
}

/**
 * @example parseDelegatee("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", { field: "Delegate address", ensAvailable: false })
 * // { kind: "address", address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" }
 * @example parseDelegatee("0x1234", { field: "Delegate address", ensAvailable: false }).kind // "invalid"
 * @example parseDelegatee("Lina.eth", { field: "Delegate address", ensAvailable: true }) // { kind: "ens", name: "lina.eth" }
 */
export function parseDelegatee(raw: string, options: ParseDelegateeOptions): DelegateeInput {
  const { field, ensAvailable, chainName } = options;
  const text = raw.trim();
  if (text === "") return { kind: "empty" };

  if (/^0x/i.test(text)) {
    if (!hexLike.test(text)) {
      return {
        kind: "invalid",
        message: `${field} is not an address: after 0x only hex digits (0–9, a–f) may follow.`,
      };
    }
    const digits = text.length - 2;
    if (digits !== 40) {
      return {
        kind: "invalid",
        message: `${field} is not an address: it has ${digits} hex digit${digits === 1 ? "" : "s"} after 0x, an address has 40.`,
      };
    }
    if (text.startsWith("0X")) {
      return { kind: "invalid", message: `${field} is not an address: it must start with a lowercase 0x.` };
    }
    // Mixed case carries an EIP-55 checksum: a wrong one means a mistyped (or altered) address.
    // All lowercase or all uppercase carries none.
    const body = text.slice(2);
    const unchecksummed = body === body.toLowerCase() || body === body.toUpperCase();
    if (!unchecksummed && !isAddress(text, { strict: true })) {
      return {
        kind: "invalid",
        message: `${field} has a bad checksum: its upper- and lowercase letters do not match any address. Check it for a typo, or paste it again from its source.`,
      };
    }
    const address = getAddress(text);
    if (address === zeroAddress) {
      return {
        kind: "invalid",
        message: `${field} is the zero address: votes delegated there are counted for nobody.`,
      };
    }
    return { kind: "address", address };
  }

  if (looksLikeName(text)) {
    if (!ensAvailable) {
      return {
        kind: "invalid",
        message: `${field}: ENS names are not available on ${chainName ?? "this chain"} (ENS lives on Ethereum mainnet). Enter a 0x address.`,
      };
    }
    try {
      return { kind: "ens", name: normalize(text) };
    } catch {
      return { kind: "invalid", message: `${field} is not a valid ENS name.` };
    }
  }

  return {
    kind: "invalid",
    message: ensAvailable
      ? `${field} is neither an address (0x followed by 40 hex digits) nor an ENS name (like name.eth).`
      : `${field} is not an address: an address is 0x followed by 40 hex digits.`,
  };
}
