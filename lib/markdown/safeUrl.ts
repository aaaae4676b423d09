/**
 * Which URLs from untrusted text may become a link or an image. Only absolute http(s) and mailto
 * URLs pass; everything else (javascript:, data:, vbscript:, file:, relative paths, protocol-
 * relative `//host`) is refused. The check is done on the URL exactly as written: any control,
 * whitespace or invisible character refuses it outright, because browsers silently drop tabs
 * and newlines ("java\tscript:" runs as "javascript:") and strip leading controls.
 */

const maxUrlLength = 2_048;
// C0 controls, space, DEL, C1 controls, and the invisible characters of ./invisibleCharacters.
const suspicious =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing URLs with control characters is the point.
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;
const schemeAllowed = /^(https?:\/\/|mailto:)/i;

function parse(raw: string): URL | null {
  if (raw.length === 0 || raw.length > maxUrlLength || suspicious.test(raw)) return null;
  // The scheme is checked on the text itself too, so no URL parser quirk can turn "foo" into a scheme.
  if (!schemeAllowed.test(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The URL to put in an `href`, normalised, or null when it must be shown as text instead. http(s)
 * URLs need a host and may not carry credentials ("https://bank.example@evil.example" reads as
 * a bank but goes to evil.example).
 *
 * @example
 * safeLinkUrl("https://forum.example.org/t/42") // "https://forum.example.org/t/42"
 * safeLinkUrl("mailto:council@example.org") // "mailto:council@example.org"
 * safeLinkUrl("JaVaScRiPt:alert(1)") // null
 * safeLinkUrl("java\tscript:alert(1)") // null
 */
export function safeLinkUrl(raw: string): string | null {
  const url = parse(raw);
  if (!url) return null;
  if (url.protocol === "mailto:") return url.pathname.length > 0 ? url.href : null;
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return null;
  if (url.username !== "" || url.password !== "") return null;
  return url.href;
}

/**
 * The URL of a remote image a reader may choose to load: http(s) only, same rules as links.
 *
 * @example
 * safeImageUrl("https://example.org/chart.png") // "https://example.org/chart.png"
 * safeImageUrl("data:image/svg+xml,…") // null
 */
export function safeImageUrl(raw: string): string | null {
  const href = safeLinkUrl(raw);
  return href?.startsWith("mailto:") ? null : href;
}
