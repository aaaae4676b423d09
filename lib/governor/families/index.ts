/**
 * Picks the adapter implementation for a detected governor flavour.
 */
import type { GovernorAdapter, WriteDao } from "../adapter";
import type { GovernorFlavour } from "../detect";
import { bravoAdapter } from "./bravo";
import { withFractionalVoting } from "./fractional";
import { openzeppelinAdapter } from "./openzeppelin";
import { ozBravoCompatibleAdapter } from "./ozBravoCompatible";

export { bravoAdapter, bravoSignatures } from "./bravo";
export { fractionalParams, fractionalSupport, withFractionalVoting } from "./fractional";
export { openzeppelinAdapter } from "./openzeppelin";
export { ozBravoCompatibleAdapter } from "./ozBravoCompatible";
export { readResult } from "./shared";

/**
 * @example
 * const adapter = governorAdapterFor(await detectGovernor(client, dao.governor), dao);
 * adapter.castVoteSplit?.(id, { against: 0n, for: 3n, abstain: 1n }) // only when fractional
 */
export function governorAdapterFor(
  flavour: Pick<GovernorFlavour, "family" | "fractional" | "hasClock" | "token">,
  dao: Pick<WriteDao, "governor" | "token">,
): GovernorAdapter {
  const votes = flavour.token?.votes;
  const options = { ...(votes ? { votes } : {}), hasClock: flavour.hasClock };
  let adapter: GovernorAdapter;
  switch (flavour.family) {
    case "bravo":
      adapter = bravoAdapter(dao, votes ? { votes } : {});
      break;
    case "oz-bravo-compatible":
      adapter = ozBravoCompatibleAdapter(dao, options);
      break;
    default:
      adapter = openzeppelinAdapter(dao, options);
  }
  return flavour.fractional ? withFractionalVoting(adapter, dao) : adapter;
}
