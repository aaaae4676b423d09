/**
 * `npm test`: every check, in the order that fails fastest — lint + format (Biome), type check
 * (app, e2e, indexer, scripts + harness), unit tests (vitest), then the e2e suite (scripts/e2e.ts). Ends
 * with one line counting tests passed and failed. `.ci/run` calls exactly this.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { bin, e2eWorkDir, repoRoot, workDir } from "./lib/paths";

type Step = { name: string; command: string; args: string[] };

const vitestReport = resolve(workDir, "vitest.json");
const playwrightReport = resolve(e2eWorkDir(), "results.json");

const steps: Step[] = [
  { name: "lint and format (biome)", command: bin("biome"), args: ["check", "--error-on-warnings", "."] },
  { name: "type check: app", command: bin("tsc"), args: ["--noEmit", "-p", "tsconfig.json"] },
  { name: "type check: e2e", command: bin("tsc"), args: ["--noEmit", "-p", "e2e/tsconfig.json"] },
  { name: "type check: indexer", command: bin("tsc"), args: ["--noEmit", "-p", "indexer/tsconfig.json"] },
  { name: "type check: scripts + harness", command: bin("tsc"), args: ["--noEmit", "-p", "scripts/tsconfig.json"] },
  {
    name: "unit tests (vitest)",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  },
  { name: "e2e (playwright on the demo chain)", command: bin("tsx"), args: ["scripts/e2e.ts"] },
];

function run(step: Step): Promise<number> {
  return new Promise((resolveExit) => {
    const child = spawn(step.command, step.args, { cwd: repoRoot, stdio: "inherit", env: process.env });
    child.on("exit", (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolveExit(1));
  });
}

function readJson(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function counts(): { passed: number; failed: number; skipped: number } {
  const unit = readJson(vitestReport);
  const e2e = readJson(playwrightReport)?.stats as Record<string, number> | undefined;
  const num = (value: unknown) => (typeof value === "number" ? value : 0);
  return {
    passed: num(unit?.numPassedTests) + num(e2e?.expected) + num(e2e?.flaky),
    failed: num(unit?.numFailedTests) + num(e2e?.unexpected),
    skipped: num(unit?.numPendingTests) + num(unit?.numTodoTests) + num(e2e?.skipped),
  };
}

async function main() {
  mkdirSync(workDir, { recursive: true });
  rmSync(vitestReport, { force: true });
  rmSync(playwrightReport, { force: true });
  const started = Date.now();
  const timings: string[] = [];
  let failedStep: string | undefined;
  for (const step of steps) {
    console.log(`\n━━ ${step.name}`);
    const stepStarted = Date.now();
    const code = await run(step);
    timings.push(`${step.name}: ${Math.round((Date.now() - stepStarted) / 1000)} s`);
    if (code !== 0) {
      failedStep = step.name;
      break;
    }
  }
  const { passed, failed, skipped } = counts();
  console.log(`\n━━ summary (${Math.round((Date.now() - started) / 1000)} s)`);
  for (const line of timings) console.log(`   ${line}`);
  if (failedStep) console.log(`   FAILED at: ${failedStep}`);
  // The one closing line CI reads; a failed non-test step counts as a failure too.
  const failures = failed + (failedStep && failed === 0 ? 1 : 0);
  console.log(`tests: ${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(failedStep ? 1 : 0);
}

void main();
