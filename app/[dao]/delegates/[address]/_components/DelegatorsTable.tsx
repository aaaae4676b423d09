/** The accounts delegating to an address, largest balance first, with when they delegated. Paginated by URL. */
import Link from "next/link";
import { AccountName } from "@/components/address/AccountName";
import { PageLinks } from "@/components/ui/PageLinks";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import type { IndexedDelegator, Page } from "@/lib/indexer/types";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export type DelegatorsTableProps = {
  slug: string;
  /** The delegate whose page this is (marked "self" in the list). */
  delegate: string;
  delegators: Page<IndexedDelegator>;
  page: number;
  pageSize: number;
  decimals: number;
  symbol: string;
  names: Map<string, string>;
  /** Renderable ENS avatars (lowercase address → src). */
  avatars?: Map<string, string | null>;
  keep: Record<string, string | undefined>;
};

/** @example <DelegatorsTable slug="demo" delegate={address} delegators={page} page={1} pageSize={20} … /> */
export function DelegatorsTable({
  slug,
  delegate,
  delegators,
  page,
  pageSize,
  decimals,
  symbol,
  names,
  avatars,
  keep,
}: DelegatorsTableProps) {
  if (delegators.items.length === 0) {
    return (
      <p className="rounded-xl border border-border border-dashed px-6 py-10 text-center text-muted-foreground text-sm">
        {page > 1 ? "No delegators on this page." : "Nobody delegates to this address, not even itself."}
      </p>
    );
  }
  const pageCount = Math.max(1, Math.ceil(delegators.total / pageSize));
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto rounded-xl border border-border bg-card shadow-xs">
        <table className="w-full text-sm">
          <caption className="sr-only">Delegators, largest balance first</caption>
          <thead className="border-border border-b text-left text-muted-foreground text-xs uppercase tracking-wide">
            <tr>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Account
              </th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">
                Balance
              </th>
              <th scope="col" className="hidden px-3 py-2.5 text-right font-medium sm:table-cell">
                Since
              </th>
            </tr>
          </thead>
          <tbody>
            {delegators.items.map((row) => {
              const name = names.get(row.address.toLowerCase());
              const self = row.address.toLowerCase() === delegate.toLowerCase();
              const since = row.delegatedTimestamp === null ? undefined : new Date(row.delegatedTimestamp * 1000);
              return (
                <tr key={row.address} className="border-border border-b last:border-0">
                  <td className="px-3 py-2.5">
                    <Link href={`/${slug}/delegates/${row.address}`} className="whitespace-nowrap hover:underline">
                      <AccountName address={row.address} name={name} avatar={avatars?.get(row.address.toLowerCase())} />
                    </Link>
                    {self ? <span className="ml-2 text-muted-foreground text-xs">(self)</span> : null}
                    {since ? (
                      <span className="block text-muted-foreground text-xs sm:hidden">
                        since {dateFormat.format(since)}
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2.5 text-right tabular-nums">
                    {formatTokenAmount(BigInt(row.balance), decimals)} {symbol}
                  </td>
                  <td className="hidden whitespace-nowrap px-3 py-2.5 text-right text-muted-foreground sm:table-cell">
                    {since ? <time dateTime={since.toISOString()}>{dateFormat.format(since)}</time> : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <PageLinks
        label="Delegators pages"
        param="delegatorsPage"
        page={page}
        pageCount={pageCount}
        keep={keep}
        hash="delegators"
      />
    </div>
  );
}
