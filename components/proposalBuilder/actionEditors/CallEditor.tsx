"use client";
/**
 * A contract call: an ABI (the DAO's own contracts', ERC-20's or pasted JSON), the target, a
 * function of that ABI and one checked input per argument, and the value sent along.
 */
import { useMemo } from "react";
import { type Address, toFunctionSignature } from "viem";
import { Field, Select, TextArea, TextInput } from "@/components/ui/Field";
import { type ActionDraft, type CustomCallDraft, customCallAbi, findFunction } from "@/lib/proposals/builder/actions";
import { type KnownAbiId, knownAbiAddress, knownAbis } from "@/lib/proposals/builder/knownAbis";
import { inputHint, isJsonType, parameterLabel } from "@/lib/proposals/builder/parseArgument";
import { DraftTextField, type Editor, ValueField } from "./DraftTextField";

/** @example <CallEditor {...editor} draft={draft} /> */
export function CallEditor(editor: Editor<ActionDraft & { kind: "call" }>) {
  const { draft, index, describeContext, error, id, onTouch, onChange } = editor;
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
        <DraftTextField editor={editor} name="target" label="Target contract" placeholder="0x…" mono />
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
      <ValueField editor={editor} />
    </div>
  );
}
