/**
 * `npm run e2e:large`: the e2e read specs against the large DAO (`npm run seed:large`, issue 12),
 * the way they run against a real network: the large DAO's chain (from its cache, seeded first when
 * needed) is the upstream that scripts/e2e.ts forks (FORK_URL + DAO_CONFIG), so the specs see a DAO
 * of thousands of proposals, a hundred thousand votes and tens of thousands of delegates, and assert
 * what they assert on any real DAO (the demo-only checks skip themselves).
 *
 * Not part of `npm test`. Extra arguments replace the spec list (e.g. `npm run e2e:large --
 * e2e/specs/delegates.spec.ts`). E2E_LARGE_PORT picks the upstream's port; the sizes are the
 * SCALE_* variables of scripts/scale/plan.ts. Builds into NEXT_DIST_DIR (default .next-e2e-large)
 * unless E2E_SKIP_BUILD=1 and a build is there; logs and results go to .commons/e2e-3300/ (the
 * app's default port here). Everything started is stopped by PID.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "../harness/anvil";
import { repoRoot, workDir } from "./lib/paths";
import { runScript } from "./lib/runScript";
import { startLargeChain, writeLargeConfig } from "./scale/largeChain";
import { sizesFromEnv } from "./scale/plan";

/** The specs that read (and, where a spec writes, impersonate a delegate the way a real fork does). */
export const largeDaoSpecs = [
  "e2e/specs/proposals.spec.ts",
  "e2e/specs/proposal-page.spec.ts",
  "e2e/specs/delegates.spec.ts",
  "e2e/specs/analytics.spec.ts",
  "e2e/specs/treasury.spec.ts",
  "e2e/specs/no-javascript.spec.ts",
  "e2e/specs/accessibility.spec.ts",
];

function step(message: string) {
  console.log(`[e2e:large] ${message}`);
}

async function main(): Promise<number> {
  const port = process.env.E2E_LARGE_PORT ? Number(process.env.E2E_LARGE_PORT) : await freePort();
  const sizes = sizesFromEnv();
  step(`the large DAO (sizes ${JSON.stringify(sizes)}), from its cache or seeded now…`);
  const chain = await startLargeChain({ port, sizes, log: (line) => step(line) });
  const configPath = resolve(workDir, "e2e-large", "upstream.dao.config.json");
  writeLargeConfig(chain.deployment, chain.anvil.rpcUrl, configPath);
  step(`upstream: ${chain.anvil.rpcUrl} (head block ${chain.deployment.headBlock})`);
  const specs = process.argv.slice(2);
  const child = spawn(
    resolve(repoRoot, "node_modules/.bin/tsx"),
    // A spec checks the page against the chain, and on this DAO the chain's side is tens of
    // thousands of reads through the fork: five minutes a test rather than one.
    ["scripts/e2e.ts", "--timeout=300000", ...(specs.length > 0 ? specs : largeDaoSpecs)],
    {
      cwd: repoRoot,
      stdio: "inherit",
      env: {
        ...process.env,
        FORK_URL: chain.anvil.rpcUrl,
        DAO_CONFIG: configPath,
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e-large",
        // Ports of their own (and so a work folder of its own, .commons/e2e-<app port>): this run
        // can go on beside `npm test`'s.
        E2E_FORK_PORT: process.env.E2E_FORK_PORT || "8656",
        E2E_INDEXER_PORT: process.env.E2E_INDEXER_PORT || "42179",
        E2E_APP_PORT: process.env.E2E_APP_PORT || "3300",
      },
    },
  );
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const code = await new Promise<number>((done) => child.on("exit", (exit, signal) => done(exit ?? (signal ? 1 : 0))));
  await chain.anvil.stop();
  return code;
}

runScript("e2e:large", main);
