"use client";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
/** An ETH (native currency) transfer from the treasury: recipient and amount. */
import type { ActionDraft } from "@/lib/proposals/builder/actions";
import { DraftTextField, type Editor } from "./DraftTextField";

/** @example <EthEditor {...editor} draft={draft} /> */
export function EthEditor(editor: Editor<ActionDraft & { kind: "eth" }>) {
  const { symbol, decimals } = editor.context.native;
  const { treasuryEth } = editor;
  return (
    <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
      <DraftTextField editor={editor} name="to" label="Recipient" placeholder="0x…" mono />
      <DraftTextField
        editor={editor}
        name="amount"
        label={`Amount (${symbol})`}
        hint={
          treasuryEth !== null ? `The treasury holds ${formatTokenAmount(treasuryEth, decimals)} ${symbol}.` : undefined
        }
        placeholder="0.0"
        inputMode="decimal"
      />
    </div>
  );
}
