/**
 * `npx tsx scripts/flavours/deploy.ts [--rpc-url URL] [--config PATH] [slug…]` — deploys and seeds the
 * flavour fixtures (all of them when no slug is given: ts-fractional, nft, bravo, alpha, compound) on a
 * running anvil (automine on; `compound` mines a GovernorAlpha's 40,320-block vote, quick only on an
 * anvil started with `--hardfork cancun --prune-history`) and adds one DAO config entry per flavour to
 * PATH (default .commons/flavours/dao.config.json; other DAOs in that file are kept).
 *
 * @example
 * npx tsx scripts/flavours/deploy.ts --rpc-url http://127.0.0.1:8545 nft bravo
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { deployAlpha } from "./alpha";
import { deployBravo } from "./bravo";
import { type FlavourDeployment, type FlavourSender, type FlavourSlug, writeFlavourConfig } from "./common";
import { deployCompound } from "./compound";
import { deployNft } from "./nft";
import { deployTimestampFractional } from "./timestampFractional";

/** Each flavour's deploy function, by slug (an RPC URL with automine on, or a FlavourSender). */
export const flavourDeployers: Record<FlavourSlug, (target: string | FlavourSender) => Promise<FlavourDeployment>> = {
  "ts-fractional": deployTimestampFractional,
  nft: deployNft,
  bravo: deployBravo,
  alpha: deployAlpha,
  compound: deployCompound,
};

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      "rpc-url": { type: "string", default: "http://127.0.0.1:8545" },
      config: { type: "string", default: ".commons/flavours/dao.config.json" },
    },
    allowPositionals: true,
  });
  const rpcUrl = values["rpc-url"];
  const slugs = positionals.length > 0 ? positionals : Object.keys(flavourDeployers);
  for (const slug of slugs) {
    const deployer = flavourDeployers[slug as FlavourSlug];
    if (!deployer) throw new Error(`unknown flavour "${slug}" (known: ${Object.keys(flavourDeployers).join(", ")})`);
    const deployment = await deployer(rpcUrl);
    writeFlavourConfig(deployment, rpcUrl, values.config);
    console.log(`${slug}: governor ${deployment.governor}, token ${deployment.token}, timelock ${deployment.timelock}`);
  }
  console.log(`wrote ${values.config}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
