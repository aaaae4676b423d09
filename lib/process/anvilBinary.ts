/** Where the platform package of `@foundry-rs/anvil` puts the anvil binary. */
import { join } from "node:path";

/**
 * The binary's path under `root`/node_modules for this platform (the packages say `amd64` where
 * Node says `x64`), whether or not it is installed.
 *
 * @example anvilPackageBinary(process.cwd()) // ".../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
 */
export function anvilPackageBinary(root: string): { path: string; platform: string } {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const platform = `${process.platform}-${arch}`;
  const binary = process.platform === "win32" ? "anvil.exe" : "anvil";
  return { path: join(root, "node_modules", "@foundry-rs", `anvil-${platform}`, "bin", binary), platform };
}
