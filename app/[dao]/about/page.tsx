/**
 * The DAO overview: the parameters a voter needs, in human units — voting delay and period,
 * proposal threshold, quorum, timelock delay, token supply — read from the governor, token and
 * timelock in one multicall; which Governor it is (family, clock, counting, late-quorum
 * protection, timelock and token kinds, as detection found them); and the contracts' addresses.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Identicon } from "@/components/address/Identicon";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { InfoTip } from "@/components/ui/InfoTip";
import { RevealedText } from "@/components/ui/RevealedText";
import { describeChainProblem } from "@/lib/chain/chainErrors";
import { type ClockContext, readClockContext } from "@/lib/chain/clock";
import { daoExplorerUrl } from "@/lib/chain/daoChain";
import { getPublicClient } from "@/lib/chain/publicClient";
import { type DaoParameters, readDaoParameters } from "@/lib/chain/readDaoParameters";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { formatDate } from "@/lib/format/formatDate";
import { formatDuration } from "@/lib/format/formatDuration";
import { formatShare } from "@/lib/format/formatShare";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { describeFlavour } from "@/lib/governor/describeFlavour";
import { adapterOf } from "@/lib/governor/writeDao";
import { loadDao, problemOf } from "@/lib/server/loadDao";
import { settle } from "@/lib/server/settle";

type Props = { params: Promise<{ dao: string }> };

export const metadata: Metadata = { title: "About" };

function Row({ term, children, detail }: { term: ReactNode; children: ReactNode; detail?: ReactNode }) {
  return (
    <div className="grid gap-1 border-border border-b py-3 last:border-0 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="flex items-center gap-1 text-muted-foreground text-sm">{term}</dt>
      <dd className="min-w-0 text-sm">
        <span className="font-medium">{children}</span>
        {detail ? <span className="mt-0.5 block text-muted-foreground text-xs">{detail}</span> : null}
      </dd>
    </div>
  );
}

function AddressRow({
  term,
  address,
  explorer,
}: {
  term: string;
  address: string | null;
  explorer: string | undefined;
}) {
  const link = address ? explorerUrl(explorer, { address }) : undefined;
  return (
    <Row term={term}>
      {address === null ? (
        <span className="font-normal text-muted-foreground">None (the governor executes proposals itself)</span>
      ) : (
        <span className="flex items-center gap-2">
          <Identicon address={address} />
          {link ? (
            <a
              href={link}
              rel="noopener noreferrer"
              target="_blank"
              className="break-all font-mono font-normal underline"
            >
              {address}
              <span className="sr-only"> (opens the block explorer in a new tab)</span>
            </a>
          ) : (
            <span className="break-all font-mono font-normal">{address}</span>
          )}
        </span>
      )}
    </Row>
  );
}

/** A duration in clock units as a person reads it: blocks with an estimate, or seconds. */
function clockDuration(value: bigint | undefined, clock: ClockContext): { main: string; detail?: string } {
  if (value === undefined) return { main: "—" };
  if (clock.mode === "timestamp")
    return { main: formatDuration(value), detail: `${value.toLocaleString("en-US")} seconds` };
  const blocks = `${value.toLocaleString("en-US")} ${value === 1n ? "block" : "blocks"}`;
  return { main: blocks, detail: `≈ ${formatDuration(Number(value) * clock.secondsPerBlock)}` };
}

