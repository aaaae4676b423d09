/**
 * The discussion link a proposal carries: an absolute http(s) URL with a host, no credentials
 * and nothing invisible in it (the same rules as links in a rendered description,
 * lib/markdown/safeUrl), and, when the DAO's config lists `forumHosts`, on one of those hosts
 * exactly (a subdomain of a listed host is not the forum).
 */
import { safeLinkUrl } from "../../markdown/safeUrl";
import type { ParseResult } from "./parseArgument";

/**
 * The normalised URL, "" for an empty (optional) input, or an error naming the field.
 *
 * @example
 * discussionUrl("https://forum.example.org/t/42", ["forum.example.org"]) // { ok: true, value: "https://forum.example.org/t/42" }
 * discussionUrl("https://evil.example/t/42", ["forum.example.org"])
 * // { ok: false, error: "Discussion URL: must be on forum.example.org" }
 */
export function discussionUrl(
  input: string,
  forumHosts: readonly string[] | undefined,
  field = "Discussion URL",
): ParseResult<string> {
  const text = input.trim();
  if (text === "") return { ok: true, value: "" };
  const fail = (problem: string): ParseResult<string> => ({ ok: false, error: `${field}: ${problem}` });
  if (!/^https?:\/\//i.test(text)) return fail("must start with https:// (or http://)");
  const href = safeLinkUrl(text);
  if (!href) return fail("is not a valid link (no spaces, hidden characters or user names in it)");
  const host = new URL(href).hostname.toLowerCase();
  const hosts = (forumHosts ?? []).map((allowed) => allowed.toLowerCase());
  if (hosts.length > 0 && !hosts.includes(host)) {
    return fail(`must be on ${hosts.length === 1 ? hosts[0] : `one of ${hosts.join(", ")}`}`);
  }
  return { ok: true, value: href };
}
