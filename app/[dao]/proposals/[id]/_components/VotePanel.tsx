"use client";
/**
 * The vote panel: For / Against / Abstain and an optional reason, sent as `castVote` or
 * `castVoteWithReason` through the governor adapter and the one transaction mechanism. It shows
 * the voting power that will count (at the snapshot), and offers the vote only when the governor
 * would accept it; otherwise it says why (not connected, wrong network, voting not open or ended,
 * already voted, no voting power at the snapshot). After voting it shows the vote and reason at
 * once, from the receipt's VoteCast log; a vote cast earlier comes from the indexer.
 *
 * State, hasVoted and voting power are read live from the chain and re-read on every new block.
 * Uses wagmi: render it through `VotePanelIsland`.
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
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { governorAdapter, type VoteSupport, voteSupportNames, type WriteDao } from "@/lib/governor/adapter";
import { voteAvailability } from "@/lib/proposals/voteAvailability";
import { type CastVote, voteFromReceipt } from "@/lib/proposals/voteFromReceipt";
import { VoteClosedNote } from "./VotePanelFrame";

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

// Votes cast from this page, kept outside React so they survive the island re-rendering or
// remounting when the page refreshes after the transaction.
const castHere = new Map<string, CastVote>();
const castKey = (dao: WriteDao, proposalId: string, account: Address) =>
  `${dao.chainId}:${dao.governor}:${proposalId}:${account}`.toLowerCase();

function supportName(support: number): string {
  return voteSupportNames[support as VoteSupport] ?? `option ${support}`;
}

/** A vote already cast: side, weight and reason (untrusted text). */
function YourVote({ vote, dao }: { vote: CastVote | null; dao: WriteDao }) {
  return (
    <section aria-label="Your vote" className="rounded-lg border border-border bg-muted/40 px-3 py-2.5 text-sm">
      {vote ? (
        <p>
          You voted <strong className="font-semibold">{supportName(vote.support)}</strong> with{" "}
          <span className="tabular-nums">
            {formatTokenAmount(BigInt(vote.weight), dao.tokenDecimals)} {dao.tokenSymbol}
          </span>
          .
        </p>
      ) : (
        <p>You voted on this proposal.</p>
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
  const id = BigInt(proposalId);
  const adapter = useMemo(() => governorAdapter(dao), [dao]);
  const { address } = useAccount();

  const stateRead = useReadContract({ ...adapter.state(id), chainId: dao.chainId } as never);
  const stateValue = stateRead.data as number | bigint | undefined;
  const state = stateValue === undefined ? (serverState ?? undefined) : proposalStateName(stateValue);
  // getPastVotes needs a timepoint in the past: before voting opens, the current votes stand in.
  const snapshotPassed = state !== undefined && state !== "Pending" && snapshot !== null;
  const accountReads = useReadContracts({
    contracts: address
      ? [
          { ...adapter.hasVoted(id, address), chainId: dao.chainId },
          {
            ...(snapshotPassed ? adapter.votesAt(address, BigInt(snapshot)) : adapter.votesNow(address)),
            chainId: dao.chainId,
          },
        ]
      : [],
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
  const hasVotedOnChain = reads?.[0]?.status === "success" ? (reads[0].result as boolean) : undefined;
  const power = reads?.[1]?.status === "success" ? (reads[1].result as bigint) : undefined;

  const [, rerender] = useState(0);
  const cast = address ? castHere.get(castKey(dao, proposalId, address)) : undefined;
  const hasVoted = cast ? true : hasVotedOnChain;

  const indexedVote = useQuery({
    queryKey: ["commons", "vote-by", dao.slug, proposalId, address],
    queryFn: async (): Promise<CastVote | null> => {
      const response = await fetch(
        `/${encodeURIComponent(dao.slug)}/proposals/${proposalId}/vote-by/${address?.toLowerCase()}`,
      );
      if (!response.ok) return null;
      return ((await response.json()) as { vote: CastVote | null }).vote;
    },
    enabled: Boolean(address) && hasVoted === true && !cast,
    // The indexer may be a block or two behind a vote just cast: ask again for a while until it has it.
    refetchInterval: (query) => (query.state.data || query.state.dataUpdateCount > 15 ? false : 4_000),
  });

  const availability = voteAvailability({ state, hasVoted, votingPower: power, opensAt: opensAt ?? undefined });
  const votingClosed =
    availability.status === "closed" && (availability.reason === "notOpen" || availability.reason === "ended");
  const yourVote = cast ?? indexedVote.data ?? null;

  const powerText = power === undefined ? "…" : `${formatTokenAmount(power, dao.tokenDecimals)} ${dao.tokenSymbol}`;
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
          hasVoted ? (
            <div className="flex flex-col gap-2">
              <YourVote vote={yourVote} dao={dao} />
              <p className="text-muted-foreground text-xs">
                You have already voted on this proposal; a vote cannot be changed.
              </p>
            </div>
          ) : (
            <VoteForm
              dao={dao}
              proposalId={proposalId}
              account={account}
              blocked={availability.status === "closed" ? availability.message : null}
              loading={availability.status === "loading"}
              onVoted={(vote) => {
                castHere.set(castKey(dao, proposalId, account), vote);
                rerender((n) => n + 1);
              }}
            />
          )
        }
      </WriteGate>
    </div>
  );
}

type VoteFormProps = {
  dao: WriteDao;
  proposalId: string;
  account: Address;
  /** Why the vote cannot be cast (shown, and the form disabled). */
  blocked: string | null;
  loading: boolean;
  onVoted: (vote: CastVote) => void;
};

function VoteForm({ dao, proposalId, account, blocked, loading, onVoted }: VoteFormProps) {
  const uid = useId();
  const [choice, setChoice] = useState<VoteSupport | null>(null);
  const [reason, setReason] = useState("");
  const tx = useTransaction({ dao });
  const disabled = blocked !== null || loading || tx.busy;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (choice === null || disabled) return;
    const id = BigInt(proposalId);
    const write = governorAdapter(dao).castVote(id, choice, reason);
    const receipt = await tx.send(write, { label: `Vote ${voteSupportNames[choice]}` });
    if (!receipt) return;
    onVoted(
      voteFromReceipt({ receipt, governor: dao.governor, proposalId: id, voter: account }) ?? {
        support: choice,
        weight: "0",
        reason: reason.trim() ? reason : "",
        tx: receipt.transactionHash,
      },
    );
  }

  return (
    <form onSubmit={submit} aria-label="Cast your vote" className="flex flex-col gap-3">
      {blocked ? <VoteClosedNote>{blocked}</VoteClosedNote> : null}
      <fieldset disabled={disabled} className="min-w-0">
        <legend className="mb-2 font-medium text-sm">Your vote</legend>
        <div className="grid grid-cols-3 gap-2">
          {choices.map(({ support, tone }) => (
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
        <label htmlFor={`${uid}-reason`} className="mt-3 mb-1 block font-medium text-sm">
          Reason <span className="font-normal text-muted-foreground">(optional)</span>
        </label>
        <textarea
          id={`${uid}-reason`}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={3}
          placeholder="Why you vote this way; public and stored on chain"
          className="w-full resize-y rounded-lg border border-border bg-card px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-accent"
        />
      </fieldset>
      <Button type="submit" disabled={disabled || choice === null} className="w-full sm:w-auto sm:self-start">
        {tx.busy ? "Voting…" : choice === null ? "Choose For, Against or Abstain" : `Vote ${voteSupportNames[choice]}`}
      </Button>
      <TransactionStatus tx={tx} explorerUrl={dao.explorerUrl} />
    </form>
  );
}
