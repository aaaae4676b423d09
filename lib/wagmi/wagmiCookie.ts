/**
 * Picks wagmi's own cookies out of a request's Cookie header. The server hands only these to the
 * client providers (for `cookieToInitialState`), never the whole header: other cookies, httpOnly
 * ones included, must not be copied into the page.
 */
import { wagmiStorageKey } from "./storageKey";

/**
 * @example wagmiCookie("session=abc; wagmi.store={...}") // "wagmi.store={...}"
 */
export function wagmiCookie(header: string | null | undefined): string | null {
  if (!header) return null;
  const picked = header
    .split(/;\s*/)
    .filter((pair) => pair.startsWith(`${wagmiStorageKey}.`))
    .join("; ");
  return picked || null;
}
