/**
 * Splits untrusted text (vote reasons, names) into plain runs and the characters a reader could
 * not see or that would reorder what they see: C0/C1 controls, bidirectional overrides and
 * isolates, zero-width characters, line separators. A renderer shows each hidden one as a visible
 * marker ("U+202E") instead of letting it act. Newlines and tabs stay text.
 */

export type TextPart = { kind: "text"; value: string } | { kind: "hidden"; codePoint: number; label: string };

const names: Record<number, string> = {
  0: "NULL",
  27: "ESCAPE",
  13: "CARRIAGE RETURN",
  127: "DELETE",
  1564: "ARABIC LETTER MARK",
  8203: "ZERO WIDTH SPACE",
  8204: "ZERO WIDTH NON-JOINER",
  8205: "ZERO WIDTH JOINER",
  8206: "LEFT-TO-RIGHT MARK",
  8207: "RIGHT-TO-LEFT MARK",
  8232: "LINE SEPARATOR",
  8233: "PARAGRAPH SEPARATOR",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8288: "WORD JOINER",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
  65279: "ZERO WIDTH NO-BREAK SPACE",
};

/** C0 controls except tab and newline, DEL, C1 controls, and the invisible/bidi characters above. */
function isHidden(codePoint: number): boolean {
  if (codePoint === 0x09 || codePoint === 0x0a) return false;
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x061c ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2064) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0xfeff
  );
}

/**
 * The code point as "U+XXXX".
 *
 * @example codePointLabel(0x202e) // "U+202E"
 */
function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * @example
 * revealHiddenCharacters("abc\u202Edef")
 * // [{ kind: "text", value: "abc" }, { kind: "hidden", codePoint: 0x202e, label: "U+202E RIGHT-TO-LEFT OVERRIDE" }, { kind: "text", value: "def" }]
 */
export function revealHiddenCharacters(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let run = "";
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (!isHidden(codePoint)) {
      run += character;
      continue;
    }
    if (run) parts.push({ kind: "text", value: run });
    run = "";
    const name = names[codePoint];
    parts.push({
      kind: "hidden",
      codePoint,
      label: name ? `${codePointLabel(codePoint)} ${name}` : codePointLabel(codePoint),
    });
  }
  if (run) parts.push({ kind: "text", value: run });
  return parts;
}
