/**
 * A delegate's page: current voting power read live from the token, its share of supply, voting
 * power over time, delegators and every vote with its reason (from the indexer). Each source can
 * fail on its own; the page says which and shows the rest. "Delegate to <name>" moves the
 * connected account's votes here (a wallet island: its code loads with the wallet stack).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { type Address, getAddress } from "viem";
import { AccountPicture } from "@/components/address/AccountName";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { DelegateToFallback } from "@/components/delegation/fallbacks";
import { DelegateToIsland } from "@/components/delegation/islands";
import { Card, CardContent } from "@/components/ui/card";
import { IndexerAlert } from "@/components/ui/IndexerAlert";
import { RevealedText } from "@/components/ui/RevealedText";
import { describeChainProblem } from "@/lib/chain/chainErrors";
import { daoExplorerUrl } from "@/lib/chain/daoChain";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { shortAddress } from "@/lib/format/shortAddress";
import { writeDaoOf } from "@/lib/governor/writeDao";
import { revealInvisible } from "@/lib/markdown/invisibleCharacters";
import { pageParam, type SearchParams } from "@/lib/routing/searchParams";
import { loadDao } from "@/lib/server/loadDao";
import { requestAccount } from "@/lib/wagmi/requestAccount";
import { DelegateStatement } from "./_components/DelegateStatement";
import { DelegateSummary } from "./_components/DelegateSummary";
import { DelegateVotes } from "./_components/DelegateVotes";
import { DelegatorsTable } from "./_components/DelegatorsTable";
import { loadDelegate, PAGE_SIZE } from "./_components/loadDelegate";
import { VotingPowerChart } from "./_components/VotingPowerChart";

type Props = { params: Promise<{ dao: string; address: string }>; searchParams: Promise<SearchParams> };

function parseAddress(raw: string): Address | undefined {
  return /^0x[0-9a-fA-F]{40}$/.test(raw) ? getAddress(raw.toLowerCase()) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const address = parseAddress((await params).address);
  return address ? { title: `Delegate ${shortAddress(address)}` } : {};
}

export default async function DelegatePage({ params, searchParams }: Props) {
  const [{ dao: slug, address: rawAddress }, query] = await Promise.all([params, searchParams]);
  const address = parseAddress(rawAddress);
  if (!address) notFound();
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return null;
  const { config } = loaded;
  const votesPage = pageParam(query.votesPage);
  const delegatorsPage = pageParam(query.delegatorsPage);
  const keep = {
    votesPage: votesPage > 1 ? String(votesPage) : undefined,
    delegatorsPage: delegatorsPage > 1 ? String(delegatorsPage) : undefined,
  };

  const { delegate, history, delegators, votes, live, statement, names, avatars } = await loadDelegate(
    loaded,
    address,
    {
      votesPage,
      delegatorsPage,
    },
  );

  const token = loaded.status === "ready" ? loaded.dao : null;
  const decimals = token?.tokenDecimals ?? 18;
  const symbol = token?.tokenSymbol ?? "";

  const name = names.get(address.toLowerCase());
  const indexerError = [delegate, history, delegators, votes].find((result) => !result.ok);
  const liveFigures = live.ok ? live.value : undefined;
  const explorer = explorerUrl(daoExplorerUrl(config), { address });
  const now = Math.floor(Date.now() / 1000);
  const connected = (await requestAccount()) !== null;
  // The name is a config label or an ENS name: untrusted, with hidden characters revealed.
  const targetName = name ? revealInvisible(name) : undefined;

  return (
    <div className="flex flex-col gap-8">
      <Link href={`/${slug}/delegates`} className="text-muted-foreground text-sm hover:text-foreground">
        ← All delegates
      </Link>
      <header className="flex flex-col gap-1">
        <h1 className="flex items-center gap-2 break-words font-semibold text-2xl tracking-tight">
          <AccountPicture address={address} avatar={avatars.get(address.toLowerCase())} className="size-8" />
          {name ? <RevealedText text={name} /> : <span className="font-mono">{shortAddress(address)}</span>}
        </h1>
        <p className="break-all font-mono text-muted-foreground text-sm">
          {address}
          {explorer ? (
            <>
              {" "}
              <a href={explorer} rel="noopener noreferrer" target="_blank" className="font-sans text-accent underline">
                Explorer<span className="sr-only"> (opens in a new tab)</span>
              </a>
            </>
          ) : null}
        </p>
      </header>

      {indexerError && !indexerError.ok ? (
        <IndexerAlert
          error={indexerError.error}
          what="Part of this delegate’s history"
          stillWorks={live.ok ? "Current voting power and balance are read from the chain." : undefined}
        />
      ) : null}
      {!live.ok ? (
        <ChainProblemAlert problem={describeChainProblem(live.error)}>
          Voting power is shown as the indexer last saw it, and the balance and share are unknown.
        </ChainProblemAlert>
      ) : null}

      <DelegateSummary
        slug={slug}
        address={address}
        delegate={delegate}
        live={live}
        decimals={decimals}
        symbol={symbol}
      />

      <DelegateStatement slug={slug} statement={statement} />

      {loaded.status === "ready" ? (
        <section aria-labelledby="delegate-write" className="flex flex-col gap-3">
          <h2 id="delegate-write" className="font-semibold text-lg">
            Delegate your votes
          </h2>
          <Card>
            <CardContent className="flex flex-col gap-3">
              <p className="text-muted-foreground text-sm">
                All the votes your {loaded.dao.tokenSymbol} carry will count for {targetName ?? shortAddress(address)}.
                Your tokens stay in your wallet; you can change your delegate at any time.
              </p>
              <DelegateToIsland
                dao={writeDaoOf(config, loaded.dao)}
                target={address}
                targetName={targetName}
                fallback={
                  <DelegateToFallback
                    label={`Delegate to ${targetName ?? shortAddress(address)}`}
                    target={address}
                    connected={connected}
                  />
                }
              />
            </CardContent>
          </Card>
        </section>
      ) : null}

      <section aria-labelledby="voting-power-history" className="flex flex-col gap-3">
        <h2 id="voting-power-history" className="font-semibold text-lg">
          Voting power over time
        </h2>
        {history.ok ? (
          <Card>
            <CardContent>
              <VotingPowerChart
                changes={history.value.items}
                total={history.value.total}
                current={liveFigures?.votes}
                now={now}
                decimals={decimals}
                symbol={symbol}
              />
            </CardContent>
          </Card>
        ) : (
          <p className="text-muted-foreground text-sm">The history is unavailable while the indexer is unreachable.</p>
        )}
      </section>

      <section aria-labelledby="delegators" className="flex scroll-mt-4 flex-col gap-3">
        <h2 id="delegators" className="font-semibold text-lg">
          Delegators
          {delegators.ok ? (
            <>
              {" "}
              <span className="ml-1 font-normal text-muted-foreground text-sm">
                {delegators.value.total.toLocaleString("en-US")}
              </span>
            </>
          ) : null}
        </h2>
        {delegators.ok ? (
          <DelegatorsTable
            slug={slug}
            delegate={address}
            delegators={delegators.value}
            page={delegatorsPage}
            pageSize={PAGE_SIZE}
            decimals={decimals}
            symbol={symbol}
            names={names}
            avatars={avatars}
            keep={keep}
          />
        ) : (
          <p className="text-muted-foreground text-sm">Delegators are unavailable while the indexer is unreachable.</p>
        )}
      </section>

      <section aria-labelledby="votes" className="flex scroll-mt-4 flex-col gap-3">
        <h2 id="votes" className="font-semibold text-lg">
          Votes
          {votes.ok ? (
            <>
              {" "}
              <span className="ml-1 font-normal text-muted-foreground text-sm">
                {votes.value.total.toLocaleString("en-US")}
              </span>
            </>
          ) : null}
        </h2>
        {votes.ok ? (
          <DelegateVotes
            slug={slug}
            votes={votes.value}
            page={votesPage}
            pageSize={PAGE_SIZE}
            decimals={decimals}
            symbol={symbol}
            keep={keep}
          />
        ) : (
          <p className="text-muted-foreground text-sm">Votes are unavailable while the indexer is unreachable.</p>
        )}
        {votes.ok && votes.value.total > 0 ? (
          <a
            href={`/${encodeURIComponent(slug)}/delegates/${address}/votes.csv`}
            download
            className="self-start text-accent text-sm underline"
          >
            Download every vote (CSV)
          </a>
        ) : null}
      </section>
    </div>
  );
}
