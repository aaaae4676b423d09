/**
 * Whether and how an ENS `avatar` record may be shown. A record is written by whoever owns the
 * name, so it is untrusted: the reader's browser never fetches a URL it names (that would tell
 * any server the name's owner picks who is reading, and when). Shown are:
 * - a small `data:` image (PNG, JPEG, GIF or WebP, base64): nothing is fetched at all;
 * - an `https:` image, through this app's own avatar route (app/api/ens-avatar), which fetches it
 *   on the server with the checks of lib/server/avatarFetch and serves it from this origin.
 * Anything else (`ipfs://`, NFT avatars `eip155:…`, `http:`, SVG) needs a gateway or a CDN this
 * app does not use, or could carry script: the identicon is shown instead.
 */

/** Largest `data:` avatar shown inline (bytes of the record). */
export const maxDataAvatarLength = 48_000;

const dataImage = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * The `src` to render for an avatar record, or null to show the identicon.
 *
 * @example avatarSource("https://example.org/me.png", "0xAbC…") // "/api/ens-avatar/0xabc…"
 * @example avatarSource("ipfs://bafy…", "0xAbC…") // null
 */
export function avatarSource(record: string | null | undefined, address: string): string | null {
  if (!record) return null;
  if (dataImage.test(record)) return record.length <= maxDataAvatarLength ? record : null;
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return null;
  return remoteAvatarUrl(record) ? `/api/ens-avatar/${address.toLowerCase()}` : null;
}

/**
 * The URL an avatar record names, when it is one the avatar route may fetch: https, a host name
 * (not an IP literal, not localhost), the default port, no credentials.
 *
 * @example remoteAvatarUrl("https://example.org/me.png")?.host // "example.org"
 * @example remoteAvatarUrl("https://127.0.0.1/me.png") // null
 */
export function remoteAvatarUrl(record: string): URL | null {
  let url: URL;
  try {
    url = new URL(record);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.port !== "" || url.username !== "" || url.password !== "") return null;
  const host = url.hostname.toLowerCase();
  // IP literals (v4, or v6 in brackets) and local names are refused outright; names are checked
  // again after resolution (lib/server/avatarFetch).
  if (/^[\d.]+$/.test(host) || host.startsWith("[") || host === "localhost" || host.endsWith(".localhost")) {
    return null;
  }
  if (!host.includes(".") || host.endsWith(".local") || host.endsWith(".internal")) return null;
  return url;
}
