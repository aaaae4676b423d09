/** Reading a page's URL search parameters: a page number and an address/name search. */
import { singleLineText } from "../format/singleLineText";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A 1-based page number; anything malformed is page 1.
 *
 * @example pageParam("3") // 3
 */
export function pageParam(value: string | string[] | undefined): number {
  const page = typeof value === "string" && /^\d{1,5}$/.test(value) ? Number(value) : 1;
  return Math.max(page, 1);
}

/**
 * The search text, bounded and made safe to echo like a proposal title (no bidi or invisible
 * characters, controls as spaces).
 *
 * @example textParam(" 0x7099 ") // "0x7099"
 */
export function textParam(value: string | string[] | undefined, max = 100): string {
  return typeof value === "string" ? singleLineText(value.slice(0, max * 4)).slice(0, max) : "";
}
