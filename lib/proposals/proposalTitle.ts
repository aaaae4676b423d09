/**
 * Derives a proposal's title from its on-chain description. Descriptions are free text written by
 * whoever proposed, so the title is reduced to plain, single-line, bounded text that is safe to
 * show anywhere (lists, page titles, notifications) without rendering markdown or HTML.
 */

const maxTitleLength = 200;
// Markup can make a line longer than its text, but not by this much. Bounding what the patterns
// below scan keeps a hostile description (a megabyte of "[[[[") from costing quadratic time.
const maxLineScan = 2_000;
const untitled = "Untitled proposal";
const topHeading = /^\s{0,3}#\s+\S/;

/** C0 and C1 controls: tab and newline included, since a title is one line. */
function isControl(codePoint: number): boolean {
  return codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/**
 * Unicode format characters that reorder or hide text: bidi embeddings, overrides and isolates,
 * direction marks, zero-width characters, the soft hyphen, the BOM.
 */
function isInvisible(codePoint: number): boolean {
  return (
    codePoint === 0xad ||
    codePoint === 0x61c ||
    codePoint === 0x180e ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0xfeff
  );
}

function withoutControls(text: string): string {
  let out = "";
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (isControl(codePoint)) out += " ";
    else if (!isInvisible(codePoint)) out += character;
  }
  return out;
}

function plainText(line: string): string {
  return (
    line
      // Tags are dropped, not interpreted: "<b>Fund</b> us" → "Fund us".
      .replace(/<\/?[a-z][^<>]*>/gi, "")
      .replace(/<!--[\s\S]*?(-->|$)/g, "")
      // Markdown links and images keep their text: "[Forum](https://…)" → "Forum".
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/^\s{0,3}(#{1,6}(\s+|$)|>\s*|[-*+]\s+|\d+[.)]\s+)/, "")
      .replace(/\s+#+\s*$/, "")
      // Emphasis and code markers go; "#42" and snake_case words keep theirs.
      .replace(/[*`]|~~/g, "")
      .replace(/(^|[^\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, "$1")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function truncate(text: string): string {
  const characters = Array.from(text);
  if (characters.length <= maxTitleLength) return text;
  return `${characters
    .slice(0, maxTitleLength - 1)
    .join("")
    .trimEnd()}…`;
}

/**
 * The first top-level markdown heading (`# …`) of a description, else its first non-empty line, as
 * plain text of at most 200 characters. Only `#` headings are searched for: in "Do X\n\n## Summary"
 * the title is "Do X", not the section name.
 *
 * @example
 * proposalTitle("# Fund the **grants** program\n\nDetails…") // "Fund the grants program"
 * proposalTitle("") // "Untitled proposal"
 */
export function proposalTitle(description: string): string {
  const lines = description
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => withoutControls(line.slice(0, maxLineScan)));
  const heading = lines.find((line) => topHeading.test(line) && plainText(line) !== "");
  const line = heading ?? lines.find((candidate) => plainText(candidate) !== "");
  const title = line === undefined ? "" : truncate(plainText(line));
  return title === "" ? untitled : title;
}

/**
 * The start of a description after its title, as one line of plain text of at most 200
 * characters (for link previews); "" when there is nothing else. Same reduction as the title.
 *
 * @example proposalSummary("# Fund grants\n\nWe ask for **50k** to fund [grants](https://x).") // "We ask for 50k to fund grants."
 */
export function proposalSummary(description: string): string {
  const lines = description
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .slice(0, 200)
    .map((line) => withoutControls(line.slice(0, maxLineScan)));
  const titleIndex = lines.findIndex((line) => topHeading.test(line) && plainText(line) !== "");
  const first = titleIndex >= 0 ? titleIndex : lines.findIndex((line) => plainText(line) !== "");
  const rest = lines
    .slice(first + 1)
    .filter((line) => !/^\s*Discussion:\s+\S+\s*$/.test(line))
    .map(plainText)
    .filter((line) => line !== "" && !/^(-{3,}|\*{3,}|_{3,}|\|[-:| ]+\|?)$/.test(line));
  return truncate(rest.join(" "));
}
