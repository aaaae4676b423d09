/**
 * A delegate's figures: voting power (live from the chain, else as indexed), share of supply,
 * delegators, votes, participation, last vote, missed streak, balance and its own delegate.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import type { Address } from "viem";
import { AccountName } from "@/components/address/AccountName";
import { Card, CardContent } from "@/components/ui/card";
import { InfoTip } from "@/components/ui/InfoTip";
import type { DelegateOnChain } from "@/lib/chain/readDelegateOnChain";
import { formatShare } from "@/lib/format/formatShare";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import type { IndexedDelegate } from "@/lib/indexer/types";
import type { Settled } from "@/lib/server/settle";

const lastVoteFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

function Figure({ label, children, hint }: { label: ReactNode; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="flex items-center gap-1 text-muted-foreground text-xs uppercase tracking-wide">{label}</dt>
      <dd className="mt-1 break-words font-medium tabular-nums">{children}</dd>
      {hint ? <dd className="text-muted-foreground text-xs">{hint}</dd> : null}
    </div>
  );
}

export type DelegateSummaryProps = {
  slug: string;
  address: Address;
  delegate: Settled<IndexedDelegate>;
  live: Settled<DelegateOnChain>;
  decimals: number;
  symbol: string;
};

/** @example <DelegateSummary slug="commons" address={address} delegate={delegate} live={live} decimals={18} symbol="GOV" /> */
export function DelegateSummary({ slug, address, delegate, live, decimals, symbol }: DelegateSummaryProps) {
  const amount = (value: bigint) => `${formatTokenAmount(value, decimals)}${symbol ? ` ${symbol}` : ""}`;
  const liveFigures = live.ok ? live.value : undefined;
  const votingPower = liveFigures?.votes ?? (delegate.ok ? BigInt(delegate.value.votingPower) : undefined);
  const participation = delegate.ok ? delegate.value.participation : undefined;
  return (
    <section aria-labelledby="delegate-summary">
      <h2 id="delegate-summary" className="sr-only">
        Summary
      </h2>
      <Card>
        <CardContent>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-5 sm:grid-cols-4">
            <Figure label="Voting power" hint={live.ok ? "Live, from getVotes" : "As indexed"}>
              {votingPower === undefined ? "—" : amount(votingPower)}
            </Figure>
            <Figure
              label={
                <>
                  Share of supply
                  <InfoTip id="delegate-share-tip" label="How the share is computed">
                    Voting power divided by the token’s total supply, <code>totalSupply()</code>, read live from the
                    chain.
                  </InfoTip>
                </>
              }
            >
              {votingPower !== undefined && liveFigures?.totalSupply !== undefined
                ? formatShare(votingPower, liveFigures.totalSupply)
                : "—"}
            </Figure>
            <Figure label="Delegators">
              {delegate.ok ? delegate.value.delegatorsCount.toLocaleString("en-US") : "—"}
            </Figure>
            <Figure label="Votes cast">{delegate.ok ? delegate.value.votesCount.toLocaleString("en-US") : "—"}</Figure>
            <Figure
              label={
                <>
                  Participation
                  <InfoTip id="delegate-participation-tip" label="How participation is computed">
                    Of the proposals whose voting has closed (canceled ones aside) and at whose snapshot this address
                    had voting power above zero, the share it voted on.
                  </InfoTip>
                </>
              }
              hint={
                participation && participation.eligible > 0
                  ? `${participation.voted} of ${participation.eligible} proposals`
                  : undefined
              }
            >
              {participation && participation.eligible > 0
                ? formatShare(BigInt(participation.voted), BigInt(participation.eligible), 0)
                : "—"}
            </Figure>
            <Figure label="Last vote">
              {participation?.lastVoteTimestamp
                ? lastVoteFormat.format(new Date(participation.lastVoteTimestamp * 1000))
                : participation
                  ? "Never"
                  : "—"}
            </Figure>
            <Figure
              label="Missed in a row"
              hint={participation?.missedStreak === undefined ? undefined : "Latest proposals they could vote on"}
            >
              {participation?.missedStreak === undefined ? "—" : participation.missedStreak.toLocaleString("en-US")}
            </Figure>
            <Figure label="Token balance" hint={live.ok ? "Live" : undefined}>
              {liveFigures?.balance === undefined ? "—" : amount(liveFigures.balance)}
            </Figure>
            <Figure label="Delegates to">
              {liveFigures?.delegate === undefined ? (
                "—"
              ) : liveFigures.delegate === null ? (
                <span className="font-normal text-muted-foreground">Nobody yet</span>
              ) : liveFigures.delegate.toLowerCase() === address.toLowerCase() ? (
                "Itself"
              ) : (
                <Link href={`/${slug}/delegates/${liveFigures.delegate}`} className="text-accent underline">
                  <AccountName address={liveFigures.delegate} className="font-mono" />
                </Link>
              )}
            </Figure>
          </dl>
        </CardContent>
      </Card>
    </section>
  );
}
