/**
 * Governance health of a DAO: participation (turnout per proposal, unique voters, how much power
 * is delegated and how much of it never votes) and concentration of voting power (Nakamoto
 * coefficients, Gini, top-10 share, whether the largest delegates can pass a proposal alone), now
 * and at each proposal's snapshot. From the indexer (lib/indexer, indexer/src/api/analytics.ts),
 * with the quorums read from the chain; charts are server-rendered SVG, each with a summary, a
 * table and a CSV download.
 *
 * Just over 300 lines: AnalyticsBody lays out the sections in reading order; charts, definitions
 * and small parts are in ./_components.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { IndexerAlert } from "@/components/ui/IndexerAlert";
import { PageLinks } from "@/components/ui/PageLinks";
import { concentrationRows, participationRows, quorumNakamoto } from "@/lib/analytics/analyticsRows";
import { canPassAlone, shareOf } from "@/lib/analytics/topShare";
import { describeChainProblem } from "@/lib/chain/chainErrors";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { pageParam, type SearchParams } from "@/lib/routing/searchParams";
import { type LoadedAnalytics, loadAnalytics } from "@/lib/server/loadAnalytics";
import { loadDao, problemOf } from "@/lib/server/loadDao";
import { settle } from "@/lib/server/settle";
import { GiniChart, NakamotoChart, TurnoutChart, VotersChart } from "./_components/AnalyticsCharts";
import { EmptyNote, Figure, ProposalLink } from "./_components/AnalyticsParts";
import { nakamotoText } from "./_components/analyticsFormat";
import { DataTable } from "./_components/DataTable";
import { Definitions } from "./_components/Definitions";

type Props = { params: Promise<{ dao: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Analytics" };

/** Proposals per page of the over-time charts. */
const PAGE_SIZE = 50;
const topKs = [1, 3, 5, 10] as const;

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const date = (seconds: number) => dateFormat.format(new Date(seconds * 1000));
/** A share in [0, 1] as a percentage with one decimal; "—" when unknown. */
const percent = (share: number | undefined) => (share === undefined ? "—" : `${(share * 100).toFixed(1)}%`);

