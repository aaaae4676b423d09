/**
 * One page of the delegates directory: delegates by voting power from the indexer, each with its
 * share of the token's total supply (read live), delegators and participation. A search is an
 * address prefix, or an ENS name (resolved on Ethereum when the DAO has ENS: lib/server/ens). The indexer or the
 * chain being down is said in the page. Each row has a "Delegate" button; they share one dialog
 * whose wallet code loads only when it first opens.
 */
import Link from "next/link";
import type { Address } from "viem";
import { AccountName } from "@/components/address/AccountName";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { buttonClass } from "@/components/ui/button";
import { IndexerAlert } from "@/components/ui/IndexerAlert";
import { InfoTip } from "@/components/ui/InfoTip";
import { PageLinks } from "@/components/ui/PageLinks";
import { RevealedText } from "@/components/ui/RevealedText";
import { formatShare } from "@/lib/format/formatShare";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { labelMap } from "@/lib/format/labelMap";
import { shortAddress } from "@/lib/format/shortAddress";
import { writeDaoOf } from "@/lib/governor/writeDao";
import type { IndexedDelegate, Page } from "@/lib/indexer/types";
import { ensProfilesFor } from "@/lib/server/ens";
import { getIndexer } from "@/lib/server/indexer";
import { readStatementSummaries } from "@/lib/server/statements";
import { DelegateDialog, DelegateRowButton } from "./DelegateDialog";
import { readSearch, totalSupplyOf, type UsableDao } from "./directoryReads";

export const DELEGATES_PAGE_SIZE = 20;

function EmptyState({ title, detail, reset }: { title: string; detail: string; reset: boolean }) {
  return (
    <div className="rounded-xl border border-border border-dashed px-6 py-14 text-center">
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-muted-foreground text-sm">{detail}</p>
      {reset ? (
        <Link href="?" className={buttonClass({ variant: "secondary", size: "sm", className: "mt-4" })}>
          Show all delegates
        </Link>
      ) : null}
    </div>
  );
}

function Participation({ delegate }: { delegate: IndexedDelegate }) {
  const figures = delegate.participation;
  if (!figures) return <span className="text-muted-foreground">—</span>;
  if (figures.eligible === 0) {
    return (
      <span className="text-muted-foreground" title="No closed proposal had its snapshot while they held voting power">
        —<span className="sr-only"> (no eligible proposals)</span>
      </span>
    );
  }
  return (
    <span className="flex flex-col items-end leading-tight">
      <span className="font-medium">{formatShare(BigInt(figures.voted), BigInt(figures.eligible), 0)}</span>
      <span className="text-muted-foreground text-xs">
        {figures.voted} of {figures.eligible}
      </span>
      <span className="text-muted-foreground text-xs">
        {figures.lastVoteTimestamp ? `last ${shortDate(figures.lastVoteTimestamp)}` : "never voted"}
      </span>
      {figures.missedStreak ? <span className="font-medium text-xs">missed last {figures.missedStreak}</span> : null}
    </span>
  );
}

const shortDateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const shortDate = (seconds: number) => shortDateFormat.format(new Date(seconds * 1000));

const th = "px-2 py-2.5 font-medium text-muted-foreground text-xs uppercase sm:px-3 sm:tracking-wide";
const td = "px-2 py-3 sm:px-3";
/** Columns folded into their neighbours' second line on a phone. */
const wide = "hidden sm:table-cell";

