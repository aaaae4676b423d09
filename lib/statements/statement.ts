/**
 * Delegate statements, the rules both sides share: size limits, link validation (http/https
 * only) and the one-line summary the directory shows. No server or wallet code: the editor uses
 * the same schema to say what is wrong before it sends anything.
 */
import { z } from "zod";

export const statementLimits = { statementChars: 20_000, links: 5, linkChars: 2_000, summaryChars: 140 } as const;

const link = z
  .string()
  .trim()
  .max(statementLimits.linkChars, {
    message: `must be at most ${statementLimits.linkChars.toLocaleString("en")} characters`,
  })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: "must be an http(s) URL, e.g. https://forum.example.org/t/my-delegate-thread" },
  );

/** The body of PUT /api/daos/<dao>/statements/<address>. */
export const statementInput = z
  .object({
    statement: z.string({ message: "is required (markdown text)" }).max(statementLimits.statementChars, {
      message: `must be at most ${statementLimits.statementChars.toLocaleString("en")} characters`,
    }),
    links: z
      .array(link, { message: "must be a list of URLs" })
      .max(statementLimits.links, { message: `may hold at most ${statementLimits.links} links` })
      .default([]),
  })
  .strict();

export type StatementInput = z.infer<typeof statementInput>;

/** A saved statement as the API returns it. */
export type Statement = {
  dao: string;
  address: string;
  statement: string;
  links: string[];
  /** 1 for the first save, +1 per edit (every version is kept). */
  version: number;
  createdAt: string;
  updatedAt: string;
};

/**
 * A statement's first words as plain text for the directory: markdown syntax, links' URLs and
 * code fences dropped, whitespace collapsed, cut at a word boundary near `max` characters with "…".
 *
 * @example statementSummary("## About me\n\nI vote for **public goods**. [Forum](https://x.org)") // "About me I vote for public goods. Forum"
 */
export function statementSummary(markdown: string, max: number = statementLimits.summaryChars): string {
  const text = markdown
    .slice(0, 4_000)
    .replace(/```[\s\S]*?(```|$)/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/(\*\*|__|~~|`)/g, "")
    .replace(/(^|\s)[*_](\S)/g, "$1$2")
    .replace(/(\S)[*_](?=\s|$|[.,;:!?])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}

/** A link shown with its host first, so a reader sees where it goes: "forum.example.org/t/…". */
export function linkLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const rest = `${parsed.pathname === "/" ? "" : parsed.pathname}${parsed.search}`;
    const short = rest.length > 40 ? `${rest.slice(0, 39)}…` : rest;
    return `${parsed.host}${short}`;
  } catch {
    return url;
  }
}