export default async function AnalyticsPage({ params, searchParams }: Props) {
  const [{ dao: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return null;
  const page = pageParam(query.page);
  const decimals = loaded.status === "ready" ? loaded.dao.tokenDecimals : 18;
  const symbol = loaded.status === "ready" ? loaded.dao.tokenSymbol : "";
  const amount = (value: bigint) => `${formatTokenAmount(value, decimals)} ${symbol}`.trim();

  const result = await settle(
    loadAnalytics(loaded, slug, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    `reading the analytics of "${slug}"`,
  );

  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="font-semibold text-2xl tracking-tight">Analytics</h1>
        <p className="mt-1 text-muted-foreground text-sm">
          How many take part, and how concentrated the power to decide is: now, and at the snapshot of each proposal.
        </p>
      </div>
      {!result.ok ? (
        <IndexerAlert error={result.error} what="The analytics" />
      ) : (
        <AnalyticsBody slug={slug} page={page} data={result.value} amount={amount} loaded={loaded} />
      )}
      <Definitions />
    </div>
  );
}

function AnalyticsBody({
  slug,
  page,
  data,
  amount,
  loaded,
}: {
  slug: string;
  page: number;
  data: LoadedAnalytics;
  amount: (value: bigint) => string;
  loaded: Awaited<ReturnType<typeof loadDao>>;
}) {
  const { analytics, quorums } = data;
  const now = analytics.now;
  const quorumMap = quorums.ok ? quorums.value : new Map<bigint, bigint | undefined>();
  const nowQuorum = quorumMap.get(data.nowTimepoint);
  const participation = participationRows(analytics.proposals.items);
  const concentration = concentrationRows(analytics.proposals.items, quorumMap);
  const pageCount = Math.max(1, Math.ceil(analytics.proposals.total / PAGE_SIZE));
  const totalPower = BigInt(now.totalVotingPower);
  const supply = now.totalSupply === null ? undefined : BigInt(now.totalSupply);
  const topPowers = now.topPowers.map(BigInt);
  const nowQuorumNakamoto = quorumNakamoto(now, nowQuorum);
  const csv = (table: string) => `/${encodeURIComponent(slug)}/analytics/${table}.csv`;
  const chainProblem = !quorums.ok
    ? loaded.status === "chainUnreachable"
      ? problemOf(loaded)
      : describeChainProblem(quorums.error)
    : undefined;

  return (
    <>
      {chainProblem ? (
        <ChainProblemAlert problem={chainProblem}>
          The quorum is read from the governor, so the figures measured against it (the quorum Nakamoto coefficient and
          whether the largest delegates can pass a proposal alone) are left out. Everything else comes from the indexer.
        </ChainProblemAlert>
      ) : null}

      <section aria-labelledby="participation" className="flex flex-col gap-6">
        <h2 id="participation" className="font-semibold text-xl">
          Participation
        </h2>
        <dl className="grid gap-3 sm:grid-cols-3">
          <Figure
            label="Supply delegated"
            value={percent(supply === undefined ? undefined : shareOf(totalPower, supply))}
            detail={`${amount(totalPower)} of voting power${supply === undefined ? "" : ` of ${amount(supply)} supply`}; undelegated tokens cannot vote.`}
          />
          <Figure
            label="Power that never voted"
            value={percent(shareOf(BigInt(now.neverVotedPower), totalPower))}
            detail={`${now.neverVotedDelegates.toLocaleString("en-US")} of ${now.delegates.toLocaleString("en-US")} delegates with voting power have never voted on this governor.`}
          />
          <Figure
            label="Proposals"
            value={analytics.proposals.total.toLocaleString("en-US")}
            detail="indexed on this governor."
          />
        </dl>
        {participation.length === 0 ? (
          <EmptyNote>No proposal yet: turnout appears here once the first one is created.</EmptyNote>
        ) : (
          <>
            <TurnoutChart rows={participation} />
            <VotersChart rows={participation} />
            <DataTable
              caption="Participation per proposal, oldest first"
              columns={[
                { label: "Proposal" },
                { label: "Created (UTC)" },
                { label: "Snapshot", numeric: true },
                { label: "Votes cast", numeric: true },
                { label: "Of voting power", numeric: true },
                { label: "Of supply", numeric: true },
                { label: "Voters", numeric: true },
              ]}
              rows={participation.map((row) => ({
                key: row.id,
                cells: [
                  <ProposalLink key="p" slug={slug} id={row.id} title={row.title} />,
                  date(row.createdTimestamp),
                  row.snapshot,
                  amount(row.cast),
                  percent(row.ofVotingPower),
                  percent(row.ofSupply),
                  row.voters.toLocaleString("en-US"),
                ],
              }))}
              csvHref={csv("participation")}
              csvLabel="Download participation per proposal (CSV, every proposal)"
            />
          </>
        )}
      </section>

      <section aria-labelledby="concentration" className="flex flex-col gap-6">
        <h2 id="concentration" className="font-semibold text-xl">
          Concentration of voting power
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Figure
            label="Nakamoto (quorum)"
            value={nakamotoText(nowQuorumNakamoto)}
            detail={
              nowQuorum === undefined
                ? "The quorum could not be read."
                : `delegates together reach the quorum of ${amount(nowQuorum)}.`
            }
          />
          <Figure
            label="Nakamoto (majority)"
            value={now.majorityNakamoto === null ? "—" : now.majorityNakamoto.toLocaleString("en-US")}
            detail="delegates together hold more than half of all voting power."
          />
          <Figure label="Gini" value={now.gini.toFixed(2)} detail="0: equal power, 1: one delegate holds it all." />
          <Figure
            label="Top-10 share"
            value={percent(shareOf(BigInt(now.top10Power), totalPower))}
            detail={`of the voting power of ${now.delegates.toLocaleString("en-US")} delegates.`}
          />
        </dl>
        <div className="overflow-x-auto">
          <table className="w-full max-w-xl text-left text-sm">
            <caption className="mb-2 text-left font-medium">
              Can the largest delegates pass a proposal alone, now?
            </caption>
            <thead className="border-border border-b text-muted-foreground text-xs">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Delegates
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  Their voting power
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  Share
                </th>
                <th scope="col" className="py-2 font-medium">
                  Reach the quorum alone?
                </th>
              </tr>
            </thead>
            <tbody>
              {topKs.map((k) => {
                const power = topPowers.slice(0, k).reduce((sum, value) => sum + value, 0n);
                const alone = canPassAlone(topPowers, k, nowQuorum);
                return (
                  <tr key={k} className="border-border border-b last:border-0">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      Top {k}
                    </th>
                    <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{amount(power)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{percent(shareOf(power, totalPower))}</td>
                    <td className="py-2">{alone === undefined ? "Unknown" : alone ? "Yes" : "No"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {concentration.length === 0 ? (
          <EmptyNote>
            No proposal yet: concentration at each snapshot appears here once the first one is created.
          </EmptyNote>
        ) : (
          <>
            <NakamotoChart rows={concentration} />
            <GiniChart rows={concentration} />
            <DataTable
              caption="Concentration at each proposal's snapshot, oldest first"
              columns={[
                { label: "Proposal" },
                { label: "Snapshot", numeric: true },
                { label: "Delegates", numeric: true },
                { label: "Gini", numeric: true },
                { label: "Top-10 share", numeric: true },
                { label: "Quorum", numeric: true },
                { label: "Nakamoto (quorum)", numeric: true },
                { label: "Nakamoto (majority)", numeric: true },
              ]}
              rows={concentration.map((row) => ({
                key: row.id,
                cells: [
                  <ProposalLink key="p" slug={slug} id={row.id} title={row.title} />,
                  row.snapshot,
                  row.delegates?.toLocaleString("en-US") ?? "—",
                  row.gini?.toFixed(2) ?? "—",
                  percent(row.top10Share),
                  row.quorum === undefined ? "—" : amount(row.quorum),
                  nakamotoText(row.quorumNakamoto),
                  nakamotoText(row.majorityNakamoto),
                ],
              }))}
              csvHref={csv("concentration")}
              csvLabel="Download concentration per proposal (CSV, every proposal)"
            />
          </>
        )}
        <PageLinks
          label="Analytics pages"
          param="page"
          page={page}
          pageCount={pageCount}
          previousText="← Newer proposals"
          nextText="Older proposals →"
          hash="participation"
        />
      </section>

      <section aria-labelledby="accountability" className="flex flex-col gap-2">
        <h2 id="accountability" className="font-semibold text-xl">
          Delegate accountability
        </h2>
        <p className="text-muted-foreground text-sm">
          Each delegate’s votes out of the proposals they could vote on, their last vote and how many proposals in a row
          they have missed are in the{" "}
          <Link href={`/${encodeURIComponent(slug)}/delegates`} className="text-accent underline">
            delegates directory
          </Link>{" "}
          and on each delegate’s page. Your own delegate’s record is in{" "}
          <Link href={`/${encodeURIComponent(slug)}/account`} className="text-accent underline">
            your account
          </Link>
          .
        </p>
      </section>
    </>
  );
}
