/**
 * A proposal: what it says (the description as safe markdown), what it does (decoded actions),
 * whether the page can be trusted (the id recomputed from the content), where the vote stands
 * (live tallies, quorum at the snapshot, your voting power), its timeline and its votes.
 *
 * Live state is read from the chain in one multicall; description, actions, events and votes come
 * from the indexer. Either can be down: the page says which and shows what the other gives. A
 * proposal just created (`?tx=<hash>` from the propose flow) shows at once, read from its
 * transaction's receipt, until the indexer has caught up.
 *
 * Writes live in two wallet islands: the vote panel, and "Next step" (queue, execute, cancel).
 * The simulated execution (what running the actions would do, on a fork of the chain) streams in
 * after the rest of the page.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { type Address, getAddress } from "viem";
import { AddressView } from "@/components/address/AddressView";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { Markdown } from "@/components/markdown/Markdown";
import { CopyButton } from "@/components/proposals/CopyButton";
import { ProposalStateBadge } from "@/components/proposals/ProposalStateBadge";
import { Alert } from "@/components/ui/alert";
import { addressLabels } from "@/lib/actions/addressLabels";
import type { FormatContext } from "@/lib/actions/formatArguments";
import { type ClockContext, clockToDate, isTimestampClock } from "@/lib/chain/clock";
import { chainTableEntry, daoExplorerUrl } from "@/lib/chain/daoChain";
import { countsAbstain } from "@/lib/format/describeGovernorModes";
import { formatDate } from "@/lib/format/formatDate";
import { labelMap } from "@/lib/format/labelMap";
import { shortProposalId } from "@/lib/format/shortProposalId";
import { writeDaoOf } from "@/lib/governor/writeDao";
import { discussionLinkOf } from "@/lib/proposals/builder/description";
import { executedCalldatas } from "@/lib/proposals/builder/signatures";
import { lifecycleActions } from "@/lib/proposals/lifecycleActions";
import { isTransactionHash } from "@/lib/proposals/proposalFromReceipt";
import { isProposalIdParam } from "@/lib/proposals/proposalIdParam";
import { deadlineExtension, proposalTimeline } from "@/lib/proposals/proposalTimeline";
import { proposalSummary } from "@/lib/proposals/proposalTitle";
import { verifyProposalId } from "@/lib/proposals/verifyProposalId";
import { voteAvailability } from "@/lib/proposals/voteAvailability";
import { readVoteQuery } from "@/lib/proposals/voteListQuery";
import { voteResults } from "@/lib/proposals/voteResults";
import { loadProposalExtras } from "@/lib/server/discussionLinks";
import { ensProfilesFor } from "@/lib/server/ens";
import { loadDao } from "@/lib/server/loadDao";
import { requestAccount } from "@/lib/wagmi/requestAccount";
import { ActionsSection } from "./_components/ActionsSection";
import { DiscussionSection } from "./_components/DiscussionSection";
import { IntegritySection } from "./_components/IntegritySection";
import { fetchIndexedProposal, fetchProposalFromReceipt, loadProposal, talliesOf } from "./_components/loadProposal";
import { ProposalActionsFallback } from "./_components/ProposalActionsFrame";
import { ProposalActionsPanelIsland } from "./_components/ProposalActionsPanelIsland";
import { ResultsSection } from "./_components/ResultsSection";
import { Section } from "./_components/Section";
import { SimulationSection } from "./_components/SimulationSection";
import { clockPoint, TimelineSection } from "./_components/TimelineSection";
import { VoteClosedNote, WriteIslandFallback } from "./_components/VotePanelFrame";
import { VotePanelIsland } from "./_components/VotePanelIsland";
import { VotesSection } from "./_components/VotesSection";

type Props = {
  params: Promise<{ dao: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const validId = isProposalIdParam;

/** "at block 121 (≈ Mar 3, 2026, 14:00 UTC)" or "on Mar 3, 2026, 14:00 UTC": when voting opens after `snapshot`. */
function votingOpensAt(snapshot: bigint, clock: ClockContext | null, clockUnit: "block" | "timestamp"): string {
  const opens = snapshot + 1n;
  if (clockUnit === "timestamp") return `on ${formatDate(new Date(Number(opens) * 1000), { time: true })}`;
  if (!clock) return `at block ${opens}`;
  const { date, estimated } = clockToDate(opens, clock);
  return `at block ${opens} (${estimated ? "≈ " : ""}${formatDate(date, { time: true })})`;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ dao: slug, id }, search] = await Promise.all([params, searchParams]);
  if (!validId(id)) return {};
  let proposal = await fetchIndexedProposal(slug, id);
  if ((proposal === null || proposal === "unavailable") && isTransactionHash(search.tx)) {
    const loaded = await loadDao(slug);
    if (loaded.status === "ready") proposal = await fetchProposalFromReceipt(loaded, id, search.tx);
  }
  const title =
    typeof proposal === "object" && proposal !== null
      ? proposal.title.trim() || "Untitled proposal"
      : `Proposal ${shortProposalId(id)}`;
  const summary = typeof proposal === "object" && proposal !== null ? proposalSummary(proposal.description) : "";
  const description = summary || "A proposal: its actions, votes and timeline, read from the chain.";
  // The preview image (title, state, result) comes from ./opengraph-image.
  return {
    title,
    description,
    openGraph: { type: "article", title, description },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const [{ dao: slug, id }, search] = await Promise.all([params, searchParams]);
  if (!validId(id)) notFound();
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  // The layout shows the config error in place of the page.
  if (loaded.status === "misconfigured") return null;
  const { config } = loaded;
  const dao = loaded.status === "ready" ? loaded.dao : null;

  const tx = typeof search.tx === "string" ? search.tx : undefined;
  const [{ indexed, proposal, fromReceipt, actions, live, liveProblem, clock }, extras] = await Promise.all([
    loadProposal(loaded, id, { tx }),
    // Drafts it was written in and links its proposer added (the app's own store).
    loadProposalExtras(slug, id),
  ]);
  // Unknown to the indexer, and the chain (when it answered) does not know it either.
  if (!proposal && indexed === null && (live === null || live.state === undefined)) notFound();
  if (!proposal && indexed === "unavailable" && live !== null && live.state === undefined) notFound();

  const cookieAddress = (await requestAccount())?.address ?? null;
  const walletConnected = cookieAddress !== null;
  const explorer = daoExplorerUrl(config);
  const tokens = new Map(live?.tokens ?? []);
  if (dao) tokens.set(dao.token.toLowerCase(), { symbol: dao.tokenSymbol, decimals: dao.tokenDecimals });
  const labels = dao ? addressLabels({ ...dao, labels: config.labels, tokens: live?.tokens }) : labelMap(config.labels);
  // Money sent back to whoever proposed is worth seeing at a glance.
  if (proposal && !labels.has(proposal.proposer.toLowerCase())) labels.set(proposal.proposer.toLowerCase(), "Proposer");
  const context: FormatContext = { tokens, labels, governanceToken: dao?.token ?? config.governor };
  const nativeSymbol = chainTableEntry(config.chainId)?.nativeCurrency.symbol ?? "ETH";
  const clockUnit = dao && isTimestampClock(dao.clockMode) ? "timestamp" : "block";

  const tallies = talliesOf(proposal, live);
  const snapshot = live?.snapshot ?? (proposal ? BigInt(proposal.voteStart) : null);
  const snapshotPassed = snapshot !== null && live !== null && live.clock > snapshot;
  const results = tallies ? voteResults(tallies, live?.quorum ?? null, dao?.countingMode ?? null) : null;
  const idCheck = proposal
    ? verifyProposalId(BigInt(id), {
        targets: actions.map((action) => action.target),
        values: actions.map((action) => action.value),
        // As executed: a GovernorBravo action's signature selector + its argument-only calldata.
        calldatas: executedCalldatas({
          calldatas: actions.map((action) => action.calldata),
          signatures: actions.map((action) => action.signature),
        }),
        description: proposal.description,
      })
    : null;
  const deadline = live?.deadline ?? (proposal ? BigInt(proposal.voteEnd) : null);
  // As proposed (the indexer's originalVoteEnd); a later effective deadline was extended (late quorum).
  const originalDeadline = proposal?.originalVoteEnd ? BigInt(proposal.originalVoteEnd) : null;
  const steps = proposalTimeline({
    state: live?.state,
    clock: live?.clock ?? null,
    created: proposal
      ? { block: BigInt(proposal.createdBlock), timestamp: BigInt(proposal.createdTimestamp), tx: proposal.createdTx }
      : null,
    snapshot,
    deadline,
    originalDeadline,
    queued: proposal?.queuedBlock ? { block: BigInt(proposal.queuedBlock), tx: proposal.queuedTx } : null,
    eta: live?.eta ?? (proposal?.eta ? BigInt(proposal.eta) : null),
    executed: proposal?.executedBlock ? { block: BigInt(proposal.executedBlock), tx: proposal.executedTx } : null,
    canceled: proposal?.canceledBlock ? { block: BigInt(proposal.canceledBlock), tx: proposal.canceledTx } : null,
    gracePeriodSeconds: dao?.flavour.timelock.kind === "compound" ? dao.flavour.timelock.gracePeriodSeconds : null,
  });
  const extension = deadlineExtension({ deadline, originalDeadline });
  const proposerLabel = proposal ? labels.get(proposal.proposer.toLowerCase()) : undefined;
  const proposerProfile = proposal
    ? (await ensProfilesFor(config, [proposal.proposer as `0x${string}`])).get(proposal.proposer.toLowerCase())
    : undefined;
  const created = proposal ? new Date(proposal.createdTimestamp * 1000) : null;
  const title = proposal ? proposal.title.trim() || "Untitled proposal" : `Proposal ${shortProposalId(id)}`;

  const writeDao = dao ? writeDaoOf(config, dao) : null;
  const state = live?.state ?? null;
  const opensAt = state === "Pending" && snapshot !== null ? votingOpensAt(snapshot, clock, clockUnit) : null;
  const voteClosed = voteAvailability({
    state: state ?? undefined,
    hasVoted: undefined,
    votingPower: undefined,
    opensAt: opensAt ?? undefined,
  });
  // queue/execute/cancel take the exact content; content that does not hash to the id would revert.
  const content =
    proposal && idCheck?.status !== "mismatch"
      ? {
          targets: actions.map((action) => action.target),
          values: actions.map((action) => action.value.toString()),
          calldatas: actions.map((action) => action.calldata),
          description: proposal.description,
        }
      : null;
  // The simulation runs the content exactly as proposed (a Bravo action's signature + arguments).
  const simulated =
    proposal && idCheck?.status !== "mismatch"
      ? {
          targets: actions.map((action) => action.target),
          values: actions.map((action) => action.value),
          calldatas: actions.map((action) => action.calldata),
          signatures: actions.map((action) => action.signature),
          description: proposal.description,
        }
      : null;
  const proposer = proposal ? (getAddress(proposal.proposer.toLowerCase()) as Address) : null;
  const lifecycleOpen = state === "Pending" || state === "Active" || state === "Succeeded" || state === "Queued";
  const serverSteps = live
    ? lifecycleActions({
        state: live.state,
        hasTimelock: dao?.timelock != null,
        eta: live.eta,
        now: live.blockTimestamp,
        account: cookieAddress ? (getAddress(cookieAddress.toLowerCase()) as Address) : undefined,
        proposer,
      })
    : [];

  return (
    <article className="flex flex-col gap-6">
      <Link href={`/${slug}`} className="w-fit text-muted-foreground text-sm hover:text-foreground">
        ← All proposals
      </Link>
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-muted-foreground text-sm">
          <ProposalStateBadge state={live?.state} />
          <span className="inline-flex items-center gap-1.5">
            <span className="font-mono" title={id}>
              #{shortProposalId(id)}
            </span>
            <CopyButton value={id} label="proposal id" />
          </span>
          {proposal ? (
            <span className="inline-flex flex-wrap items-center gap-1.5">
              by{" "}
              <AddressView
                address={proposal.proposer}
                label={proposerLabel === "Proposer" ? undefined : proposerLabel}
                name={proposerProfile?.name}
                avatar={proposerProfile?.avatar}
                explorer={explorer}
              />
            </span>
          ) : null}
          {created ? <time dateTime={created.toISOString()}>{formatDate(created, { time: true })}</time> : null}
        </div>
        <h1 className="break-words font-semibold text-2xl tracking-tight [overflow-wrap:anywhere]">{title}</h1>
        {extension ? (
          <p className="text-muted-foreground text-sm" data-testid="deadline-extended-header">
            The voting deadline was extended by late-quorum protection, to {clockPoint(extension.to, clock, clockUnit)}.{" "}
            <a href="#timeline" className="underline underline-offset-2">
              See the timeline
            </a>
          </p>
        ) : null}
      </header>

      {indexed === "unavailable" ? (
        <Alert tone="error" title="The proposal index is unreachable">
          {fromReceipt
            ? "The description and actions below are read from the transaction that created the proposal; its votes and history appear once the indexer is back."
            : "The description, actions, votes and history cannot be shown until the indexer is back. The state and tallies below are read live from the chain. Reload the page to try again."}
        </Alert>
      ) : null}
      {indexed === null && fromReceipt ? (
        <Alert tone="info">Shown from the transaction; the index is catching up.</Alert>
      ) : null}
      {indexed === null && !fromReceipt ? (
        <Alert tone="warning" title="Not indexed yet">
          The chain knows this proposal but the index has not caught up with it. Its live state is shown; reload in a
          moment for its description, actions and votes.
        </Alert>
      ) : null}
      {live === null && liveProblem ? (
        <ChainProblemAlert problem={liveProblem} tone="error">
          The state is read live from the chain, so it is shown as Unknown, and the tallies come from the index.
        </ChainProblemAlert>
      ) : null}

      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="flex min-w-0 flex-col gap-6 lg:col-start-2 lg:row-start-1">
          {writeDao ? (
            <Section id="vote" title="Vote">
              <VotePanelIsland
                dao={writeDao}
                proposalId={id}
                state={state}
                snapshot={snapshot?.toString() ?? null}
                opensAt={opensAt}
                fallback={
                  voteClosed.status === "closed" ? (
                    <VoteClosedNote>{voteClosed.message}</VoteClosedNote>
                  ) : (
                    <WriteIslandFallback action="vote" walletConnected={walletConnected} />
                  )
                }
              />
            </Section>
          ) : null}
          {writeDao && live && lifecycleOpen ? (
            <ProposalActionsPanelIsland
              dao={writeDao}
              proposalId={id}
              state={state}
              eta={live.eta?.toString() ?? null}
              chainTime={live.blockTimestamp.toString()}
              proposer={proposer}
              content={content}
              fallback={
                <ProposalActionsFallback
                  actions={serverSteps}
                  walletConnected={walletConnected}
                  hasContent={content !== null}
                />
              }
            />
          ) : null}
          <ResultsSection
            results={results}
            tallySource={live?.tallies ? "chain" : "indexer"}
            voteCount={proposal?.voteCount ?? null}
            snapshot={snapshot}
            snapshotPassed={snapshotPassed}
            clockUnit={clockUnit}
            token={dao ? { decimals: dao.tokenDecimals, symbol: dao.tokenSymbol } : null}
            abstain={countsAbstain(dao?.flavour.countingMode)}
          />
          <TimelineSection steps={steps} clock={clock} clockUnit={clockUnit} explorer={explorer} />
          <IntegritySection check={idCheck} />
        </div>
        <div className="flex min-w-0 flex-col gap-6 lg:col-start-1 lg:row-start-1">
          {proposal ? (
            <>
              <Section id="description" title="Description">
                <Markdown fullTextHref={`/${slug}/proposals/${id}/description`}>{proposal.description}</Markdown>
              </Section>
              <DiscussionSection
                slug={slug}
                proposalId={id}
                descriptionLink={discussionLinkOf(proposal.description)}
                links={extras === "unavailable" ? "unavailable" : extras.links}
                drafts={extras === "unavailable" ? [] : extras.drafts}
                forumHosts={config.forumHosts ?? []}
              />
              <ActionsSection actions={actions} context={context} nativeSymbol={nativeSymbol} explorer={explorer} />
              {loaded.status === "ready" ? (
                <SimulationSection ready={loaded} proposalId={id} state={state} content={simulated} />
              ) : null}
              {fromReceipt ? null : (
                <VotesSection
                  slug={slug}
                  proposalId={id}
                  query={readVoteQuery(search)}
                  token={
                    dao
                      ? {
                          decimals: dao.tokenDecimals,
                          symbol: dao.tokenSymbol,
                          kind: dao.flavour.token?.kind ?? "erc20votes",
                        }
                      : null
                  }
                  labels={labels}
                  explorer={explorer}
                />
              )}
            </>
          ) : null}
        </div>
      </div>
    </article>
  );
}
