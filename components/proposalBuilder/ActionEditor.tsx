"use client";
/**
 * One action of the proposal being drafted: its inputs (by kind, one editor per kind in
 * ./actionEditors/), each validated by its type with the error next to it, and a sentence saying
 * what the action will do once it is complete.
 */
import { Button } from "@/components/ui/button";
import { actionKindLabels } from "@/lib/proposals/builder/actions";
import { ActionSummary } from "./actionEditors/ActionSummary";
import { CallEditor } from "./actionEditors/CallEditor";
import type { ActionEditorProps } from "./actionEditors/DraftTextField";
import { Erc20Editor } from "./actionEditors/Erc20Editor";
import { EthEditor } from "./actionEditors/EthEditor";
import { RawEditor } from "./actionEditors/RawEditor";

export type { ActionEditorProps } from "./actionEditors/DraftTextField";

/** @example <ActionEditor draft={draft} index={0} count={2} result={built.actions[0]} … /> */
export function ActionEditor(props: ActionEditorProps) {
  const { draft, index, count, result, showError, onRemove, onMove } = props;
  const id = (field: string) => `action-${draft.id}-${field.replace(".", "-")}`;
  const error = (field: string) => {
    if (result.ok || !showError(field)) return null;
    return result.errors.find((candidate) => candidate.field === field)?.message ?? null;
  };
  const number = index + 1;
  const editor = { ...props, error, id };
  return (
    <fieldset
      aria-labelledby={id("heading")}
      className="flex min-w-0 flex-col gap-4 rounded-xl border border-border bg-card p-4 sm:p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id("heading")} className="font-semibold text-base">
          Action {number} · {actionKindLabels[draft.kind]}
        </h3>
        <div className="flex gap-1">
          <Button
            id={`${id("move")}-up`}
            size="sm"
            variant="ghost"
            aria-label={`Move action ${number} up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑<span className="hidden sm:inline"> Up</span>
          </Button>
          <Button
            id={`${id("move")}-down`}
            size="sm"
            variant="ghost"
            aria-label={`Move action ${number} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓<span className="hidden sm:inline"> Down</span>
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Remove action ${number}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </div>
      {draft.kind === "eth" ? <EthEditor {...editor} draft={draft} /> : null}
      {draft.kind === "erc20" ? <Erc20Editor {...editor} draft={draft} /> : null}
      {draft.kind === "call" ? <CallEditor {...editor} draft={draft} /> : null}
      {draft.kind === "raw" ? <RawEditor {...editor} draft={draft} /> : null}
      <ActionSummary {...props} />
    </fieldset>
  );
}
