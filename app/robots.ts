/**
 * /robots.txt: pages may be crawled; the JSON API may not (it is for the app itself). Drafts stay
 * crawlable on purpose, so that crawlers see their `noindex` (a disallowed URL can still be listed
 * from links to it, without the page saying not to).
 */
import type { MetadataRoute } from "next";

export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: "*", allow: "/", disallow: "/api/" }] };
}
