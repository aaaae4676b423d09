/**
 * `.env.example` lists every environment variable the README names, one line each, and nothing
 * the README does not explain.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

/** Names the README gives: SNAKE_CASE words, and any all-caps word in backticks (`PORT`). */
function readmeNames(): string[] {
  const readme = readFileSync(resolve(root, "README.md"), "utf8");
  const names = new Set<string>();
  for (const [name] of readme.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) names.add(name);
  for (const [, name] of readme.matchAll(/`([A-Z][A-Z0-9_]+)(?:=[^`]*)?`/g)) if (name) names.add(name);
  return [...names].sort();
}

describe(".env.example", () => {
  it("has one line per variable the README names, with a value and a comment", () => {
    const lines = readFileSync(resolve(root, ".env.example"), "utf8").split("\n");
    const entries = lines
      .map((line) => /^# ([A-Z][A-Z0-9_]*)=(\S+) {2}# \S.*$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => match[1] as string);
    expect(entries.length).toBe(new Set(entries).size);
    expect([...entries].sort()).toEqual(readmeNames());
    // Anything else is a comment about the file, not a half-written entry.
    for (const line of lines) if (/^#? ?[A-Z][A-Z0-9_]*=/.test(line)) expect(line).toMatch(/ {2}# /);
  });
});
