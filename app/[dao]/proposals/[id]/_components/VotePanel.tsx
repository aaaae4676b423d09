"use client";
/**
 * The vote panel: For / Against / Abstain and an optional reason, sent as `castVote` or
 * `castVoteWithReason` through the governor adapter and the one transaction mechanism. It shows
 * the voting power that will count (at the snapshot), and offers the vote only when the governor
 * would accept it; otherwise it says why (not connected, wrong network, voting not open or ended,
 * already voted, no voting power at the snapshot). After voting it shows the vote and reason at
 * once, from the receipt's VoteCast log; a vote cast earlier comes from the indexer.
 *
 * A governor that counts fewer kinds of vote (GovernorAlpha: For and Against, no reason; the
 * adapter's `voteLimits`) is offered only those, with a line saying why.
 *
 * A fractional governor (GovernorCountingFractional) also offers "Split my vote": parts of the
 * weight For, Against and Abstain (`castVoteSplit`), and the voter may vote again with what is
 * left, so there availability rests on the weight left (`usedVotes`), not on `hasVoted`. A split
 * is always shown as a split. An NFT DAO's weights are whole votes.
 *
 * State, hasVoted (used votes) and voting power are read live from the chain and re-read on every
 * new block. Uses wagmi: render it through `VotePanelIsland`.
 */
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useMemo, useState } from "react";
import type { Address } from "viem";
import { useAccount, useReadContract, useReadContracts, useWatchBlockNumber } from "wagmi";
import { SafeText } from "@/components/markdown/SafeText";
import { SnapshotVotingPowerFrame } from "@/components/proposals/SnapshotVotingPowerFrame";
import { Button } from "@/components/ui/button";
import { TransactionHashLink, TransactionStatus } from "@/components/web3/tx/TransactionStatus";
import { useTransaction } from "@/components/web3/tx/useTransaction";
import { WriteGate } from "@/components/web3/tx/WriteGate";
import { type ProposalState, proposalStateName } from "@/lib/chain/proposalStates";
import { cn } from "@/lib/format/cn";
import { formatDate } from "@/lib/format/formatDate";
import {
  type ContractRead,
  governorAdapter,
  readResult,
  type VoteSupport,
  voteSupportNames,
  type WriteDao,
} from "@/lib/governor/adapter";
import {
  checkSplit,
  emptySplitInputs,
  formatVotes,
  latestVote,
  remainingWeight,
  type SplitInputs,
  type SplitSide,
  splitSides,
  splitStrings,
  splitSupport,
  splitVoteText,
  type VoteUnit,
} from "@/lib/proposals/splitVote";
import { voteAvailability } from "@/lib/proposals/voteAvailability";
import { type CastVote, voteFromReceipt } from "@/lib/proposals/voteFromReceipt";
import { VoteClosedNote } from "./VotePanelFrame";
import { SplitFields } from "./VotePanelSplit";

export type VotePanelProps = {
  dao: WriteDao;
  proposalId: string;
  /** The state the server read; the panel re-reads it live. */
  state: ProposalState | null;
  /** Decimal string; the clock value voting power is counted at. */
  snapshot: string | null;
  /** For a Pending proposal: when voting opens, in words ("at block 120 (≈ …)"). */
  opensAt: string | null;
};

const choices: { support: VoteSupport; tone: string }[] = [
  { support: 1, tone: "has-[:checked]:border-emerald-600 has-[:checked]:bg-emerald-500/10" },
  { support: 0, tone: "has-[:checked]:border-rose-600 has-[:checked]:bg-rose-500/10" },
  { support: 2, tone: "has-[:checked]:border-zinc-500 has-[:checked]:bg-zinc-500/10" },
];

/** Votes cast from this page, in order, and (fractional) the weight used after the last one. */
type CastHere = { votes: CastVote[]; usedAfter: bigint | null };

// Votes cast from this page, kept outside React so they survive the island re-rendering or
// remounting when the page refreshes after the transaction.
const castHere = new Map<string, CastHere>();
const castKey = (dao: WriteDao, proposalId: string, account: Address) =>
  `${dao.chainId}:${dao.governor}:${proposalId}:${account}`.toLowerCase();

function supportName(support: number): string {
  return voteSupportNames[support as VoteSupport] ?? `option ${support}`;
}

