"use client";
/** The DAO's section links; the current one is marked with aria-current="page". */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/format/cn";

export type DaoNavItem = {
  href: string;
  label: string /** Other path prefixes that belong to this item. */;
  also?: string[];
};

/** @example <DaoNav items={[{ href: "/commons", label: "Proposals", also: ["/commons/proposals"] }]} /> */
export function DaoNav({ items, className }: { items: DaoNavItem[]; className?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="DAO sections" className={cn("-mb-px flex gap-1 overflow-x-auto", className)}>
      {items.map((item) => {
        const current = pathname === item.href || (item.also ?? []).some((prefix) => pathname.startsWith(prefix));
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
          </Link>
        );
      })}
    </nav>
  );
}
