"use client";
/**
 * The vote form: For / Against / Abstain (or the governor's fewer choices) and an optional reason,
 * or, under fractional counting, a split of the weight left; sent through the governor adapter and
 * the one transaction mechanism, the vote read back from the receipt's VoteCast log.
 */
import { type FormEvent, useId, useMemo, useState } from "react";
import type { Address } from "viem";
import { Button } from "@/components/ui/button";
import { TransactionStatus } from "@/components/web3/tx/TransactionStatus";
import { useTransaction } from "@/components/web3/tx/useTransaction";
import { cn } from "@/lib/format/cn";
import { governorAdapter, type VoteSupport, voteSupportNames, type WriteDao } from "@/lib/governor/adapter";
import {
  checkSplit,
  emptySplitInputs,
  formatVotes,
  type SplitInputs,
  type SplitSide,
  splitSides,
  splitStrings,
  splitSupport,
  voteUnitOf,
} from "@/lib/proposals/splitVote";
import { type CastVote, voteFromReceipt } from "@/lib/proposals/voteFromReceipt";
import { VoteClosedNote } from "./VotePanelFrame";
import { SplitFields } from "./VotePanelSplit";

const choices: { support: VoteSupport; tone: string }[] = [
  { support: 1, tone: "has-[:checked]:border-emerald-600 has-[:checked]:bg-emerald-500/10" },
  { support: 0, tone: "has-[:checked]:border-rose-600 has-[:checked]:bg-rose-500/10" },
  { support: 2, tone: "has-[:checked]:border-zinc-500 has-[:checked]:bg-zinc-500/10" },
];

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

export function VoteForm({ dao, proposalId, account, blocked, loading, fractional, onVoted }: VoteFormProps) {
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
