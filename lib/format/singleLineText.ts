/**
 * Untrusted text shown as one line outside the markdown renderer — a draft's title (in lists and
 * the page's <title>), a search echoed back — made safe the way proposal titles are
 * (lib/proposals/proposalTitle.ts): control characters become spaces, characters that reorder or
 * hide text (bidi overrides and isolates, direction marks, zero-width characters, the BOM, tag
 * characters… see lib/markdown/invisibleCharacters.ts) are dropped, whitespace is collapsed.
 */
import { isInvisibleCharacter } from "../markdown/invisibleCharacters";

function isControl(codePoint: number): boolean {
  return codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** proposalTitle's set: also the soft hyphen and the zero-width (non-)joiners, which a title never needs. */
function isHidden(codePoint: number): boolean {
  return codePoint === 0xad || (codePoint >= 0x200b && codePoint <= 0x200f) || isInvisibleCharacter(codePoint);
}

/**
 * @example singleLineText("Pay \u202Eevil\u202C  now\n") // "Pay evil now"
 */
export function singleLineText(text: string): string {
  let out = "";
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (isControl(codePoint)) out += " ";
    else if (!isHidden(codePoint)) out += character;
  }
  return out.replace(/\s+/g, " ").trim();
}
