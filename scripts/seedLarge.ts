/**
 * `npm run seed:large`: builds the large DAO (scripts/scale/) and caches its chain in .commons/,
 * or says it is cached already. Sizes: SCALE=0.1 for a tenth of everything, SCALE_HOLDERS=… and
 * the other SCALE_* variables (scripts/scale/plan.ts) for one figure. SEED_PORT picks anvil's port.
 */
import { freePort } from "../harness/anvil";
import { runScript } from "./lib/runScript";
import { ensureLargeChain } from "./scale/largeChain";
import { sizesFromEnv } from "./scale/plan";

async function main(): Promise<number> {
  const sizes = sizesFromEnv();
  console.log(`[seed:large] sizes: ${JSON.stringify(sizes)}`);
  const port = process.env.SEED_PORT ? Number(process.env.SEED_PORT) : await freePort();
  const { deployment, seeded, statePath, seconds } = await ensureLargeChain({ port, sizes });
  if (seeded) console.log(`[seed:large] seeded and cached in ${seconds.toFixed(1)} s: ${statePath}`);
  else console.log(`[seed:large] already cached: ${statePath}`);
  console.log(`[seed:large] ${JSON.stringify({ headBlock: deployment.headBlock, counts: deployment.counts })}`);
  return 0;
}

runScript("seed:large", main);
