/** Where the orchestrators keep their working files: .commons/ at the repo root (gitignored). */
import { resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const workDir = resolve(repoRoot, ".commons");
export const bin = (name: string) => resolve(repoRoot, "node_modules/.bin", name);

/**
 * Where the e2e harness keeps its config, data, logs and Playwright results: `.commons/e2e`, or
 * `.commons/e2e-<port>` when E2E_APP_PORT is set, so harnesses on other ports run side by side.
 */
export function e2eWorkDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(workDir, env.E2E_APP_PORT ? `e2e-${Number(env.E2E_APP_PORT)}` : "e2e");
}