/** @example <DelegateDirectory loaded={loaded} page={1} q="" /> */
export async function DelegateDirectory({ loaded, page, q }: { loaded: UsableDao; page: number; q: string }) {
  const { slug } = loaded.config;
  const search = await readSearch(loaded, q);
  if (search.kind === "noMatch") {
    return <EmptyState title={`No delegate matches “${q}”`} detail={search.detail} reset />;
  }
  const indexerQuery = search.kind === "prefix" ? search.prefix : search.kind === "ens" ? search.address : undefined;

  let result: Page<IndexedDelegate>;
  let supplyRead: Awaited<ReturnType<typeof totalSupplyOf>>;
  try {
    [result, supplyRead] = await Promise.all([
      getIndexer().listDelegates(slug, {
        limit: DELEGATES_PAGE_SIZE,
        offset: (page - 1) * DELEGATES_PAGE_SIZE,
        q: indexerQuery,
      }),
      totalSupplyOf(loaded),
    ]);
  } catch (error) {
    console.error(`[commons] listing delegates of "${slug}" failed:`, error);
    const fullAddress = indexerQuery && /^0x[0-9a-fA-F]{40}$/.test(indexerQuery) ? indexerQuery : undefined;
    return (
      <div className="flex flex-col gap-4">
        <IndexerAlert
          error={error}
          what="The delegate list"
          stillWorks="A delegate’s current voting power is still read from the chain on their page."
        />
        {fullAddress ? (
          <Link href={`/${slug}/delegates/${fullAddress}`} className="font-medium text-accent text-sm underline">
            Open {shortAddress(fullAddress)}’s page
          </Link>
        ) : (
          <p className="text-muted-foreground text-sm">Search for a full address to open its page.</p>
        )}
      </div>
    );
  }

  const pageCount = Math.max(1, Math.ceil(result.total / DELEGATES_PAGE_SIZE));
  if (result.items.length === 0) {
    if (q) {
      const detail =
        search.kind === "ens"
          ? `${q} resolves to ${shortAddress(search.address)}, which has no voting power and no delegators.`
          : "No delegate’s address starts with that.";
      return <EmptyState title={`No delegate matches “${q}”`} detail={detail} reset />;
    }
    if (page > 1) {
      return <EmptyState title="No delegates on this page" detail={`There are ${pageCount} pages.`} reset />;
    }
    return (
      <EmptyState
        title="No delegates yet"
        detail="Holders appear here once they delegate their voting power (to themselves or someone else)."
        reset={false}
      />
    );
  }

  const totalSupply = "supply" in supplyRead ? supplyRead.supply : undefined;
  const token = loaded.status === "ready" ? loaded.dao : null;
  const symbol = token?.tokenSymbol ?? "";
  const decimals = token?.tokenDecimals ?? 18;
  const labels = labelMap(loaded.config.labels);
  const [profiles, summaries] = await Promise.all([
    ensProfilesFor(
      loaded.config,
      result.items.map((item) => item.address as Address),
    ),
    readStatementSummaries(
      slug,
      result.items.map((item) => item.address),
    ),
  ]);
  const offset = (page - 1) * DELEGATES_PAGE_SIZE;
  // Writes need the token read from the chain; without it the directory stays read-only.
  const writeDao = loaded.status === "ready" ? writeDaoOf(loaded.config, loaded.dao) : null;

  return (
    <div className="flex flex-col gap-4">
      {"problem" in supplyRead ? (
        <ChainProblemAlert problem={supplyRead.problem}>
          The token’s total supply (the base of each share) is unknown, so shares of supply are not shown. Voting power
          comes from the indexer and is up to date
          {loaded.status === "ready" ? "." : "; without the chain, amounts assume the usual 18 decimals."}
        </ChainProblemAlert>
      ) : null}
      <div className="overflow-x-auto rounded-xl border border-border bg-card shadow-xs">
        <table className="w-full text-sm">
          <caption className="sr-only">Delegates, by voting power</caption>
          <thead className="border-border border-b text-left">
            <tr>
              <th scope="col" className={th}>
                Delegate
              </th>
              <th scope="col" className={`${th} text-right`}>
                Voting power{symbol ? <span className="sm:hidden"> ({symbol})</span> : null}
              </th>
              <th scope="col" className={`${th} ${wide} text-right`}>
                <span className="inline-flex items-center gap-1">
                  Share
                  <InfoTip id="share-tip" label="How the share is computed" align="end">
                    Voting power divided by the token’s total supply, <code>totalSupply()</code>, read live from the
                    chain: the same supply the quorum is a fraction of. Tokens never delegated carry no votes, so the
                    shares add up to less than 100%.
                  </InfoTip>
                </span>
              </th>
              <th scope="col" className={`${th} ${wide} text-right`}>
                Delegators
              </th>
              <th scope="col" className={`${th} text-right`}>
                <span className="inline-flex items-center gap-1">
                  Participation
                  {/* On a phone the definition below the table explains it: the column stays narrow. */}
                  <span className="hidden sm:inline-flex">
                    <InfoTip id="participation-tip" label="How participation is computed" align="end">
                      Of the proposals whose voting has closed (canceled ones aside) and at whose snapshot the delegate
                      had voting power, the share they voted on. Open proposals count once they close.
                    </InfoTip>
                  </span>
                </span>
              </th>
              {writeDao ? (
                <th scope="col" className={`${th} ${wide} w-0`}>
                  <span className="sr-only">Delegate your votes</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {result.items.map((delegate, index) => {
              const profile = profiles.get(delegate.address.toLowerCase());
              const name = labels.get(delegate.address.toLowerCase()) ?? profile?.name;
              const votingPower = BigInt(delegate.votingPower);
              return (
                <tr key={delegate.address} className="border-border border-b last:border-b-0">
                  <td className={td}>
                    <span className="flex items-center gap-2">
                      <span className="hidden w-6 shrink-0 text-muted-foreground text-xs tabular-nums sm:inline">
                        {offset + index + 1}
                      </span>
                      <Link
                        href={`/${slug}/delegates/${delegate.address}`}
                        className="min-w-0 font-medium hover:underline"
                      >
                        <AccountName address={delegate.address} name={name} avatar={profile?.avatar} />
                      </Link>
                    </span>
                    {summaries.get(delegate.address.toLowerCase()) ? (
                      <span className="mt-0.5 line-clamp-2 block max-w-md text-muted-foreground text-xs sm:pl-8">
                        <RevealedText text={summaries.get(delegate.address.toLowerCase()) ?? ""} />
                      </span>
                    ) : null}
                    <span className="block text-muted-foreground text-xs sm:hidden">
                      {delegate.delegatorsCount.toLocaleString("en-US")}{" "}
                      {delegate.delegatorsCount === 1 ? "delegator" : "delegators"}
                    </span>
                    {writeDao ? (
                      // On a phone the button folds under the name; wider screens give it a column.
                      <span className="mt-1.5 block sm:hidden">
                        <DelegateRowButton address={delegate.address as Address} name={name} />
                      </span>
                    ) : null}
                  </td>
                  <td className={`${td} whitespace-nowrap text-right tabular-nums`}>
                    {formatTokenAmount(votingPower, decimals)}
                    {symbol ? <span className="hidden text-muted-foreground sm:inline"> {symbol}</span> : null}
                    {totalSupply === undefined ? null : (
                      <span className="block text-muted-foreground text-xs sm:hidden">
                        {formatShare(votingPower, totalSupply)} of supply
                      </span>
                    )}
                  </td>
                  <td className={`${td} ${wide} whitespace-nowrap text-right tabular-nums`}>
                    {totalSupply === undefined ? "—" : formatShare(votingPower, totalSupply)}
                  </td>
                  <td className={`${td} ${wide} text-right tabular-nums`}>
                    {delegate.delegatorsCount.toLocaleString("en-US")}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>
                    <Participation delegate={delegate} />
                  </td>
                  {writeDao ? (
                    <td className={`${td} ${wide} text-right`}>
                      <DelegateRowButton address={delegate.address as Address} name={name} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <PageLinks label="Delegates pages" param="page" page={page} pageCount={pageCount} keep={{ q }} />
      <a
        href={`/${encodeURIComponent(slug)}/delegates/delegates.csv`}
        download
        className="self-start text-accent text-sm underline"
      >
        Download every delegate (CSV)
      </a>
      {writeDao ? <DelegateDialog dao={writeDao} /> : null}
    </div>
  );
}
