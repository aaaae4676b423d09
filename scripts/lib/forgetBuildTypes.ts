import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "./paths";

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
