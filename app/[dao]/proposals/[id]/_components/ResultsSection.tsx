/**
 * Where the vote stands: For / Against / Abstain with amounts and shares, the quorum required at
 * the snapshot and whether the votes that count toward it reach it, and the number of votes (the
 * reader's own voting power at the snapshot is in the vote panel). Tallies come from the chain;
 * from the indexer only when the chain could not be read (and the section says so).
 */
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/format/cn";
import { formatDate } from "@/lib/format/formatDate";
import { formatShare } from "@/lib/format/formatShare";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import type { VoteResults } from "@/lib/proposals/voteResults";
import { Section } from "./Section";

export type ResultsSectionProps = {
  results: VoteResults | null;
  tallySource: "chain" | "indexer";
  voteCount: number | null;
  snapshot: bigint | null;
  /** The snapshot is in the past (quorum and past votes are fixed). */
  snapshotPassed: boolean;
  clockUnit: "block" | "timestamp";
  token: { decimals: number; symbol: string } | null;
  /** False for a governor with no Abstain (GovernorAlpha): its row is left out. Default true. */
  abstain?: boolean;
};

const sides = [
  { key: "forVotes", share: "for", label: "For", bar: "bg-emerald-500" },
  { key: "againstVotes", share: "against", label: "Against", bar: "bg-rose-500" },
  { key: "abstainVotes", share: "abstain", label: "Abstain", bar: "bg-zinc-400" },
] as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** @example <ResultsSection results={voteResults(tallies, quorum, mode)} tallySource="chain" … /> */
export function ResultsSection({
  results,
  tallySource,
  voteCount,
  snapshot,
  snapshotPassed,
  clockUnit,
  token,
  abstain = true,
}: ResultsSectionProps) {
  const amount = (value: bigint) =>
    token ? `${formatTokenAmount(value, token.decimals)} ${token.symbol}` : value.toString();
  // A timestamp clock's snapshot is a moment: say it as a date, never as a block.
  const at =
    snapshot === null
      ? ""
      : clockUnit === "block"
        ? ` (block ${snapshot})`
        : ` (${formatDate(new Date(Number(snapshot) * 1000), { time: true })})`;
  return (
    <Section
      id="results"
      title="Results"
      aside={
        voteCount === null ? undefined : `${voteCount.toLocaleString("en-US")} ${voteCount === 1 ? "vote" : "votes"}`
      }
    >
      {results === null ? (
        <p className="text-muted-foreground text-sm">The tallies could not be read from the chain or the index.</p>
      ) : (
        <div className="flex flex-col gap-4">
          <table className="w-full text-sm">
            <caption className="sr-only">Votes by side</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Side</th>
                <th scope="col">Votes</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {sides
                .filter((side) => abstain || side.key !== "abstainVotes")
                .map((side) => (
                  <tr key={side.key} className="align-top">
                    <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                      {side.label}
                      <div
                        className="mt-1 h-1.5 w-full min-w-16 overflow-hidden rounded-full bg-muted"
                        aria-hidden="true"
                      >
                        <div
                          className={cn("h-full rounded-full", side.bar)}
                          style={{ width: `${results.shares[side.share] / 100}%` }}
                        />
                      </div>
                    </th>
                    <td className="py-1.5 pl-2 text-right tabular-nums [overflow-wrap:anywhere]">
                      {amount(results[side.key])}
                    </td>
                    <td className="w-16 py-1.5 pl-2 text-right text-muted-foreground tabular-nums">
                      {formatShare(results[side.key], results.total)}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          {tallySource === "indexer" ? (
            <p className="text-muted-foreground text-xs">Tallies from the index: the chain could not be read.</p>
          ) : null}
          <dl className="flex flex-col gap-2 border-border border-t pt-3 text-sm">
            <Row label={`Quorum at the snapshot${at}`}>
              {results.quorum !== null
                ? amount(results.quorum)
                : snapshotPassed
                  ? "Unavailable"
                  : "Set when the snapshot is taken"}
            </Row>
            <Row
              label={
                results.quorumCounts === "for" ? "Counted toward quorum (For)" : "Counted toward quorum (For + Abstain)"
              }
            >
              {amount(results.quorumVotes)}
              {results.quorumProgress !== null ? (
                <span className="ml-1 font-normal text-muted-foreground">
                  ({formatShare(results.quorumVotes, results.quorum ?? 0n)} of quorum)
                </span>
              ) : null}
            </Row>
            {results.reached !== null ? (
              <div className="flex items-center justify-between gap-3">
                <dt className="text-muted-foreground">Quorum</dt>
                <dd>
                  {results.reached ? (
                    <Badge variant="success">Reached</Badge>
                  ) : (
                    <Badge variant="warning">Not reached</Badge>
                  )}
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
      )}
    </Section>
  );
}
