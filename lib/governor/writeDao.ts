/**
 * Builds the plain `WriteDao` a page hands to its write islands, on the server, from the config
 * and what `resolveDao` read from the chain.
 */

import { chainName, daoExplorerUrl } from "../chain/daoChain";
import type { ResolvedDao } from "../config/resolveDao";
import type { DaoConfig } from "../config/schema";
import { type GovernorAdapter, governorAdapter, type WriteDao } from "./adapter";
import { daoFlavourOf } from "./detect";

/** @example <VotePanelIsland dao={writeDaoOf(loaded.config, loaded.dao)} … /> */
export function writeDaoOf(config: DaoConfig, dao: ResolvedDao): WriteDao {
  const explorerUrl = daoExplorerUrl(config);
  return {
    slug: config.slug,
    chainId: config.chainId,
    chainName: chainName(config.chainId),
    governor: dao.governor,
    token: dao.token,
    timelock: dao.timelock,
    tokenDecimals: dao.tokenDecimals,
    tokenSymbol: dao.tokenSymbol,
    clockMode: dao.clockMode,
    countingMode: dao.countingMode,
    flavour: daoFlavourOf(dao.flavour),
    ...(explorerUrl ? { explorerUrl } : {}),
  };
}

/**
 * The adapter for a DAO completed from its chain, for server-side reads.
 *
 * @example const states = await readProposalStates(client, adapterOf(loaded.dao), ids);
 */
export function adapterOf(dao: ResolvedDao): GovernorAdapter {
  return governorAdapter({
    governor: dao.governor,
    token: dao.token,
    timelock: dao.timelock,
    flavour: daoFlavourOf(dao.flavour),
  });
}