function voteUnitOf(dao: WriteDao): VoteUnit {
  return { decimals: dao.tokenDecimals, symbol: dao.tokenSymbol, kind: dao.flavour?.tokenKind };
}

/** A vote already cast: side (or split), weight and reason (untrusted text). */
function YourVote({ vote, dao, soFar }: { vote: CastVote | null; dao: WriteDao; soFar?: boolean }) {
  const unit = voteUnitOf(dao);
  const split = vote ? splitVoteText(vote, unit) : null;
  const weight = vote ? formatVotes(BigInt(vote.weight), unit) : "";
  return (
    <section aria-label="Your vote" className="rounded-lg border border-border bg-muted/40 px-3 py-2.5 text-sm">
      {vote === null ? (
        <p>You voted on this proposal{soFar ? " with part of your voting power" : ""}.</p>
      ) : split !== null ? (
        <p>
          You {soFar ? "have so far split" : "split"} <span className="tabular-nums">{weight}</span>:{" "}
          <strong className="font-semibold tabular-nums">{split}</strong>.
        </p>
      ) : (
        <p>
          You {soFar ? "have so far voted" : "voted"}{" "}
          <strong className="font-semibold">{supportName(vote.support)}</strong> with{" "}
          <span className="tabular-nums">{weight}</span>.
        </p>
      )}
      {vote && vote.reason.trim() !== "" ? (
        <blockquote className="mt-2 border-border border-l-2 pl-3 text-muted-foreground">
          <SafeText as="p">{vote.reason}</SafeText>
        </blockquote>
      ) : null}
      {vote?.tx ? (
        <p className="mt-2 text-muted-foreground text-xs">
          Transaction <TransactionHashLink hash={vote.tx} explorer={dao.explorerUrl} />
        </p>
      ) : null}
    </section>
  );
}

