/**
 * The production build the benchmarks and the e2e harness serve, and the one way those scripts run
 * a command in the foreground.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { bin, repoRoot } from "./paths";

/**
 * Runs `command` in the repository with this terminal's output; resolves its exit code (1 when a
 * signal ended it).
 *
 * @example const code = await runInherited(bin("playwright"), ["test"], { CI: "1" });
 */
export function runInherited(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", env: { ...process.env, ...env } });
  return new Promise((done) => child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0))));
}

/**
 * `next build` into a folder other than `.next` adds that folder's types to tsconfig.json's include.
 * A script that builds elsewhere (the benchmarks, the e2e harness with NEXT_DIST_DIR) takes them out
 * again, leaving no trace in the repository.
 *
 * @example forgetBuildTypes(".next-bench");
 */
export function forgetBuildTypes(distDir: string): void {
  if (distDir === ".next") return;
  const path = resolve(repoRoot, "tsconfig.json");
  const tsconfig = JSON.parse(readFileSync(path, "utf8")) as { include?: string[] };
  const include = tsconfig.include?.filter((entry) => !entry.startsWith(`${distDir}/`));
  if (!include || include.length === tsconfig.include?.length) return;
  writeFileSync(path, `${JSON.stringify({ ...tsconfig, include }, null, 2)}\n`);
}

/**
 * Builds the app into `distDir` (`next build` with NEXT_DIST_DIR), or reuses the build there when
 * `reuse` is set (a script's *_SKIP_BUILD=1) and one exists. Throws when the build fails.
 *
 * @example await productionBuild(".next-bench", process.env.BENCH_SKIP_BUILD === "1", step);
 */
export async function productionBuild(distDir: string, reuse: boolean, log: (line: string) => void): Promise<void> {
  if (reuse && existsSync(resolve(repoRoot, distDir, "BUILD_ID"))) {
    log(`reusing the build in ${distDir}`);
    return;
  }
  log(`building into ${distDir} (next build)…`);
  const started = Date.now();
  const code = await runInherited(bin("next"), ["build"], { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" });
  forgetBuildTypes(distDir);
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}
