/**
 * Untrusted plain text (a vote's reason, a string argument, a description shown as text): never
 * parsed as markdown or HTML, line breaks kept, long words wrapped, and invisible or bidi
 * characters shown as markers (⟨U+202E⟩) so they can neither hide nor reorder text. `dir="auto"`
 * with bidi isolation keeps right-to-left text from reordering what surrounds it.
 */
import { cn } from "../../lib/format/cn";
import { splitInvisible } from "../../lib/markdown/invisibleCharacters";

export type SafeTextProps = { children: string; className?: string; as?: "p" | "span" | "div" };

/** An invisible character, made visible. */
export function InvisibleMarker({ marker }: { marker: string }) {
  return (
    <span
      className="rounded bg-amber-100 px-0.5 font-mono text-amber-900 text-xs dark:bg-amber-950 dark:text-amber-200"
      title="An invisible or direction-changing character, shown so it cannot hide or reorder text"
    >
      {marker}
    </span>
  );
}

/** @example <SafeText className="text-sm">{vote.reason}</SafeText> */
export function SafeText({ children, className, as: Tag = "span" }: SafeTextProps) {
  return (
    <Tag dir="auto" className={cn("whitespace-pre-wrap [overflow-wrap:anywhere] [unicode-bidi:isolate]", className)}>
      {splitInvisible(children).map((part, index) =>
        typeof part === "string" ? (
          part
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are static text, never reordered.
          <InvisibleMarker key={index} marker={part.marker} />
        ),
      )}
    </Tag>
  );
}
