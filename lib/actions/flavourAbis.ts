/**
 * The ABIs of every governor flavour Commons drives, as one list: each flavour's governor,
 * timelock and token. A proposal's action on the DAO's own governor, timelock or token is decoded
 * with every ABI of that role, whichever flavour the DAO runs, so a Bravo DAO's timelock calls
 * (`setPendingAdmin`, `setDelay`, `queueTransaction`…) decode as well as an OpenZeppelin DAO's
 * (`updateDelay`, `grantRole`…). A new flavour's ABIs are one more entry here.
 */
import { type Abi, type AbiFunction, toFunctionSelector } from "viem";
import { demoGovernorAbi } from "../../contracts-abi/demoGovernor";
import { demoTimelockAbi } from "../../contracts-abi/demoTimelock";
import { demoTokenAbi } from "../../contracts-abi/demoToken";
import {
  bravoGovernorAbi,
  bravoTimelockAbi,
  bravoTokenAbi,
  governorBravoDelegateAbi,
  governorBravoDelegatorAbi,
  nftGovernorAbi,
  nftTokenAbi,
  timestampFractionalGovernorAbi,
  timestampFractionalTokenAbi,
  uniGovernorAlphaAbi,
  uniTimelockAbi,
  uniTokenAbi,
} from "../../contracts-abi/flavours";

/** One flavour's contracts; a flavour that reuses another's contract leaves that role out. */
export type FlavourAbis = { flavour: string; governor?: Abi; timelock?: Abi; token?: Abi };

/** The roles a DAO's own contracts play. */
export type ContractRole = "governor" | "timelock" | "token";

/** Every flavour, the demo's first (its names win where two flavours share a selector). */
export const flavourAbis: readonly FlavourAbis[] = [
  { flavour: "OpenZeppelin 5 (demo)", governor: demoGovernorAbi, timelock: demoTimelockAbi, token: demoTokenAbi },
  {
    flavour: "OZ 4.9 Bravo-compatible, Compound timelock",
    governor: bravoGovernorAbi,
    timelock: bravoTimelockAbi,
    token: bravoTokenAbi,
  },
  {
    flavour: "OZ 5 timestamp clock, fractional",
    governor: timestampFractionalGovernorAbi,
    token: timestampFractionalTokenAbi,
  },
  { flavour: "OZ 5 ERC721Votes, late quorum", governor: nftGovernorAbi, token: nftTokenAbi },
  { flavour: "Compound GovernorAlpha", governor: uniGovernorAlphaAbi, timelock: uniTimelockAbi, token: uniTokenAbi },
  // Compound's GovernorBravo is a proxy: its own admin calls (_setImplementation…) and the delegate's.
  { flavour: "Compound GovernorBravo (delegator)", governor: governorBravoDelegatorAbi },
  { flavour: "Compound GovernorBravo (delegate)", governor: governorBravoDelegateAbi },
];

/**
 * The functions of every flavour's contract of one role, one per selector (the first flavour's
 * where several share it).
 *
 * @example roleAbi("timelock").some((item) => item.name === "setPendingAdmin") // true
 */
export function roleAbi(role: ContractRole, flavours: readonly FlavourAbis[] = flavourAbis): AbiFunction[] {
  const seen = new Set<string>();
  const functions: AbiFunction[] = [];
  for (const flavour of flavours) {
    for (const item of flavour[role] ?? []) {
      if (item.type !== "function") continue;
      const selector = toFunctionSelector(item);
      if (seen.has(selector)) continue;
      seen.add(selector);
      functions.push(item);
    }
  }
  return functions;
}
