"use client";
/**
 * One action of the proposal being drafted: its inputs (by kind), each validated by its type with
 * the error next to it, and a sentence saying what the action will do once it is complete.
 */
import { useMemo } from "react";
import { type Address, toFunctionSignature } from "viem";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/Field";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { shortAddress } from "@/lib/format/shortAddress";
import {
  type ActionDraft,
  actionKindLabels,
  type BuilderContext,
  type CustomCallDraft,
  customCallAbi,
  type EncodeResult,
  findFunction,
} from "@/lib/proposals/builder/actions";
import { type DescribeContext, describeAction } from "@/lib/proposals/builder/describeAction";
import { type KnownAbiId, knownAbiAddress, knownAbis } from "@/lib/proposals/builder/knownAbis";
import { inputHint, isJsonType, parameterLabel } from "@/lib/proposals/builder/parseArgument";

export type ActionEditorProps = {
  draft: ActionDraft;
  index: number;
  count: number;
  result: EncodeResult;
  context: BuilderContext;
  describeContext: DescribeContext;
  /** The treasury's ETH balance in wei, when known. */
  treasuryEth: bigint | null;
  /** Whether the error of this field (`"to"`, `"args.0"`) should show yet. */
  showError: (field: string) => boolean;
  onTouch: (field: string) => void;
  onChange: (patch: Partial<ActionDraft>) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
};

type Editor<D> = Omit<ActionEditorProps, "draft"> & {
  draft: D;
  error: (field: string) => string | null;
  id: (field: string) => string;
};

function EthEditor({
  draft,
  context,
  treasuryEth,
  error,
  id,
  onTouch,
  onChange,
}: Editor<ActionDraft & { kind: "eth" }>) {
  const { symbol, decimals } = context.native;
  return (
    <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
      <Field id={id("to")} label="Recipient" error={error("to")}>
        {(control) => (
          <TextInput
            {...control}
            value={draft.to}
            placeholder="0x…"
            className="font-mono"
            onChange={(event) => onChange({ to: event.target.value })}
            onBlur={() => onTouch("to")}
          />
        )}
      </Field>
      <Field
        id={id("amount")}
        label={`Amount (${symbol})`}
        error={error("amount")}
        hint={
          treasuryEth !== null ? `The treasury holds ${formatTokenAmount(treasuryEth, decimals)} ${symbol}.` : undefined
        }
      >
        {(control) => (
          <TextInput
            {...control}
            value={draft.amount}
            inputMode="decimal"
            placeholder="0.0"
            onChange={(event) => onChange({ amount: event.target.value })}
            onBlur={() => onTouch("amount")}
          />
        )}
      </Field>
    </div>
  );
}

function Erc20Editor({ draft, context, error, id, onTouch, onChange }: Editor<ActionDraft & { kind: "erc20" }>) {
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
      <Field id={id("to")} label="Recipient" error={error("to")}>
        {(control) => (
          <TextInput
            {...control}
            value={draft.to}
            placeholder="0x…"
            className="font-mono"
            onChange={(event) => onChange({ to: event.target.value })}
            onBlur={() => onTouch("to")}
          />
        )}
      </Field>
      <Field
        id={id("amount")}
        label={`Amount${token ? ` (${token.symbol})` : ""}`}
        error={error("amount")}
        hint={token ? `In ${token.symbol}, up to ${token.decimals} decimal places.` : undefined}
      >
        {(control) => (
          <TextInput
            {...control}
            value={draft.amount}
            inputMode="decimal"
            placeholder="0.0"
            onChange={(event) => onChange({ amount: event.target.value })}
            onBlur={() => onTouch("amount")}
          />
        )}
      </Field>
    </div>
  );
}

