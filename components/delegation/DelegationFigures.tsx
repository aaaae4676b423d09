"use client";
/**
 * The connected account's balance, current delegate and voting power, as read live from the
 * token. No wallet code of its own (it is handed the reads), so the account view and the
 * "Delegate to …" panels share it.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { isAddressEqual } from "viem";
import { AccountName } from "@/components/address/AccountName";
import type { AccountDelegation } from "@/lib/delegation/delegationStatus";
import { cn } from "@/lib/format/cn";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import type { WriteDao } from "@/lib/governor/adapter";

export type DelegationFiguresProps = {
  dao: Pick<WriteDao, "slug" | "tokenDecimals" | "tokenSymbol">;
  /** undefined while loading. */
  value: AccountDelegation | undefined;
  className?: string;
};

function Figure({ term, children, hint }: { term: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs uppercase tracking-wide">{term}</dt>
      <dd className="mt-1 break-words font-medium tabular-nums">{children}</dd>
      {hint ? <dd className="text-muted-foreground text-xs">{hint}</dd> : null}
    </div>
  );
}

/** Whom `value.account` delegates to, as a short phrase or a link to the delegate's page. */
export function DelegateName({ dao, value }: { dao: Pick<WriteDao, "slug">; value: AccountDelegation }) {
  if (value.delegate === null) return <span className="text-amber-700 dark:text-amber-300">Nobody</span>;
  if (isAddressEqual(value.delegate, value.account)) return <>Yourself</>;
  return (
    <Link href={`/${dao.slug}/delegates/${value.delegate}`} className="text-accent underline">
      <AccountName address={value.delegate} className="font-mono" />
    </Link>
  );
}

/** @example <DelegationFigures dao={dao} value={reads.status === "ready" ? reads.value : undefined} /> */
export function DelegationFigures({ dao, value, className }: DelegationFiguresProps) {
  const amount = (raw: bigint) => `${formatTokenAmount(raw, dao.tokenDecimals)} ${dao.tokenSymbol}`;
  const loading = <span className="text-muted-foreground">…</span>;
  return (
    <dl className={cn("grid grid-cols-1 gap-4 min-[26rem]:grid-cols-3", className)} aria-busy={!value || undefined}>
      <Figure term="Balance">{value ? amount(value.balance) : loading}</Figure>
      <Figure term="Delegating to">{value ? <DelegateName dao={dao} value={value} /> : loading}</Figure>
      <Figure term="Voting power" hint="Votes that count for you now">
        {value ? amount(value.votes) : loading}
      </Figure>
    </dl>
  );
}
