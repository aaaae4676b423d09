/** Reads the DAO config file named by `DAO_CONFIG` (default `dao.config.json` in the cwd). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "./ConfigError";
import { parseCommonsConfig } from "./parseCommonsConfig";
import type { CommonsConfig } from "./schema";

/** The path the app, the indexer and the scripts read the config from. */
export function commonsConfigPath(env: Record<string, string | undefined> = process.env): string {
  // The path is chosen at run time: keep Next's file tracer from including the whole project.
  return resolve(/* turbopackIgnore: true */ env.DAO_CONFIG ?? "dao.config.json");
}

/**
 * @example
 * const { daos } = readCommonsConfig(); // throws ConfigError naming the field when invalid
 */
export function readCommonsConfig(path = commonsConfigPath()): CommonsConfig {
  let text: string;
  try {
    text = readFileSync(/* turbopackIgnore: true */ path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new ConfigError(
        `DAO config not found at ${path}. Run \`npm run dev\` to deploy the demo DAO (it writes this file), or copy dao.config.example.json and point DAO_CONFIG at it.`,
      );
    }
    throw new ConfigError(`cannot read DAO config at ${path}: ${(error as Error).message}`);
  }
  return parseCommonsConfig(text, path);
}
