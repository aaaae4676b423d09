"use client";
/** An ERC-20 transfer from the treasury: one of the tokens it holds, recipient and amount. */
import { Field, Select } from "@/components/ui/Field";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { shortAddress } from "@/lib/format/shortAddress";
import type { ActionDraft } from "@/lib/proposals/builder/actions";
import { DraftTextField, type Editor } from "./DraftTextField";

/** @example <Erc20Editor {...editor} draft={draft} /> */
export function Erc20Editor(editor: Editor<ActionDraft & { kind: "erc20" }>) {
  const { draft, context, error, id, onTouch, onChange } = editor;
  const token = context.tokens.find((candidate) => candidate.address.toLowerCase() === draft.token.toLowerCase());
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        id={id("token")}
        label="Token"
        error={error("token")}
        hint={context.tokens.length === 0 ? "The treasury holds no ERC-20 tokens." : undefined}
        className="sm:col-span-2"
      >
        {(control) => (
          <Select
            {...control}
            value={token?.address ?? ""}
            disabled={context.tokens.length === 0}
            onChange={(event) => onChange({ token: event.target.value })}
            onBlur={() => onTouch("token")}
          >
            <option value="">Choose a token the treasury holds…</option>
            {context.tokens.map((candidate) => (
              <option key={candidate.address} value={candidate.address}>
                {candidate.symbol} — {formatTokenAmount(BigInt(candidate.balance), candidate.decimals)} held (
                {shortAddress(candidate.address)})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DraftTextField editor={editor} name="to" label="Recipient" placeholder="0x…" mono />
      <DraftTextField
        editor={editor}
        name="amount"
        label={`Amount${token ? ` (${token.symbol})` : ""}`}
        hint={token ? `In ${token.symbol}, up to ${token.decimals} decimal places.` : undefined}
        placeholder="0.0"
        inputMode="decimal"
      />
    </div>
  );
}
