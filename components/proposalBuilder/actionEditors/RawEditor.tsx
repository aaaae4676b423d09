"use client";
/** A call given as raw calldata: target, hex calldata and the value sent along. */
import { Field, TextArea } from "@/components/ui/Field";
import type { ActionDraft } from "@/lib/proposals/builder/actions";
import { DraftTextField, type Editor, ValueField } from "./DraftTextField";

/** @example <RawEditor {...editor} draft={draft} /> */
export function RawEditor(editor: Editor<ActionDraft & { kind: "raw" }>) {
  const { draft, error, id, onTouch, onChange } = editor;
  return (
    <div className="flex flex-col gap-4">
      <DraftTextField editor={editor} name="target" label="Target" placeholder="0x…" mono />
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
      <ValueField editor={editor} />
    </div>
  );
}
