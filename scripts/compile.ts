/**
 * `npm run compile` — compiles contracts/ with solc-js and writes the typed ABI + bytecode modules
 * in contracts-abi/. `npm run compile -- --check` writes nothing and exits 1 when contracts-abi/
 * is stale, naming the files to regenerate.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { compileContracts, repoRoot, staleFiles } from "./lib/compileContracts";

const check = process.argv.includes("--check");
const started = performance.now();
const files = compileContracts();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const stale = staleFiles(files);

if (check) {
  if (stale.length > 0) {
    console.error(`contracts-abi is stale (run \`npm run compile\`): ${stale.join(", ")}`);
    process.exit(1);
  }
  console.log(`contracts-abi is up to date (${files.size} files, compiled in ${seconds} s)`);
} else {
  for (const path of stale) {
    mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
    writeFileSync(join(repoRoot, path), files.get(path) ?? "");
  }
  const wrote = stale.length > 0 ? `wrote ${stale.join(", ")}` : "no changes";
  const contracts = [...files.keys()].filter((path) => !path.endsWith("/index.ts")).length;
  console.log(`compiled ${contracts} contracts in ${seconds} s; ${wrote}`);
}