function ValueField({ draft, context, error, id, onTouch, onChange }: Editor<ActionDraft & { kind: "call" | "raw" }>) {
  const { symbol } = context.native;
  return (
    <Field id={id("value")} label={`${symbol} sent with the call (optional)`} error={error("value")}>
      {(control) => (
        <TextInput
          {...control}
          value={draft.value}
          inputMode="decimal"
          placeholder="0"
          onChange={(event) => onChange({ value: event.target.value })}
          onBlur={() => onTouch("value")}
        />
      )}
    </Field>
  );
}

function CallEditor(props: Editor<ActionDraft & { kind: "call" }>) {
  const { draft, index, describeContext, error, id, onTouch, onChange } = props;
  const contracts = describeContext.contracts;
  const abi = useMemo(
    () => customCallAbi({ abiSource: draft.abiSource, abiJson: draft.abiJson }, index),
    [draft.abiSource, draft.abiJson, index],
  );
  const item = abi.ok && draft.fn ? findFunction(abi.functions, draft.fn) : undefined;
  const sources: KnownAbiId[] = contracts.timelock
    ? ["governor", "token", "timelock", "erc20"]
    : ["governor", "token", "erc20"];
  const knownTargets = sources.flatMap((source) => knownAbiAddress(source, contracts) ?? []);

  function chooseSource(value: string) {
    const abiSource = value as CustomCallDraft["abiSource"];
    const patch: Partial<CustomCallDraft> = { abiSource, fn: "", args: [] };
    const address = abiSource === "pasted" ? null : knownAbiAddress(abiSource, contracts);
    const target = draft.target.trim().toLowerCase();
    if (address && (target === "" || knownTargets.some((known: Address) => known.toLowerCase() === target))) {
      patch.target = address;
    }
    onChange(patch);
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("abiSource")} label="Contract ABI">
          {(control) => (
            <Select {...control} value={draft.abiSource} onChange={(event) => chooseSource(event.target.value)}>
              {sources.map((source) => (
                <option key={source} value={source}>
                  {knownAbis[source].label}
                </option>
              ))}
              <option value="pasted">Paste a JSON ABI…</option>
            </Select>
          )}
        </Field>
        <Field id={id("target")} label="Target contract" error={error("target")}>
          {(control) => (
            <TextInput
              {...control}
              value={draft.target}
              placeholder="0x…"
              className="font-mono"
              onChange={(event) => onChange({ target: event.target.value })}
              onBlur={() => onTouch("target")}
            />
          )}
        </Field>
      </div>
      {draft.abiSource === "pasted" ? (
        <Field
          id={id("abi")}
          label="ABI (JSON)"
          hint="The contract's ABI as JSON: an array of entries, or a build artifact with an “abi” field."
          error={error("abi")}
        >
          {(control) => (
            <TextArea
              {...control}
              value={draft.abiJson}
              rows={4}
              spellCheck={false}
              className="font-mono text-xs"
              placeholder='[{"type":"function","name":"…","inputs":[…],"outputs":[],"stateMutability":"nonpayable"}]'
              onChange={(event) => onChange({ abiJson: event.target.value, fn: "", args: [] })}
              onBlur={() => onTouch("abi")}
            />
          )}
        </Field>
      ) : null}
      {abi.ok ? (
        <Field id={id("fn")} label="Function" error={error("fn")}>
          {(control) => (
            <Select
              {...control}
              value={item ? draft.fn : ""}
              onChange={(event) => {
                const next = findFunction(abi.functions, event.target.value);
                onChange({ fn: event.target.value, args: next ? next.inputs.map(() => "") : [] });
              }}
              onBlur={() => onTouch("fn")}
            >
              <option value="">Choose a function…</option>
              {abi.functions.map((fn) => {
                const signature = toFunctionSignature(fn);
                return (
                  <option key={signature} value={signature}>
                    {signature}
                    {fn.stateMutability === "payable" ? " · payable" : ""}
                  </option>
                );
              })}
            </Select>
          )}
        </Field>
      ) : null}
      {item && item.inputs.length > 0 ? (
        <fieldset className="flex min-w-0 flex-col gap-3 rounded-lg border border-border p-3">
          <legend className="px-1 font-medium text-sm">Arguments of {item.name}</legend>
          {item.inputs.map((parameter, position) => {
            const field = `args.${position}`;
            const json = isJsonType(parameter.type);
            const setArg = (value: string) => {
              const args = item.inputs.map((_, at) => (at === position ? value : (draft.args[at] ?? "")));
              onChange({ args });
            };
            return (
              <Field
                // biome-ignore lint/suspicious/noArrayIndexKey: arguments are positional and never reordered.
                key={position}
                id={id(field)}
                label={parameterLabel(parameter, position)}
                hint={json ? `JSON, e.g. ${inputHint(parameter)}` : undefined}
                error={error(field)}
              >
                {(control) =>
                  json ? (
                    <TextArea
                      {...control}
                      rows={2}
                      spellCheck={false}
                      className="font-mono text-xs"
                      value={draft.args[position] ?? ""}
                      placeholder={inputHint(parameter)}
                      onChange={(event) => setArg(event.target.value)}
                      onBlur={() => onTouch(field)}
                    />
                  ) : (
                    <TextInput
                      {...control}
                      className={parameter.type === "string" ? undefined : "font-mono"}
                      value={draft.args[position] ?? ""}
                      placeholder={inputHint(parameter)}
                      onChange={(event) => setArg(event.target.value)}
                      onBlur={() => onTouch(field)}
                    />
                  )
                }
              </Field>
            );
          })}
        </fieldset>
      ) : null}
      <ValueField {...props} />
    </div>
  );
}