/** @example <VotePanel dao={writeDao} proposalId="4242" state="Active" snapshot="120" opensAt={null} /> */
export function VotePanel({ dao, proposalId, state: serverState, snapshot, opensAt }: VotePanelProps) {
  const adapter = useMemo(() => governorAdapter(dao), [dao]);
  const fractional = dao.flavour?.fractional === true && adapter.castVoteSplit !== undefined;
  const unit = voteUnitOf(dao);
  const { address } = useAccount();

  const stateCall = useMemo(() => adapter.state(BigInt(proposalId)), [adapter, proposalId]);
  const stateRead = useReadContract({ ...stateCall, chainId: dao.chainId } as never);
  const stateValue =
    stateRead.data === undefined ? undefined : (readResult(stateCall, stateRead.data) as number | bigint);
  const state = stateValue === undefined ? (serverState ?? undefined) : proposalStateName(stateValue);
  // getPastVotes needs a timepoint in the past: before voting opens, the current votes stand in.
  const snapshotPassed = state !== undefined && state !== "Pending" && snapshot !== null;
  // Bravo-style reads answer structs: `readResult` recognises the very call objects, so keep them.
  const calls = useMemo((): ContractRead[] => {
    if (!address) return [];
    const pid = BigInt(proposalId);
    const power =
      snapshotPassed && snapshot !== null ? adapter.votesAt(address, BigInt(snapshot)) : adapter.votesNow(address);
    const used = fractional && adapter.usedVotes ? [adapter.usedVotes(pid, address)] : [];
    return [adapter.hasVoted(pid, address), power, ...used];
  }, [adapter, address, proposalId, snapshot, snapshotPassed, fractional]);
  const accountReads = useReadContracts({
    contracts: calls.map((call) => ({ ...call, chainId: dao.chainId })),
    query: { enabled: Boolean(address) },
  } as never);
  useWatchBlockNumber({
    chainId: dao.chainId,
    onBlockNumber: () => {
      void stateRead.refetch();
      if (address) void accountReads.refetch();
    },
  } as never);
  const reads = accountReads.data as { status: "success" | "failure"; result?: unknown }[] | undefined;
  const readAt = (index: number): unknown => {
    const read = reads?.[index];
    const call = calls[index];
    return read?.status === "success" && call ? readResult(call, read.result) : undefined;
  };
  const hasVotedOnChain = readAt(0) as boolean | undefined;
  const power = readAt(1) as bigint | undefined;

  const [, rerender] = useState(0);
  const local = address ? castHere.get(castKey(dao, proposalId, address)) : undefined;
  const localVotes = local?.votes ?? [];
  const lastLocalTx = localVotes.at(-1)?.tx.toLowerCase();
  // Used votes only grow: what the receipt said stands until the chain read catches up.
  const usedOnChain = fractional ? (readAt(2) as bigint | undefined) : undefined;
  const used =
    usedOnChain !== undefined && local?.usedAfter != null && local.usedAfter > usedOnChain
      ? local.usedAfter
      : usedOnChain;
  const remaining = fractional ? remainingWeight(power, used) : undefined;
  const hasVoted = fractional
    ? used === undefined
      ? localVotes.length > 0 || undefined
      : used > 0n || localVotes.length > 0
    : localVotes.length > 0
      ? true
      : hasVotedOnChain;

  const indexedVote = useQuery({
    queryKey: ["commons", "vote-by", dao.slug, proposalId, address, localVotes.length],
    queryFn: async (): Promise<CastVote | null> => {
      const response = await fetch(
        `/api/daos/${encodeURIComponent(dao.slug)}/proposals/${proposalId}/vote-by/${address?.toLowerCase()}`,
      );
      if (!response.ok) return null;
      return ((await response.json()) as { vote: CastVote | null }).vote;
    },
    // A vote cast here shows at once from its receipt; the index still tells the earlier votes of
    // a fractional voter.
    enabled: Boolean(address) && hasVoted === true && (fractional || localVotes.length === 0),
    // The indexer may be a block or two behind a vote just cast: ask again for a while until it has it.
    refetchInterval: (query) => {
      const data = query.state.data;
      const caughtUp = data && (lastLocalTx === undefined || data.tx.toLowerCase() === lastLocalTx);
      return caughtUp || query.state.dataUpdateCount > 15 ? false : 4_000;
    },
  });

  const availability = voteAvailability({
    state,
    hasVoted,
    votingPower: power,
    opensAt: opensAtText(dao, snapshot, opensAt),
    ...(fractional ? { fractional: { usedVotes: used } } : {}),
  });
  const votingClosed =
    availability.status === "closed" && (availability.reason === "notOpen" || availability.reason === "ended");
  const yourVote = latestVote(indexedVote.data ?? null, localVotes);
  // Under fractional counting only all the weight used ends voting; a voter with weight left may
  // vote again, their vote so far shown above the form.
  const votedAll = availability.status === "closed" && availability.reason === "voted";
  const done = fractional ? votedAll : hasVoted === true;
  const partlyVoted = fractional && hasVoted === true && !votedAll;

  const powerText = power === undefined ? "…" : formatVotes(power, unit);
  const powerLine = address ? (
    <SnapshotVotingPowerFrame
      text={reads?.[1]?.status === "failure" ? "Unavailable" : powerText}
      busy={power === undefined}
      note={snapshotPassed ? undefined : "now; counted at the snapshot"}
    />
  ) : null;

  if (votingClosed) {
    return (
      <div className="flex flex-col gap-3">
        {powerLine}
        <VoteClosedNote>{availability.message}</VoteClosedNote>
        {address && hasVoted ? <YourVote vote={yourVote} dao={dao} /> : null}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {powerLine}
      <WriteGate dao={dao} action="vote">
        {(account) =>
          done ? (
            <div className="flex flex-col gap-2">
              <YourVote vote={yourVote} dao={dao} />
              <p className="text-muted-foreground text-xs">
                {fractional
                  ? "You have already voted on this proposal with all your voting power; a vote cannot be changed."
                  : "You have already voted on this proposal; a vote cannot be changed."}
              </p>
            </div>
          ) : (
            <div className="flex flex-col gap-3">
              {partlyVoted ? <YourVote vote={yourVote} dao={dao} soFar /> : null}
              <VoteForm
                dao={dao}
                proposalId={proposalId}
                account={account}
                blocked={availability.status === "closed" ? availability.message : null}
                loading={availability.status === "loading"}
                fractional={fractional ? { remaining, used } : null}
                onVoted={(vote, usedAfter) => {
                  const key = castKey(dao, proposalId, account);
                  const before = castHere.get(key);
                  castHere.set(key, { votes: [...(before?.votes ?? []), vote], usedAfter });
                  rerender((n) => n + 1);
                }}
              />
            </div>
          )
        }
      </WriteGate>
    </div>
  );
}

/** When voting opens, in words: a date for a timestamp clock (never "block N"), else the page's words. */
function opensAtText(dao: WriteDao, snapshot: string | null, opensAt: string | null): string | undefined {
  if (dao.flavour?.clock === "timestamp" && snapshot !== null && /^\d+$/.test(snapshot)) {
    return `on ${formatDate(new Date(Number(BigInt(snapshot) + 1n) * 1000), { time: true })}`;
  }
  return opensAt ?? undefined;
}

type VoteFormProps = {
  dao: WriteDao;
  proposalId: string;
  account: Address;
  /** Why the vote cannot be cast (shown, and the form disabled). */
  blocked: string | null;
  loading: boolean;
  /** Fractional counting: the weight not yet cast (and used), undefined while read; null otherwise. */
  fractional: { remaining: bigint | undefined; used: bigint | undefined } | null;
  /** `usedAfter`: fractional only, the weight used once this vote counted (null when unknown). */
  onVoted: (vote: CastVote, usedAfter: bigint | null) => void;
};

/** "For, Against or Abstain" (or the governor's fewer choices). */
function choiceList(supports: readonly VoteSupport[]): string {
  const names = supports.map((support) => voteSupportNames[support]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "");
}

function VoteForm({ dao, proposalId, account, blocked, loading, fractional, onVoted }: VoteFormProps) {
  const uid = useId();
  const unit = voteUnitOf(dao);
  const limits = useMemo(() => governorAdapter(dao).voteLimits, [dao]);
  const offered = limits
    ? limits.supports.flatMap((support) => choices.filter((choice) => choice.support === support))
    : choices;
  const offersReason = limits?.reasons ?? true;
  const [choice, setChoice] = useState<VoteSupport | null>(null);
  const [splitMode, setSplitMode] = useState(false);
  const [inputs, setInputs] = useState<SplitInputs>(emptySplitInputs);
  const [submitted, setSubmitted] = useState(false);
  const [reason, setReason] = useState("");
  const tx = useTransaction({ dao });
  const disabled = blocked !== null || loading || tx.busy;
  const remaining = fractional?.remaining;
  const check = checkSplit(inputs, { unit, remaining });
  const splitting = fractional !== null && splitMode;
  const inputId = (side: SplitSide) => `${uid}-split-${side}`;
  const partly = fractional?.used !== undefined && fractional.used > 0n;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabled) return;
    const id = BigInt(proposalId);
    const adapter = governorAdapter(dao);
    const usedBefore = fractional?.used;
    if (splitting) {
      setSubmitted(true);
      if (!check.ok || !check.split || !adapter.castVoteSplit) {
        const wrong = splitSides.find((side) => check.fields[side] !== null);
        if (wrong) document.getElementById(inputId(wrong))?.focus();
        return;
      }
      const split = check.split;
      const receipt = await tx.send(adapter.castVoteSplit(id, split, reason), { label: "Cast split vote" });
      if (!receipt) return;
      const total = split.against + split.for + split.abstain;
      const vote = voteFromReceipt({ receipt, governor: dao.governor, proposalId: id, voter: account }) ?? {
        support: splitSupport,
        weight: total.toString(),
        reason: reason.trim() ? reason : "",
        tx: receipt.transactionHash,
        split: splitStrings(split),
      };
      setInputs(emptySplitInputs);
      setSubmitted(false);
      setReason("");
      onVoted(vote, usedBefore === undefined ? null : usedBefore + BigInt(vote.weight));
      return;
    }
    if (choice === null) return;
    const write = adapter.castVote(id, choice, offersReason ? reason : undefined);
    const receipt = await tx.send(write, { label: `Vote ${voteSupportNames[choice]}` });
    if (!receipt) return;
    const vote = voteFromReceipt({ receipt, governor: dao.governor, proposalId: id, voter: account }) ?? {
      support: choice,
      weight: (remaining ?? 0n).toString(),
      reason: offersReason && reason.trim() ? reason : "",
      tx: receipt.transactionHash,
      split: null,
    };
    // A nominal vote under fractional counting casts all the weight left.
    onVoted(vote, usedBefore === undefined || remaining === undefined ? null : usedBefore + remaining);
  }

  const submitLabel = tx.busy
    ? "Voting…"
    : splitting
      ? "Cast split vote"
      : choice === null
        ? `Choose ${choiceList(offered.map(({ support }) => support))}`
        : `Vote ${voteSupportNames[choice]}`;

  return (
    <form onSubmit={submit} aria-label="Cast your vote" noValidate className="flex flex-col gap-3">
      {blocked ? <VoteClosedNote>{blocked}</VoteClosedNote> : null}
      <fieldset disabled={disabled} className="min-w-0">
        <legend className="mb-2 font-medium text-sm">
          {partly
            ? `Your vote with the ${remaining === undefined ? "rest" : formatVotes(remaining, unit)} left`
            : "Your vote"}
        </legend>
        {fractional ? (
          <div className="mb-2 flex items-center justify-between gap-2">
            <span className="text-muted-foreground text-xs">
              {splitMode ? "Amounts for For, Against and Abstain" : "One choice for all of it"}
            </span>
            <button
              type="button"
              aria-pressed={splitMode}
              onClick={() => {
                setSplitMode((on) => !on);
                setSubmitted(false);
              }}
              className={cn(
                "h-8 shrink-0 rounded-full border px-3 text-xs transition-colors",
                "focus-visible:outline-2 focus-visible:outline-accent focus-visible:outline-offset-2",
                "disabled:cursor-not-allowed disabled:opacity-60",
                splitMode
                  ? "border-accent bg-accent text-accent-foreground"
                  : "border-border bg-card text-foreground hover:bg-muted",
              )}
            >
              Split my vote
            </button>
          </div>
        ) : null}
        {splitting ? (
          <SplitFields
            inputs={inputs}
            onChange={setInputs}
            check={check}
            remaining={remaining}
            unit={unit}
            submitted={submitted}
            idOf={inputId}
          />
        ) : (
          <>
            <div className={cn("grid gap-2", offered.length === 2 ? "grid-cols-2" : "grid-cols-3")}>
              {offered.map(({ support, tone }) => (
                <label
                  key={support}
                  className={cn(
                    "relative flex h-10 cursor-pointer items-center justify-center rounded-lg border border-border bg-card px-2 font-medium text-sm transition-colors hover:bg-muted",
                    "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent has-[:focus-visible]:outline-offset-2",
                    "has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
                    tone,
                  )}
                >
                  <input
                    type="radio"
                    name={`${uid}-support`}
                    value={support}
                    checked={choice === support}
                    onChange={() => setChoice(support)}
                    // Covers the whole option, invisibly: the click target is the radio itself, focus and arrow keys work as usual.
                    className="absolute inset-0 size-full cursor-pointer appearance-none rounded-lg opacity-0"
                  />
                  {voteSupportNames[support]}
                </label>
              ))}
            </div>
            {partly ? (
              <p className="mt-2 text-muted-foreground text-xs">
                For, Against or Abstain casts all{" "}
                {remaining === undefined ? "you have left" : formatVotes(remaining, unit)}
                {remaining === undefined ? "" : " you have left"}.
              </p>
            ) : null}
          </>
        )}
        {limits ? <p className="mt-2 text-muted-foreground text-xs">{limits.explanation}</p> : null}
        {offersReason ? (
          <>
            <label htmlFor={`${uid}-reason`} className="mt-3 mb-1 block font-medium text-sm">
              Reason <span className="font-normal text-muted-foreground">(optional)</span>
            </label>
            <textarea
              id={`${uid}-reason`}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              rows={3}
              placeholder="Why you vote this way; public and stored on chain"
              className="w-full resize-y rounded-lg border border-border bg-card px-3 py-2 text-base focus-visible:outline-2 focus-visible:outline-accent sm:text-sm"
            />
          </>
        ) : null}
      </fieldset>
      <Button
        type="submit"
        disabled={disabled || (splitting ? remaining === undefined : choice === null)}
        className="w-full sm:w-auto sm:self-start"
      >
        {submitLabel}
      </Button>
      <TransactionStatus tx={tx} explorerUrl={dao.explorerUrl} />
    </form>
  );
}
