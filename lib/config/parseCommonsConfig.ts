/** Parses the text of a DAO config file into a validated config, or throws one ConfigError. */
import type { z } from "zod";
import { ConfigError } from "./ConfigError";
import { type CommonsConfig, commonsConfigSchema } from "./schema";

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, "");
}

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = fieldPath(issue.path) || "(root)";
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return { field, message: `${field} is required` };
  }
  if (issue.code === "unrecognized_keys") {
    const where = field === "(root)" ? "" : ` in ${field}`;
    return { field, message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}${where}` };
  }
  return { field, message: `${field} ${issue.message}` };
}

/**
 * @example
 * parseCommonsConfig('{"daos":[...]}', "dao.config.json").daos[0].governor
 */
export function parseCommonsConfig(text: string, source = "dao.config.json"): CommonsConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const result = commonsConfigSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    if (!first) throw new ConfigError(`${source} is invalid`);
    const { field, message } = describeIssue(first);
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : "";
    throw new ConfigError(`${source}: ${message}${more}`, field);
  }
  return result.data;
}
