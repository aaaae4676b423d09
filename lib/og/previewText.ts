/**
 * Untrusted text (a proposal title, a DAO name) made safe for a link-preview image drawn by
 * next/og. next/og's renderer asks Google Fonts or a CDN for any character its bundled font (Geist,
 * Latin) lacks, and for every emoji; this app makes no such requests. So only characters the font
 * has are kept (printable ASCII, Latin-1 and Latin Extended-A letters, common typographic
 * punctuation); others, including invisible and direction-changing ones, are dropped, and the
 * result is clipped. A text with next to nothing left (a title in another script) falls back to a
 * plain label; the page's own metadata still carries the full title.
 */

/** Characters the bundled font draws without fetching anything. */
const drawable = /[\u0020-\u007E\u00A0-\u017F\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC]/u;

/**
 * @example previewText("Fund the grants 🚀 program", 80) // "Fund the grants program"
 * @example previewText("资助计划", 80, "Proposal 12") // "Proposal 12"
 */
export function previewText(text: string, maxLength: number, fallback = ""): string {
  const kept = Array.from(text.normalize("NFC"))
    .map((character) => (drawable.test(character) ? character : " "))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  if ((kept.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) return fallback;
  const characters = Array.from(kept);
  return characters.length > maxLength
    ? `${characters
        .slice(0, maxLength - 1)
        .join("")
        .trimEnd()}…`
    : kept;
}
