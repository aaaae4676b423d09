/**
 * Picks the adapter implementation for a detected governor flavour.
 */
import { type GovernorAdapter, governorAdapter, type WriteDao } from "../adapter";
import { daoFlavourOf } from "../detect";

export { alphaAdapter, alphaVoteLimits } from "./alpha";
export { bravoAdapter, bravoSignatures, forwardedValue } from "./bravo";
export { fractionalParams, withFractionalVoting } from "./fractional";
export { openzeppelinAdapter } from "./openzeppelin";
export { ozBravoCompatibleAdapter } from "./ozBravoCompatible";
export { readResult } from "./shared";

/**
 * @example
 * const adapter = governorAdapterFor(await detectGovernor(client, dao.governor), dao);
 * adapter.castVoteSplit?.(id, { against: 0n, for: 3n, abstain: 1n }) // only when fractional
 */
export function governorAdapterFor(
  flavour: Parameters<typeof daoFlavourOf>[0],
  dao: Pick<WriteDao, "governor" | "token">,
): GovernorAdapter {
  return governorAdapter({ ...dao, flavour: daoFlavourOf(flavour) });
}
