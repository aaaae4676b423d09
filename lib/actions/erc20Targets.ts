/**
 * The action targets whose ERC-20 symbol and decimals the page should read from the chain: those
 * called with an ERC-20 amount function, except tokens already known (the DAO's own).
 */
import type { Address } from "viem";
import type { DecodedAction } from "./decodeAction";
import { erc20AmountFunctions } from "./standardAbis";

/**
 * @example erc20Targets(decodedActions, new Set([dao.token.toLowerCase()])) // ["0xCf7E…0Fc9"]
 */
export function erc20Targets(actions: readonly DecodedAction[], known: ReadonlySet<string>): Address[] {
  const targets = new Map<string, Address>();
  for (const action of actions) {
    const { call } = action;
    if (call.kind !== "decoded" || !erc20AmountFunctions.has(call.functionName)) continue;
    if (call.source !== "erc20" && call.source !== "signature") continue;
    const key = action.target.toLowerCase();
    if (!known.has(key)) targets.set(key, action.target);
  }
  return [...targets.values()];
}
