/**
 * Characters that change how text reads without being seen: C0/C1 controls, bidi embeddings,
 * overrides and isolates (the "Trojan Source" trick), direction marks, zero-width spaces, line
 * separators and Unicode tag characters. Untrusted text (descriptions, reasons, string arguments)
 * is shown with each of them replaced by a visible marker such as ⟨U+202E⟩, so a reader sees
 * exactly what was written and nothing reorders the page around it.
 */

/** A piece of text: plain characters, or a run of one invisible character to show as a marker. */
export type TextPart = string | { codePoint: number; count: number; marker: string };

/**
 * Whether a code point is one Commons makes visible. Tab, line feed and carriage return are kept
 * (they lay text out); the zero-width joiner and non-joiner are kept (emoji sequences, Persian and
 * Indic scripts need them).
 *
 * @example isInvisibleCharacter(0x202e) // true (RIGHT-TO-LEFT OVERRIDE)
 */
export function isInvisibleCharacter(codePoint: number): boolean {
  if (codePoint <= 0x1f) return codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d;
  return (
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x061c ||
    codePoint === 0x115f ||
    codePoint === 0x1160 ||
    codePoint === 0x180e ||
    codePoint === 0x200b ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2064) ||
    (codePoint >= 0x2066 && codePoint <= 0x206f) ||
    codePoint === 0x3164 ||
    codePoint === 0xfeff ||
    codePoint === 0xffa0 ||
    (codePoint >= 0xfff9 && codePoint <= 0xfffb) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe007f)
  );
}

const invisiblePattern =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's purpose.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

/**
 * The marker shown in place of an invisible character.
 *
 * @example invisibleMarker(0x202e) // "⟨U+202E⟩"
 */
export function invisibleMarker(codePoint: number): string {
  return `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/**
 * Splits text into plain runs and invisible characters, in order, so a renderer can style the
 * markers. A run of the same invisible character is one part ("⟨U+200B⟩×40"), so a text of a
 * million of them stays small. Linear in the length of the text.
 *
 * @example splitInvisible("a\u202eb") // ["a", { codePoint: 0x202e, count: 1, marker: "⟨U+202E⟩" }, "b"]
 */
export function splitInvisible(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(invisiblePattern)) {
    const index = match.index;
    const codePoint = match[0].codePointAt(0) ?? 0;
    const previous = parts.at(-1);
    if (index === last && typeof previous === "object" && previous.codePoint === codePoint) {
      previous.count += 1;
      previous.marker = `${invisibleMarker(codePoint)}×${previous.count}`;
    } else {
      if (index > last) parts.push(text.slice(last, index));
      parts.push({ codePoint, count: 1, marker: invisibleMarker(codePoint) });
    }
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * Text with every invisible character replaced by its marker, for places that take a plain
 * string (titles, attributes, copied text).
 *
 * @example revealInvisible("evil\u202etxt.exe") // "evil⟨U+202E⟩txt.exe"
 */
export function revealInvisible(text: string): string {
  return text.replace(invisiblePattern, (character) => invisibleMarker(character.codePointAt(0) ?? 0));
}
