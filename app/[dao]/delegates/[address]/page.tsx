/**
 * A delegate's page: current voting power read live from the token, its share of supply, voting
 * power over time, delegators and every vote with its reason (from the indexer). Each source can
 * fail on its own; the page says which and shows the rest. "Delegate to <name>" moves the
 * connected account's votes here (a wallet island: its code loads with the wallet stack).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { type Address, getAddress } from "viem";
import { AccountName, AccountPicture } from "@/components/address/AccountName";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { DelegateToFallback } from "@/components/delegation/fallbacks";
import { DelegateToIsland } from "@/components/delegation/islands";
import { Markdown } from "@/components/markdown/Markdown";
import { Card, CardContent } from "@/components/ui/card";
import { IndexerAlert } from "@/components/ui/IndexerAlert";
import { InfoTip } from "@/components/ui/InfoTip";
import { RevealedText } from "@/components/ui/RevealedText";
import { describeChainProblem } from "@/lib/chain/chainErrors";
import { daoExplorerUrl } from "@/lib/chain/daoChain";
import { getPublicClient } from "@/lib/chain/publicClient";
import { type DelegateOnChain, readDelegateOnChain } from "@/lib/chain/readDelegateOnChain";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { formatShare } from "@/lib/format/formatShare";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { labelMap } from "@/lib/format/labelMap";
import { shortAddress } from "@/lib/format/shortAddress";
import { adapterOf, writeDaoOf } from "@/lib/governor/writeDao";
import { revealInvisible } from "@/lib/markdown/invisibleCharacters";
import { pageParam, type SearchParams } from "@/lib/routing/searchParams";
import { ensProfilesFor } from "@/lib/server/ens";
import { getIndexer } from "@/lib/server/indexer";
import { loadDao, loadedProblem } from "@/lib/server/loadDao";
import { type Settled, settle } from "@/lib/server/settle";
import { readStatement } from "@/lib/server/statements";
import { linkLabel } from "@/lib/statements/statement";
import { requestAccount } from "@/lib/wagmi/requestAccount";
import { DelegateVotes } from "./_components/DelegateVotes";
import { DelegatorsTable } from "./_components/DelegatorsTable";
import { VotingPowerChart } from "./_components/VotingPowerChart";

const lastVoteFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

type Props = { params: Promise<{ dao: string; address: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 20;
/** Voting power changes drawn in the chart (the indexer's maximum page). */
const HISTORY_LIMIT = 1000;

function parseAddress(raw: string): Address | undefined {
  return /^0x[0-9a-fA-F]{40}$/.test(raw) ? getAddress(raw.toLowerCase()) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const address = parseAddress((await params).address);
  return address ? { title: `Delegate ${shortAddress(address)}` } : {};
}

function Figure({ label, children, hint }: { label: ReactNode; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="flex items-center gap-1 text-muted-foreground text-xs uppercase tracking-wide">{label}</dt>
      <dd className="mt-1 break-words font-medium tabular-nums">{children}</dd>
      {hint ? <dd className="text-muted-foreground text-xs">{hint}</dd> : null}
    </div>
  );
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

  const indexer = getIndexer();
  const client = loaded.status === "ready" ? getPublicClient(config) : undefined;
  const [delegate, history, delegators, votes, live, statement] = await Promise.all([
    settle(indexer.getDelegate(slug, address), `reading delegate ${address} of "${slug}"`),
    settle(
      indexer.listVotingPowerChanges(slug, address, { limit: HISTORY_LIMIT }),
      `reading ${address}'s power history`,
    ),
    settle(
      indexer.listDelegators(slug, address, { limit: PAGE_SIZE, offset: (delegatorsPage - 1) * PAGE_SIZE }),
      `listing ${address}'s delegators`,
    ),
    settle(
      indexer.listVoterVotes(slug, address, { limit: PAGE_SIZE, offset: (votesPage - 1) * PAGE_SIZE }),
      `listing ${address}'s votes`,
    ),
    client && loaded.status === "ready"
      ? settle<DelegateOnChain>(
          readDelegateOnChain(client, adapterOf(loaded.dao), address),
          `reading ${address} from the chain`,
        )
      : Promise.resolve<Settled<DelegateOnChain>>({ ok: false, error: loadedProblem(loaded) }),
    readStatement(slug, address),
  ]);

  const token = loaded.status === "ready" ? loaded.dao : null;
  const decimals = token?.tokenDecimals ?? 18;
  const symbol = token?.tokenSymbol ?? "";
  const amount = (value: bigint) => `${formatTokenAmount(value, decimals)}${symbol ? ` ${symbol}` : ""}`;

  const labels = labelMap(config.labels);
  const lookup = [address, ...(delegators.ok ? delegators.value.items.map((row) => row.address as Address) : [])];
  const ens = await ensProfilesFor(config, lookup);
  const names = new Map<string, string>();
  const avatars = new Map<string, string | null>();
  for (const item of lookup) {
    const profile = ens.get(item.toLowerCase());
    const name = labels.get(item.toLowerCase()) ?? profile?.name;
    if (name) names.set(item.toLowerCase(), name);
    if (profile?.avatar) avatars.set(item.toLowerCase(), profile.avatar);
  }
  const name = names.get(address.toLowerCase());
  const indexerError = [delegate, history, delegators, votes].find((result) => !result.ok);
  const liveFigures = live.ok ? live.value : undefined;
  const votingPower = liveFigures?.votes ?? (delegate.ok ? BigInt(delegate.value.votingPower) : undefined);
  const participation = delegate.ok ? delegate.value.participation : undefined;
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
              <Figure label="Votes cast">
                {delegate.ok ? delegate.value.votesCount.toLocaleString("en-US") : "—"}
              </Figure>
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

      <section aria-labelledby="delegate-statement" className="flex flex-col gap-3">
        <h2 id="delegate-statement" className="font-semibold text-lg">
          Statement
        </h2>
        {statement === "unavailable" ? (
          <p className="text-muted-foreground text-sm">The statement cannot be read right now. Try again later.</p>
        ) : statement && (statement.statement.trim() || statement.links.length > 0) ? (
          <Card>
            <CardContent className="flex flex-col gap-4">
              {statement.statement.trim() ? <Markdown>{statement.statement}</Markdown> : null}
              {statement.links.length > 0 ? (
                <ul className="flex flex-col gap-1 text-sm" aria-label="Links">
                  {statement.links.map((link) => (
                    <li key={link}>
                      <a
                        href={link}
                        rel="noopener noreferrer nofollow ugc"
                        target="_blank"
                        className="text-accent underline"
                      >
                        {revealInvisible(linkLabel(link))}
                        <span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="text-muted-foreground text-xs">
                Written by this address, signed in with its wallet. Last edited{" "}
                <time dateTime={statement.updatedAt}>{new Date(statement.updatedAt).toUTCString().slice(5, 16)}</time>
                {statement.version > 1 ? ` (version ${statement.version})` : ""}.
              </p>
            </CardContent>
          </Card>
        ) : (
          <p className="text-muted-foreground text-sm">
            No statement yet. If this is your address, write one on{" "}
            <Link href={`/${slug}/account`} className="text-accent underline">
              your account page
            </Link>
            .
          </p>
        )}
      </section>

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
