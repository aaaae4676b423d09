/**
 * Where the app is served: `COMMONS_PUBLIC_ORIGIN` (one origin, or several comma-separated, the
 * first being the canonical one). Sign-in accepts messages only for these hosts, and link previews
 * (Open Graph and Twitter cards, `metadataBase`) use the first to make their URLs absolute. Without
 * it, previews use the host the request addressed (fine on localhost; behind a proxy set it).
 *
 * No `server-only` guard: reads the environment only, unit-tested by vitest.
 */

/**
 * The configured public origins, as URLs; empty when the variable is not set. Throws naming the
 * variable when an entry is not an http(s) origin.
 *
 * @example publicOrigins({ COMMONS_PUBLIC_ORIGIN: "https://a.example, https://b.example" }).map(String)
 * // ["https://a.example/", "https://b.example/"]
 */
export function publicOrigins(env: Record<string, string | undefined> = process.env): URL[] {
  const value = env.COMMONS_PUBLIC_ORIGIN?.trim();
  if (!value) return [];
  return value.split(",").map((entry) => {
    let url: URL;
    try {
      url = new URL(entry.trim());
    } catch {
      throw new Error(
        `COMMONS_PUBLIC_ORIGIN: "${entry.trim()}" is not a URL (expected e.g. https://commons.example.org)`,
      );
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new Error(`COMMONS_PUBLIC_ORIGIN: "${entry.trim()}" must be an http(s) origin`);
    }
    return new URL(url.origin);
  });
}

/**
 * The base of absolute URLs in link previews: the first configured origin, else the request's
 * host (`X-Forwarded-Host`/`Host`, with `X-Forwarded-Proto`'s scheme when it says https).
 *
 * @example metadataBaseFor(await headers()) // URL("https://commons.example.org/")
 */
export function metadataBaseFor(
  headers: Pick<Headers, "get">,
  env: Record<string, string | undefined> = process.env,
): URL {
  const [configured] = publicOrigins(env);
  if (configured) return configured;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  try {
    return new URL(`${proto}://${host}`);
  } catch {
    return new URL("http://localhost:3000");
  }
}
