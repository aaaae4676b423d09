/**
 * The ABIs a custom call can be built from without pasting one: the DAO's own contracts (governor,
 * governance token, timelock) and the standard ERC-20 interface.
 */
import { type Abi, type Address, erc20Abi } from "viem";
import { demoGovernorAbi } from "../../../contracts-abi/demoGovernor";
import { demoTimelockAbi } from "../../../contracts-abi/demoTimelock";
import { demoTokenAbi } from "../../../contracts-abi/demoToken";

export type KnownAbiId = "governor" | "token" | "timelock" | "erc20";

export type KnownAbi = { id: KnownAbiId; label: string; abi: Abi };

export const knownAbis: Readonly<Record<KnownAbiId, KnownAbi>> = {
  governor: { id: "governor", label: "Governor", abi: demoGovernorAbi as Abi },
  token: { id: "token", label: "Governance token", abi: demoTokenAbi as Abi },
  timelock: { id: "timelock", label: "Timelock (treasury)", abi: demoTimelockAbi as Abi },
  erc20: { id: "erc20", label: "ERC-20 token (standard)", abi: erc20Abi as Abi },
};

/**
 * The address a known ABI belongs to, to prefill the target (none for the generic ERC-20).
 *
 * @example knownAbiAddress("governor", dao) // dao.governor
 */
export function knownAbiAddress(
  id: KnownAbiId,
  contracts: { governor: Address; token: Address; timelock: Address | null },
): Address | null {
  if (id === "governor") return contracts.governor;
  if (id === "token") return contracts.token;
  if (id === "timelock") return contracts.timelock;
  return null;
}
