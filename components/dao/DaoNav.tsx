"use client";
/**
 * The DAO's section links (Proposals, Delegates, Treasury, Analytics, About, and the reader's own Account);
 * the current one is marked with aria-current="page". A section is current on its own page and on
 * every page below it.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { LinkPending } from "@/components/ui/LinkPending";
import { cn } from "@/lib/format/cn";

export type DaoNavItem = {
  href: string;
  label: string;
  /** Other path prefixes that belong to this item. */
  also?: string[];
};

/**
 * The sections of the DAO whose home is `home` ("/<slug>").
 *
 * @example daoSections("/commons").map((item) => item.label) // ["Proposals", "Delegates", "Treasury", "Analytics", "About", "Account"]
 */
export function daoSections(home: string): DaoNavItem[] {
  return [
    { href: home, label: "Proposals", also: [`${home}/proposals`] },
    { href: `${home}/delegates`, label: "Delegates" },
    { href: `${home}/treasury`, label: "Treasury" },
    { href: `${home}/analytics`, label: "Analytics" },
    { href: `${home}/about`, label: "About" },
    { href: `${home}/account`, label: "Account" },
  ];
}

export type DaoNavProps = {
  /** The DAO's home ("/<slug>"); the sections are built from it. */
  home?: string;
  /**
   * Older form: the items whose first entry is the DAO home. The DAO's sections are built from
   * that home too, so both forms render every section.
   */
  items?: DaoNavItem[];
  className?: string;
};

function isCurrent(item: DaoNavItem, pathname: string, home: string | undefined): boolean {
  if (pathname === item.href) return true;
  // The home's own subpaths belong to the other sections (and to `also`), not to the home item.
  if (item.href !== home && pathname.startsWith(`${item.href}/`)) return true;
  return (item.also ?? []).some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** @example <DaoNav home="/commons" /> */
export function DaoNav({ home, items, className }: DaoNavProps) {
  const pathname = usePathname();
  const root = home ?? items?.[0]?.href;
  const sections = root ? daoSections(root) : (items ?? []);
  return (
    <nav aria-label="DAO sections" className={cn("-mb-px flex gap-1 overflow-x-auto", className)}>
      {sections.map((item) => {
        const current = isCurrent(item, pathname, root);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "whitespace-nowrap border-b-2 px-3 py-2.5 font-medium text-sm transition-colors",
              current
                ? "border-accent text-foreground"
                : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
            )}
          >
            {item.label}
            <LinkPending />
          </Link>
        );
      })}
    </nav>
  );
}
