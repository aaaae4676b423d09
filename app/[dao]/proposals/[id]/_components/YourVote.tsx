/** A vote already cast, as the vote panel shows it: side (or split), weight, reason (untrusted) and transaction. */
import { SafeText } from "@/components/markdown/SafeText";
import { TransactionHashLink } from "@/components/web3/tx/TransactionStatus";
import { type VoteSupport, voteSupportNames, type WriteDao } from "@/lib/governor/adapter";
import { formatVotes, splitVoteText, voteUnitOf } from "@/lib/proposals/splitVote";
import type { CastVote } from "@/lib/proposals/voteFromReceipt";

function supportName(support: number): string {
  return voteSupportNames[support as VoteSupport] ?? `option ${support}`;
}

/** A vote already cast: side (or split), weight and reason (untrusted text). */
export function YourVote({ vote, dao, soFar }: { vote: CastVote | null; dao: WriteDao; soFar?: boolean }) {
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