function RawEditor(props: Editor<ActionDraft & { kind: "raw" }>) {
  const { draft, error, id, onTouch, onChange } = props;
  return (
    <div className="flex flex-col gap-4">
      <Field id={id("target")} label="Target" error={error("target")}>
        {(control) => (
          <TextInput
            {...control}
            value={draft.target}
            placeholder="0x…"
            className="font-mono"
            onChange={(event) => onChange({ target: event.target.value })}
            onBlur={() => onTouch("target")}
          />
        )}
      </Field>
      <Field
        id={id("calldata")}
        label="Calldata (hex)"
        hint="The 4-byte function selector followed by the ABI-encoded arguments; empty for a plain transfer."
        error={error("calldata")}
      >
        {(control) => (
          <TextArea
            {...control}
            rows={3}
            spellCheck={false}
            className="break-all font-mono text-xs"
            value={draft.calldata}
            placeholder="0x…"
            onChange={(event) => onChange({ calldata: event.target.value })}
            onBlur={() => onTouch("calldata")}
          />
        )}
      </Field>
      <ValueField {...props} />
    </div>
  );
}

/** What the finished action does, and whether the treasury can pay for it today. */
function Summary({ draft, result, context, describeContext, treasuryEth }: ActionEditorProps) {
  if (!result.ok)
    return <p className="text-muted-foreground text-sm">Complete the fields to see what this action does.</p>;
  const { action } = result;
  let warning: string | null = null;
  if (draft.kind === "eth" && treasuryEth !== null && action.value > treasuryEth) {
    warning = `The treasury holds only ${formatTokenAmount(treasuryEth, context.native.decimals)} ${context.native.symbol} now.`;
  }
  if (draft.kind === "erc20") {
    const token = context.tokens.find((candidate) => candidate.address === action.target);
    // transfer(to, amount): the amount is the calldata's last 32 bytes.
    const amount = BigInt(`0x${action.calldata.slice(-64)}`);
    if (token && BigInt(token.balance) < amount) {
      warning = `The treasury holds only ${formatTokenAmount(BigInt(token.balance), token.decimals)} ${token.symbol} now.`;
    }
  }
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p data-action-summary>
        <span className="font-medium">Does: </span>
        <span className="[overflow-wrap:anywhere]">{describeAction(action, describeContext)}</span>
      </p>
      {warning ? <p className="text-amber-800 dark:text-amber-300">{warning}</p> : null}
    </div>
  );
}

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
      <Summary {...props} />
    </fieldset>
  );
}