export default async function AboutPage({ params }: Props) {
  const { dao: slug } = await params;
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return null;
  const { config } = loaded;

  let read: { clock: ClockContext; parameters: DaoParameters } | undefined;
  let problem = loaded.status === "ready" ? null : problemOf(loaded);
  if (loaded.status === "ready") {
    const { dao } = loaded;
    const client = getPublicClient(config);
    const settled = await settle(
      readClockContext(client, dao.clockMode).then(async (clock) => ({
        clock,
        parameters: await readDaoParameters(client, adapterOf(dao), clock),
      })),
      `reading the parameters of "${slug}"`,
    );
    if (settled.ok) read = settled.value;
    else problem = describeChainProblem(settled.error);
  }

  const dao = loaded.status === "ready" ? loaded.dao : null;
  const header = (
    <div>
      <h1 className="break-words font-semibold text-2xl tracking-tight">About {config.name}</h1>
      <p className="mt-1 text-muted-foreground text-sm">
        How this DAO decides, as its contracts say right now. Read live from the chain.
      </p>
    </div>
  );
  const explorer = daoExplorerUrl(config);
  const contracts = (
    <Card>
      <CardHeader>
        <CardTitle>Contracts</CardTitle>
      </CardHeader>
      <CardContent className="pt-2">
        <dl>
          <AddressRow term="Governor" address={config.governor} explorer={explorer} />
          <AddressRow term="Voting token" address={dao?.token ?? config.token ?? null} explorer={explorer} />
          <AddressRow term="Timelock" address={dao ? dao.timelock : (config.timelock ?? null)} explorer={explorer} />
        </dl>
      </CardContent>
    </Card>
  );

  if (!dao || !read) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <ChainProblemAlert problem={problem ?? problemOf(loaded)}>
          The DAO’s parameters are read live from the chain, so they cannot be shown right now. Reload the page to try
          again.
        </ChainProblemAlert>
        {contracts}
      </div>
    );
  }

  const { clock, parameters: p } = read;
  const amount = (value: bigint | undefined) =>
    value === undefined ? "—" : `${formatTokenAmount(value, dao.tokenDecimals)} ${dao.tokenSymbol}`;
  const delay = clockDuration(p.votingDelay, clock);
  const period = clockDuration(p.votingPeriod, clock);
  const timepointText =
    clock.mode === "blocknumber"
      ? `block ${p.timepoint.toLocaleString("en-US")}`
      : formatDate(new Date(Number(p.timepoint) * 1000), { time: true });
  const governor = describeFlavour(dao.flavour, {
    secondsPerBlock: clock.mode === "blocknumber" ? clock.secondsPerBlock : undefined,
  });
  const quorumFraction =
    p.quorumNumerator !== undefined && p.quorumDenominator !== undefined && p.quorumDenominator > 0n
      ? formatShare(p.quorumNumerator, p.quorumDenominator)
      : undefined;

  return (
    <div className="flex flex-col gap-6">
      {header}
      <Card>
        <CardHeader>
          <CardTitle>Voting</CardTitle>
        </CardHeader>
        <CardContent className="pt-2">
          <dl>
            <Row term="Voting delay" detail={delay.detail}>
              {delay.main}
            </Row>
            <Row term="Voting period" detail={period.detail}>
              {period.main}
            </Row>
            <Row term="Proposal threshold" detail="Voting power needed to create a proposal">
              {amount(p.proposalThreshold)}
            </Row>
            <Row
              term={
                <>
                  Quorum
                  <InfoTip id="quorum-tip" label="How the quorum is computed">
                    {quorumFraction
                      ? `quorumNumerator() ÷ quorumDenominator() of the token supply at each proposal’s snapshot. The amount shown is quorum(${p.timepoint}), the latest timepoint the governor accepts: clock() − 1.`
                      : "A fixed number of votes (quorumVotes())."}
                  </InfoTip>
                </>
              }
              detail={
                quorumFraction
                  ? `${p.quorumNumerator} / ${p.quorumDenominator} of the supply at the snapshot · currently ${amount(p.quorum)} (at ${timepointText})`
                  : undefined
              }
            >
              {quorumFraction ? `${quorumFraction} of the token supply` : amount(p.quorum)}
            </Row>
          </dl>
        </CardContent>
      </Card>

      <section aria-labelledby="governor-heading">
        <Card>
          <CardHeader>
            <CardTitle id="governor-heading">Governor</CardTitle>
          </CardHeader>
          <CardContent className="pt-2">
            <p className="text-muted-foreground text-sm">What Commons found by asking the contracts.</p>
            <dl>
              {governor.rows.map((row) => (
                <Row key={row.key} term={row.term} detail={row.detail}>
                  {row.value}
                </Row>
              ))}
            </dl>
            {governor.missing.length > 0 ? (
              <Alert tone="warning" title="Missing from this governor">
                <ul className="list-disc pl-5">
                  {governor.missing.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
          </CardContent>
        </Card>
      </section>

      <Card>
        <CardHeader>
          <CardTitle>Execution</CardTitle>
        </CardHeader>
        <CardContent className="pt-2">
          <dl>
            <Row
              term="Timelock delay"
              detail={
                p.timelockDelay === undefined
                  ? undefined
                  : `${p.timelockDelay.toLocaleString("en-US")} seconds between queueing a passed proposal and executing it`
              }
            >
              {dao.timelock === null
                ? "No timelock"
                : p.timelockDelay === undefined
                  ? "—"
                  : formatDuration(p.timelockDelay)}
            </Row>
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Token</CardTitle>
        </CardHeader>
        <CardContent className="pt-2">
          <dl>
            <Row term="Symbol" detail={p.tokenName ? <RevealedText text={p.tokenName} /> : undefined}>
              <RevealedText text={dao.tokenSymbol} />
            </Row>
            <Row term="Decimals">{dao.tokenDecimals}</Row>
            <Row
              term="Total supply"
              detail={p.pastTotalSupply !== undefined ? `${amount(p.pastTotalSupply)} at ${timepointText}` : undefined}
            >
              {amount(p.totalSupply)}
            </Row>
          </dl>
        </CardContent>
      </Card>

      {contracts}

      {clock.mode === "blocknumber" ? (
        <p className="text-muted-foreground text-xs">
          Durations in blocks are estimated from the chain’s observed block time:{" "}
          {clock.sampledBlocks > 0
            ? `${clock.secondsPerBlock.toFixed(1)} s per block over the last ${clock.sampledBlocks} blocks.`
            : `not enough blocks yet, so ${clock.secondsPerBlock} s per block is assumed.`}
        </p>
      ) : null}
    </div>
  );
}
