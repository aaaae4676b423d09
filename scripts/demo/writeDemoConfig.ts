/**
 * Writes the DAO config that points the app and the indexer at the seeded demo chain's DAOs: the
 * demo DAO, then the flavour DAOs (ts-fractional, nft, bravo, alpha, compound). The file is validated with the same
 * schema the app uses before it is written.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseCommonsConfig } from "../../lib/config/parseCommonsConfig";
import type { CommonsConfig } from "../../lib/config/schema";
import { serializeCommonsConfig } from "../../lib/config/serializeCommonsConfig";
import { flavourConfigEntry } from "../flavours/common";
import type { DemoDeployment } from "./types";

/**
 * Where the indexer starts on the seeded chain: its genesis, for every DAO. The chain was written
 * by the seed from block 0, so nothing of its history is missed; and the seeded chain keeps no old
 * per-block state (like a public node), while the indexer (indexer/daos.ts) still takes a token's
 * history for complete only when it can read the token's absence at `startBlock - 1`, or when
 * `startBlock` is 0. Until that check stops reading old state, a DAO's own first block here would
 * send the indexer after per-account state it cannot get. (`DemoDeployment` keeps each DAO's real
 * first block.)
 */
export const seededChainStartBlock = 0;

/**
 * The config for `rpcUrl`: the demo DAO, then each flavour DAO.
 *
 * @example
 * demoConfig(deployment, "http://127.0.0.1:8545").daos.map((dao) => dao.slug) // ["demo", "ts-fractional", "nft", "bravo", "alpha", "compound"]
 */
export function demoConfig(deployment: DemoDeployment, rpcUrl: string): CommonsConfig {
  const config = {
    daos: [
      {
        slug: "demo",
        name: "Commons Demo DAO",
        chainId: deployment.chainId,
        rpcUrl,
        governor: deployment.governor,
        startBlock: seededChainStartBlock,
        token: deployment.token,
        timelock: deployment.timelock,
        forumHosts: ["forum.commons.example"],
        labels: {
          [deployment.governor]: "Commons Demo Governor",
          [deployment.token]: "COMM token",
          [deployment.timelock]: "Treasury (timelock)",
          [deployment.tokens.musdc]: "mUSDC (mock USD Coin)",
          [deployment.tokens.mweth]: "mWETH (mock Wrapped Ether)",
          [deployment.multicall3]: "Multicall3",
        },
      },
      ...deployment.flavours.map((flavour) => ({
        ...flavourConfigEntry(flavour, rpcUrl),
        startBlock: seededChainStartBlock,
      })),
    ],
  };
  return parseCommonsConfig(JSON.stringify(config), "the demo DAO config");
}

/**
 * Validates and writes the demo DAO config to `path` (creating its directory).
 *
 * @example
 * writeDemoConfig(deployment, anvil.rpcUrl, "dao.config.json");
 */
export function writeDemoConfig(deployment: DemoDeployment, rpcUrl: string, path: string): CommonsConfig {
  const config = demoConfig(deployment, rpcUrl);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeCommonsConfig(config));
  return config;
}
