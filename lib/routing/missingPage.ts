/**
 * Whether a path names something that cannot exist, decided from the path and the configured DAO
 * slugs alone: an unknown DAO, or a proposal id, delegate address or draft id of the wrong form.
 * proxy.ts answers those with the not-found page itself (HTTP 404, rendered in full), because a
 * `notFound()` thrown while a page renders gets a 404 whose body Next leaves to JavaScript.
 */

const maxUint256 = 2n ** 256n - 1n;
/** What a DAO slug may be (lib/config/schema.ts); other first segments are files and Next's own routes. */
const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
/** A section's routes with a fixed name where an id would stand (app/[dao]/<section>/<name>). */
const fixedRoutes: Record<string, readonly string[]> = {
  proposals: ["new"],
  delegates: ["delegates.csv"],
};
/** Next's metadata routes at the top level (app/icon.svg, app/robots.ts, app/opengraph-image.tsx…). */
const metadataRoutes = /^(icon|apple-icon|opengraph-image|twitter-image|sitemap|robots|manifest)(-|$)/;

/**
 * @example
 * isMissingPage("/nope/proposals/1", ["demo"]) // true: no such DAO
 * isMissingPage("/demo/proposals/12ab", ["demo"]) // true: not a proposal id
 * isMissingPage("/demo/proposals/12", ["demo"]) // false: may exist (the page asks the index and the chain)
 */
export function isMissingPage(pathname: string, slugs: readonly string[]): boolean {
  const parts = pathname.split("/").slice(1);
  const [slug, section, id] = parts.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  if (!slug || !slugPattern.test(slug) || metadataRoutes.test(slug)) return false;
  if (!slugs.includes(slug)) return true;
  if (id === undefined || (section !== undefined && fixedRoutes[section]?.includes(id))) return false;
  if (section === "proposals") return !/^\d{1,78}$/.test(id) || BigInt(id) > maxUint256;
  if (section === "delegates") return !/^0x[0-9a-fA-F]{40}$/.test(id);
  if (section === "drafts") return !/^[0-9a-f]{32}$/.test(id);
  return false;
}

/**
 * The DAO slugs of a config file's text; undefined when it cannot be read (the app then shows the
 * config's error itself, and nothing is declared missing).
 *
 * @example daoSlugs('{"daos":[{"slug":"demo"}]}') // ["demo"]
 */
export function daoSlugs(configText: string): string[] | undefined {
  try {
    const config = JSON.parse(configText) as { daos?: { slug?: unknown }[] };
    if (!Array.isArray(config.daos)) return undefined;
    const slugs = config.daos.map((dao) => dao.slug);
    return slugs.every((slug): slug is string => typeof slug === "string") ? slugs : undefined;
  } catch {
    return undefined;
  }
}
