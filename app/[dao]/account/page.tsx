/**
 * Your account: the connected wallet's balance, current delegate and voting power, read live from
 * the token, with a warning when its tokens are not delegated, and the ways to delegate (to
 * yourself, to any address or, on Ethereum mainnet, an ENS name). A server shell around one wallet
 * island: everything about the account is known only in the browser.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { AccountDelegationFallback } from "@/components/delegation/fallbacks";
import { AccountDelegationIsland } from "@/components/delegation/islands";
import { StatementEditorIsland } from "@/components/statements/islands";
import { StatementEditorFallback } from "@/components/statements/StatementEditorFallback";
import { Card, CardContent } from "@/components/ui/card";
import { writeDaoOf } from "@/lib/governor/writeDao";
import { pageParam, type SearchParams } from "@/lib/routing/searchParams";
import { loadDao } from "@/lib/server/loadDao";
import { requestAccount } from "@/lib/wagmi/requestAccount";
import { DelegateRecord } from "./_components/DelegateRecord";

type Props = { params: Promise<{ dao: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ params, searchParams }: Props) {
  const [{ dao: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  // The layout shows the config error in place of the page.
  if (loaded.status === "misconfigured") return null;
  const account = await requestAccount();
  const connected = account !== null;
  const symbol = loaded.status === "ready" ? loaded.dao.tokenSymbol : "tokens";

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="font-semibold text-2xl tracking-tight">Your account</h1>
        <p className="mt-1 max-w-prose text-muted-foreground text-sm">
          Your {symbol} count in a vote only once they are delegated: to yourself, to vote with them, or to a{" "}
          <Link href={`/${slug}/delegates`} className="text-accent underline">
            delegate
          </Link>{" "}
          who votes for you.
        </p>
      </div>
      {loaded.status === "ready" ? (
        <AccountDelegationIsland
          dao={writeDaoOf(loaded.config, loaded.dao)}
          fallback={<AccountDelegationFallback connected={connected} />}
        />
      ) : (
        <ChainProblemAlert problem={loaded.problem}>
          Your balance, delegate and voting power are read from the chain, so they cannot be shown, and nothing can be
          sent. Try again in a moment.
        </ChainProblemAlert>
      )}
      {account ? (
        <section aria-labelledby="delegate-record" className="flex scroll-mt-4 flex-col gap-3">
          <div>
            <h2 id="delegate-record" className="font-semibold text-lg">
              How your delegate voted
            </h2>
            <p className="mt-1 max-w-prose text-muted-foreground text-sm">
              Every proposal whose snapshot came after you delegated (so your tokens were in your delegate’s weight),
              and whether they voted. For the wallet last connected here,{" "}
              <span className="font-mono">{account.address}</span>.
            </p>
          </div>
          <DelegateRecord slug={slug} account={account.address} page={pageParam(query.record)} />
        </section>
      ) : null}
      <section aria-labelledby="statement-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="statement-heading" className="font-semibold text-lg">
            Your delegate statement
          </h2>
          <p className="mt-1 max-w-prose text-muted-foreground text-sm">
            Tell token holders who you are and how you vote. It shows on your delegate page, and its first line in the
            delegates directory. Every edit is kept.
          </p>
        </div>
        <Card>
          <CardContent className="flex flex-col gap-3">
            <StatementEditorIsland
              dao={{ slug, chainId: loaded.config.chainId }}
              fallback={<StatementEditorFallback connected={connected} />}
            />
          </CardContent>
        </Card>
      </section>
    </div>
  );
}
