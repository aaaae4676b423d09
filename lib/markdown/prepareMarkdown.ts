/**
 * Decides how much of an untrusted description to parse as markdown, and whether to parse it at
 * all. Markdown parsing (micromark) is linear for ordinary prose but not for everything a
 * proposer can write: thousands of block quotes or list items, deep nesting or long runs of
 * emphasis markers make it quadratic, and deep nesting can overflow the stack. One linear pass
 * here bounds the work before the parser sees the text: past the character limit the rest is left
 * out (the page links to the full text), and a text with pathological structure is shown as
 * plain text instead of markdown.
 */

export type MarkdownLimits = {
  /** Characters shown (as markdown or text); the rest is omitted. */
  characters: number;
  /** List items in the whole text (linear to parse, but each costs). */
  listItems: number;
  /** Block quotes and nested list items: each makes parsing the rest slower (quadratic). */
  nestedContainers: number;
  /** Containers nested on one line (markers and their indentation). */
  nesting: number;
  /** Emphasis and strikethrough markers (`*`, `_`, `~`) in one block (a run of non-blank lines). */
  delimitersPerBlock: number;
};

/** About 8,000 words of prose; measured to render in well under a second. */
export const defaultMarkdownLimits: MarkdownLimits = {
  characters: 50_000,
  listItems: 5_000,
  nestedContainers: 500,
  nesting: 10,
  delimitersPerBlock: 500,
};

export type PreparedMarkdown = {
  /** "markdown": render `text` as markdown; "text": show it as plain text. */
  mode: "markdown" | "text";
  text: string;
  /** Characters of the description left out (0 when all of it is shown). */
  omitted: number;
  /** Why the text is shown as plain text (mode "text" only). */
  reason?: string;
};

const fence = /^ {0,3}(`{3,}|~{3,})/;
const containerMarker = /^[ \t]{0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/;
const quoteMarker = /^[ \t]{0,3}>/;

function cut(text: string, limit: number): { text: string; omitted: number } {
  if (text.length <= limit) return { text, omitted: 0 };
  let end = text.lastIndexOf("\n", limit);
  if (end < limit / 2) end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), omitted: text.length - end };
}

/** Container depth a line opens: its markers, plus indentation (two columns a level) before the first. */
function lineNesting(line: string): number {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
  let rest = line.slice(indent.length);
  let markers = 0;
  for (let match = containerMarker.exec(rest); match && match[0].length > 0; match = containerMarker.exec(rest)) {
    markers += 1;
    rest = rest.slice(match[0].length);
    if (markers > 100) break;
  }
  if (markers === 0) return 0;
  const columns = indent.replaceAll("\t", "    ").length;
  return markers + Math.floor(columns / 2);
}

function countDelimiters(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x2a || code === 0x5f || code === 0x7e) count += 1;
  }
  return count;
}

function pathology(text: string, limits: MarkdownLimits): string | undefined {
  let openFence: string | undefined;
  let listItems = 0;
  let nestedContainers = 0;
  let blockDelimiters = 0;
  let inQuote = false;
  for (const line of text.split("\n")) {
    const fenceMatch = fence.exec(line);
    if (openFence !== undefined) {
      // Inside fenced code nothing is parsed as markdown.
      const closing = fenceMatch?.[1];
      if (closing && closing[0] === openFence[0] && closing.length >= openFence.length) {
        openFence = undefined;
      }
      continue;
    }
    if (fenceMatch?.[1]) {
      openFence = fenceMatch[1];
      blockDelimiters = 0;
      continue;
    }
    if (line.trim() === "") {
      blockDelimiters = 0;
      inQuote = false;
      continue;
    }
    const nesting = lineNesting(line);
    if (nesting > limits.nesting) return `it nests more than ${limits.nesting} lists or quotes`;
    const quote = quoteMarker.test(line);
    if (nesting > 1 || (quote && !inQuote)) nestedContainers += 1;
    else if (nesting === 1) listItems += 1;
    inQuote = quote;
    if (nestedContainers > limits.nestedContainers) {
      return `it has more than ${limits.nestedContainers} quotes or nested list items`;
    }
    if (listItems > limits.listItems) return `it has more than ${limits.listItems.toLocaleString("en-US")} list items`;
    blockDelimiters += countDelimiters(line);
    if (blockDelimiters > limits.delimitersPerBlock) {
      return `a paragraph has more than ${limits.delimitersPerBlock} emphasis markers`;
    }
  }
  return undefined;
}

/**
 * @example
 * prepareMarkdown("# Fund grants\n\nDetails…") // { mode: "markdown", text: "# Fund grants\n\nDetails…", omitted: 0 }
 * prepareMarkdown(">".repeat(20_000)).mode // "text"
 */
export function prepareMarkdown(description: string, limits: MarkdownLimits = defaultMarkdownLimits): PreparedMarkdown {
  const { text, omitted } = cut(description, limits.characters);
  const reason = pathology(text, limits);
  return reason === undefined ? { mode: "markdown", text, omitted } : { mode: "text", text, omitted, reason };
}
