/**
 * Previous/next links for a list paginated with a URL search parameter, so it works without
 * JavaScript. Other parameters of the page (search, another list's page) are kept.
 */
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { LinkPending } from "@/components/ui/LinkPending";

export type PageLinksProps = {
  /** Accessible name of the navigation ("Delegates pages"). */
  label: string;
  /** The search parameter holding this list's page number. */
  param: string;
  page: number;
  pageCount: number;
  /** The page's other search parameters, kept in the links. */
  keep?: Record<string, string | undefined>;
  previousText?: string;
  nextText?: string;
  /** Fragment to jump to (the list's heading), e.g. "votes". */
  hash?: string;
};

/**
 * The query string of a page link: `keep` plus `param` (omitted for page 1).
 *
 * @example pageHref({ q: "0x7" }, "page", 2) // "?q=0x7&page=2"
 */
export function pageHref(keep: Record<string, string | undefined>, param: string, target: number, hash?: string) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(keep)) if (value && key !== param) params.set(key, value);
  if (target > 1) params.set(param, String(target));
  const search = params.toString();
  return `${search ? `?${search}` : "?"}${hash ? `#${hash}` : ""}`;
}

/** @example <PageLinks label="Delegates pages" param="page" page={2} pageCount={5} keep={{ q }} /> */
export function PageLinks({
  label,
  param,
  page,
  pageCount,
  keep = {},
  previousText = "← Previous",
  nextText = "Next →",
  hash,
}: PageLinksProps) {
  if (pageCount <= 1) return null;
  const linkClass = buttonClass({ variant: "secondary", size: "sm" });
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={pageHref(keep, param, Math.min(page - 1, pageCount), hash)} className={linkClass} rel="prev">
          {previousText}
          <LinkPending />
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted-foreground">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pageHref(keep, param, page + 1, hash)} className={linkClass} rel="next">
          {nextText}
          <LinkPending />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
