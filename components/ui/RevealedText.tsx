/**
 * Untrusted text (a vote reason, a token symbol) shown as plain text: React escapes it, and the
 * characters a reader could not see or that would reorder the line are shown as markers. The
 * directory, delegate, treasury and about pages share the proposal page's SafeText, so there is
 * one rule for what counts as hidden.
 */
import { SafeText } from "@/components/markdown/SafeText";

/** @example <RevealedText text={vote.reason} className="whitespace-pre-wrap" /> */
export function RevealedText({ text, className }: { text: string; className?: string }) {
  return <SafeText className={className}>{text}</SafeText>;
}
