"use client";
/**
 * What every action editor is given, and the one field they all repeat: a labelled text input
 * bound to a string field of the draft, showing its error once touched.
 */
import type { InputHTMLAttributes } from "react";
import { Field, TextInput } from "@/components/ui/Field";
import type { ActionDraft, BuilderContext, EncodeResult } from "@/lib/proposals/builder/actions";
import type { DescribeContext } from "@/lib/proposals/builder/describeAction";

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

/** An editor of one kind of action: the props, narrowed to its draft, with the field's error and id. */
export type Editor<D extends ActionDraft> = Omit<ActionEditorProps, "draft"> & {
  draft: D;
  error: (field: string) => string | null;
  id: (field: string) => string;
};

/** The draft's fields that hold text (all but `kind` and `args`). */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

export type DraftTextFieldProps<D extends ActionDraft> = {
  editor: Editor<D>;
  /** The draft's field, also the field name of its error and id ("to", "amount"). */
  name: TextKey<D>;
  label: string;
  hint?: string;
  className?: string;
  /** Addresses and hex: monospaced. */
  mono?: boolean;
  placeholder?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>["inputMode"];
};

/**
 * @example <DraftTextField editor={props} name="to" label="Recipient" placeholder="0x…" mono />
 */
export function DraftTextField<D extends ActionDraft>({
  editor,
  name,
  label,
  hint,
  className,
  mono,
  placeholder,
  inputMode,
}: DraftTextFieldProps<D>) {
  const { draft, error, id, onTouch, onChange } = editor;
  return (
    <Field id={id(name)} label={label} error={error(name)} hint={hint} className={className}>
      {(control) => (
        <TextInput
          {...control}
          value={draft[name] as string}
          placeholder={placeholder}
          inputMode={inputMode}
          className={mono ? "font-mono" : undefined}
          onChange={(event) => onChange({ [name]: event.target.value } as Partial<ActionDraft>)}
          onBlur={() => onTouch(name)}
        />
      )}
    </Field>
  );
}

/** The ETH (native currency) a call or raw action sends along. */
export function ValueField({ editor }: { editor: Editor<ActionDraft & { kind: "call" | "raw" }> }) {
  return (
    <DraftTextField
      editor={editor}
      name="value"
      label={`${editor.context.native.symbol} sent with the call (optional)`}
      placeholder="0"
      inputMode="decimal"
    />
  );
}
