/**
 * How the propose form turns its fields into the description stored on chain, and back.
 *
 * The fixed form (documented in the README, "Proposal descriptions"):
 *
 *     # <title>
 *
 *     <markdown body>
 *
 *     Discussion: <url>
 *
 * - The title is the first line, a level-1 markdown heading: every page derives the proposal's
 *   title from the first `# ` heading (lib/proposals/proposalTitle.ts).
 * - The body follows after one blank line, as written (trailing blank lines removed).
 * - When a discussion URL is given, the description ends with one line `Discussion: <url>`,
 *   separated from the body by a blank line. It is plain text that any markdown renderer shows
 *   as a link (GFM autolinks), and tools can find it with {@link discussionLinkOf}.
 *
 * The description is hashed into the proposal id, so the same fields always give the same text
 * (line endings are normalised to "\n").
 */
import type { ParseResult } from "./parseArgument";

/** The proposal page shows the first 50,000 characters as markdown (lib/markdown/prepareMarkdown). */
export const maxDescriptionLength = 50_000;
export const maxTitleLength = 200;

const discussionLine = /\n\nDiscussion: (https?:\/\/\S+)$/;

export type DescriptionFields = { title: string; body: string; discussionUrl: string };

/**
 * The title as it will be stored: trimmed, one line, not empty, at most 200 characters.
 *
 * @example proposalTitleInput("  Fund the grants program ") // { ok: true, value: "Fund the grants program" }
 */
export function proposalTitleInput(input: string, field = "Title"): ParseResult<string> {
  const title = input.trim();
  if (title === "") return { ok: false, error: `${field}: is required` };
  if (/[\r\n\u2028\u2029]/.test(title)) return { ok: false, error: `${field}: must be a single line` };
  if (Array.from(title).length > maxTitleLength) {
    return { ok: false, error: `${field}: must be at most ${maxTitleLength} characters` };
  }
  return { ok: true, value: title };
}

/**
 * @example
 * composeDescription({ title: "Fund grants", body: "Details…", discussionUrl: "https://forum.example.org/t/42" })
 * // "# Fund grants\n\nDetails…\n\nDiscussion: https://forum.example.org/t/42"
 * composeDescription({ title: "Fund grants", body: "", discussionUrl: "" }) // "# Fund grants"
 */
export function composeDescription({ title, body, discussionUrl }: DescriptionFields): string {
  const parts = [`# ${title.trim()}`];
  const text = body.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  if (text.trim() !== "") parts.push(text);
  if (discussionUrl.trim() !== "") parts.push(`Discussion: ${discussionUrl.trim()}`);
  return parts.join("\n\n");
}

/**
 * The discussion link of a description written in the fixed form, if its last line is one.
 *
 * @example discussionLinkOf("# T\n\nBody\n\nDiscussion: https://forum.example.org/t/42") // "https://forum.example.org/t/42"
 */
export function discussionLinkOf(description: string): string | undefined {
  return discussionLine.exec(description.replace(/\s+$/, ""))?.[1];
}
