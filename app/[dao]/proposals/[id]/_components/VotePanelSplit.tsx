"use client";
/**
 * The vote panel's split mode (fractional counting): three amount fields, For, Against and
 * Abstain, in token units (whole votes for an NFT DAO), a live "X of Y left" and the reason each
 * field or the whole split cannot be sent. Reading and checking the amounts is
 * `lib/proposals/splitVote`; this is only the fields. No wallet code: the vote panel sends.
 */
import { useId } from "react";
import { cn } from "@/lib/format/cn";
import {
  fillRest,
  type SplitCheck,
  type SplitInputs,
  type SplitSide,
  splitLeftText,
  splitSideNames,
  splitSides,
  type VoteUnit,
} from "@/lib/proposals/splitVote";

export type SplitFieldsProps = {
  inputs: SplitInputs;
  onChange: (inputs: SplitInputs) => void;
  check: SplitCheck;
  /** The weight not yet cast; undefined while it is read. */
  remaining: bigint | undefined;
  unit: VoteUnit;
  /** The voter tried to send: show every problem, "nothing entered" included. */
  submitted: boolean;
  /** Ids of the inputs, so the form can move focus to the first one that is wrong. */
  idOf: (side: SplitSide) => string;
};

const tones: Record<SplitSide, string> = {
  for: "border-l-emerald-600",
  against: "border-l-rose-600",
  abstain: "border-l-zinc-500",
};

/** @example <SplitFields inputs={inputs} onChange={setInputs} check={check} remaining={400n} unit={unit} submitted={false} idOf={(s) => `split-${s}`} /> */
export function SplitFields({ inputs, onChange, check, remaining, unit, submitted, idOf }: SplitFieldsProps) {
  const uid = useId();
  const unitWord = unit.kind === "erc721votes" ? "votes" : unit.symbol;
  const wholeVotes = unit.kind === "erc721votes" || unit.decimals === 0;
  const error = check.error && (submitted || (check.left !== null && check.left < 0n)) ? check.error : null;

  return (
    <div className="flex flex-col gap-2">
      <p id={`${uid}-hint`} className="text-muted-foreground text-xs">
        Divide your voting power between For, Against and Abstain, in {unitWord}. What you leave can be cast later.
      </p>
      {splitSides.map((side) => {
        const id = idOf(side);
        const fieldError = check.fields[side];
        return (
          <div key={side} className="flex flex-col gap-1">
            <div
              className={cn(
                "flex items-center gap-2 rounded-lg border border-border border-l-4 bg-card py-1 pr-1 pl-3",
                tones[side],
                fieldError ? "border-rose-600" : null,
              )}
            >
              <label htmlFor={id} className="w-16 shrink-0 font-medium text-sm">
                {splitSideNames[side]}
              </label>
              <input
                id={id}
                type="text"
                inputMode={wholeVotes ? "numeric" : "decimal"}
                autoComplete="off"
                spellCheck={false}
                value={inputs[side]}
                placeholder="0"
                onChange={(event) => onChange({ ...inputs, [side]: event.target.value })}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={cn(`${uid}-hint`, fieldError ? `${id}-error` : null)}
                className="h-9 min-w-0 flex-1 rounded-md bg-transparent px-2 text-right text-base tabular-nums focus-visible:outline-2 focus-visible:outline-accent sm:text-sm"
              />
              <button
                type="button"
                onClick={() => remaining !== undefined && onChange(fillRest(inputs, side, remaining, unit))}
                disabled={remaining === undefined}
                aria-label={`Put the rest into ${splitSideNames[side]}`}
                className="h-8 shrink-0 rounded-md px-2 text-muted-foreground text-xs hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50"
              >
                Rest
              </button>
            </div>
            {fieldError ? (
              <p id={`${id}-error`} className="text-rose-700 text-xs dark:text-rose-400">
                {fieldError}
              </p>
            ) : null}
          </div>
        );
      })}
      <output
        aria-label="Left to split"
        aria-busy={remaining === undefined}
        className={cn(
          "text-sm tabular-nums",
          check.left !== null && check.left < 0n ? "text-rose-700 dark:text-rose-400" : "text-muted-foreground",
        )}
      >
        {remaining === undefined ? "Reading what you have left…" : splitLeftText(check, remaining, unit)}
      </output>
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-500/10 px-3 py-2 text-rose-800 text-sm dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
