/**
 * Builds the plain `WriteDao` a page hands to its write islands, on the server, from the config
 * and what `resolveDao` read from the chain.
 */

import { knownChain } from "../chains";
import type { ResolvedDao } from "../config/resolveDao";
import type { DaoConfig } from "../config/schema";
import type { WriteDao } from "./adapter";
import { daoFlavourOf } from "./detect";

/** @example <VotePanelIsland dao={writeDaoOf(loaded.config, loaded.dao)} … /> */
export function writeDaoOf(config: DaoConfig, dao: ResolvedDao): WriteDao {
  return {
    slug: config.slug,
    chainId: config.chainId,
    chainName: knownChain(config.chainId)?.name ?? `chain ${config.chainId}`,
    governor: dao.governor,
    token: dao.token,
    timelock: dao.timelock,
    tokenDecimals: dao.tokenDecimals,
    tokenSymbol: dao.tokenSymbol,
    clockMode: dao.clockMode,
    countingMode: dao.countingMode,
    flavour: daoFlavourOf(dao.flavour),
    ...(config.explorerUrl ? { explorerUrl: config.explorerUrl } : {}),
  };
}
