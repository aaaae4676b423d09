/**
 * Untrusted text (a vote reason, a token symbol) shown as plain text: React escapes it, and the
 * characters a reader could not see or that would reorder the line (controls, bidi overrides,
 * zero-width characters) are replaced by visible "U+202E"-style markers. No HTML, no markdown.
 */
import { cn } from "@/lib/format/cn";
import { revealHiddenCharacters } from "@/lib/format/revealHiddenCharacters";

/** @example <RevealedText text={vote.reason} className="whitespace-pre-wrap" /> */
export function RevealedText({ text, className }: { text: string; className?: string }) {
  return (
    <bdi className={cn("break-words", className)}>
      {revealHiddenCharacters(text).map((part, index) =>
        part.kind === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder.
          <span key={index}>{part.value}</span>
        ) : (
          <abbr
            // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder.
            key={index}
            title={`Hidden character: ${part.label}`}
            className="mx-px rounded bg-amber-100 px-1 font-mono text-[0.7em] text-amber-900 no-underline dark:bg-amber-950 dark:text-amber-200"
          >
            {part.label.split(" ")[0]}
          </abbr>
        ),
      )}
    </bdi>
  );
}
