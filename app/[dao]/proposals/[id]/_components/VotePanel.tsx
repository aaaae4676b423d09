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
 * What the voter can do comes from `useVoterStatus` (live reads, re-read on every new block); the
 * vote already cast is `YourVote`, the form `VoteForm`. Uses wagmi: render it through `VotePanelIsland`.
 */
import { useMemo } from "react";
import { SnapshotVotingPowerFrame } from "@/components/proposals/SnapshotVotingPowerFrame";
import { WriteGate } from "@/components/web3/tx/WriteGate";
import type { ProposalState } from "@/lib/chain/proposalStates";
import { formatDate } from "@/lib/format/formatDate";
import { governorAdapter, type WriteDao } from "@/lib/governor/adapter";
import { formatVotes, latestVote, voteUnitOf } from "@/lib/proposals/splitVote";
import { voteAvailability } from "@/lib/proposals/voteAvailability";
import { useVoterStatus } from "./useVoterStatus";
import { VoteForm } from "./VoteForm";
import { VoteClosedNote } from "./VotePanelFrame";
import { YourVote } from "./YourVote";

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

/** @example <VotePanel dao={writeDao} proposalId="4242" state="Active" snapshot="120" opensAt={null} /> */
export function VotePanel({ dao, proposalId, state: serverState, snapshot, opensAt }: VotePanelProps) {
  const adapter = useMemo(() => governorAdapter(dao), [dao]);
  const fractional = dao.flavour?.fractional === true && adapter.castVoteSplit !== undefined;
  const unit = voteUnitOf(dao);
  const {
    address,
    state,
    snapshotPassed,
    power,
    powerFailed,
    used,
    remaining,
    hasVoted,
    localVotes,
    indexedVote,
    recordVote,
  } = useVoterStatus({ dao, adapter, fractional, proposalId, serverState, snapshot });

  const availability = voteAvailability({
    state,
    hasVoted,
    votingPower: power,
    opensAt: opensAtText(dao, snapshot, opensAt),
    ...(fractional ? { fractional: { usedVotes: used } } : {}),
  });
  const votingClosed =
    availability.status === "closed" && (availability.reason === "notOpen" || availability.reason === "ended");
  const yourVote = latestVote(indexedVote, localVotes);
  // Under fractional counting only all the weight used ends voting; a voter with weight left may
  // vote again, their vote so far shown above the form.
  const votedAll = availability.status === "closed" && availability.reason === "voted";
  const done = fractional ? votedAll : hasVoted === true;
  const partlyVoted = fractional && hasVoted === true && !votedAll;

  const powerText = power === undefined ? "…" : formatVotes(power, unit);
  const powerLine = address ? (
    <SnapshotVotingPowerFrame
      text={powerFailed ? "Unavailable" : powerText}
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
                onVoted={(vote, usedAfter) => recordVote(account, vote, usedAfter)}
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
