/**
 * Playwright runs against the production build, the indexer and an anvil fork that
 * scripts/e2e.ts starts; run the suite through `npm run test:e2e`, not `playwright test` alone.
 * Tests share one chain and reset it with evm_snapshot/evm_revert, so they run one at a time.
 * The lifecycle spec runs after the others, and the long-windows spec (GovernorAlpha's and Bravo's
 * voting periods) after it, each in its own project (see below).
 */
import { defineConfig, devices } from "@playwright/test";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// scripts/e2e.ts gives each harness its own folder (ports other than the defaults).
const outputDir = process.env.E2E_OUTPUT_DIR ?? ".commons/e2e";
/** Specs that move the chain too far to be reverted: each runs in its own project, after the rest. */
const lastSpecs = [/(^|\/)lifecycle\.spec\.ts/, /long-windows\.spec\.ts/];

export default defineConfig({
  testDir: "e2e/specs",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: `${outputDir}/results.json` }]],
  outputDir: `${outputDir}/artifacts`,
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: lastSpecs },
    { name: "phone", use: { ...devices["Pixel 7"] }, grep: /@phone/, testIgnore: lastSpecs },
    // The whole proposal lifecycle mines ~80 blocks; reverting that far back breaks the indexer's
    // live sync (it only handles shallow reorgs), so it runs after every other spec.
    {
      name: "lifecycle",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /(^|\/)lifecycle\.spec\.ts/,
      dependencies: ["desktop", "phone"],
    },
    // GovernorBravo's and GovernorAlpha's voting periods (5,760 and 40,320 blocks): mined on the
    // fork and never reverted, with the indexer left behind, so they come last of all.
    {
      name: "long-windows",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /long-windows\.spec\.ts/,
      dependencies: ["lifecycle"],
    },
  ],
});
