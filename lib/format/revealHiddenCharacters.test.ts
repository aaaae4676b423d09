import { describe, expect, it } from "vitest";
import { revealHiddenCharacters } from "./revealHiddenCharacters";

const hiddenLabels = (text: string) =>
  revealHiddenCharacters(text)
    .filter((part) => part.kind === "hidden")
    .map((part) => (part.kind === "hidden" ? part.label.split(" ")[0] : ""));

describe("revealHiddenCharacters", () => {
  it("leaves ordinary text, newlines, tabs and emoji alone", () => {
    const text = "Voting for: it's fine.\n\tSecond line — ünïcödé 🎉 עברית";
    expect(revealHiddenCharacters(text)).toEqual([{ kind: "text", value: text }]);
    expect(revealHiddenCharacters("")).toEqual([]);
  });

  it("marks bidi overrides and isolates, naming them", () => {
    expect(revealHiddenCharacters("abc\u202Etxt.exe")).toEqual([
      { kind: "text", value: "abc" },
      { kind: "hidden", codePoint: 0x202e, label: "U+202E RIGHT-TO-LEFT OVERRIDE" },
      { kind: "text", value: "txt.exe" },
    ]);
    expect(hiddenLabels("\u2066a\u2067b\u2068c\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c")).toEqual([
      "U+2066",
      "U+2067",
      "U+2068",
      "U+2069",
      "U+202A",
      "U+202B",
      "U+202C",
      "U+202D",
      "U+200E",
      "U+200F",
      "U+061C",
    ]);
  });

  it("marks controls, zero-width characters and separators", () => {
    expect(hiddenLabels("a\u0000b\u0007c\u001bd\re\u007ff\u0085g\u009bh")).toEqual([
      "U+0000",
      "U+0007",
      "U+001B",
      "U+000D",
      "U+007F",
      "U+0085",
      "U+009B",
    ]);
    expect(hiddenLabels("x\u200by\u200cz\u200d\u2060\ufeff\u2028\u2029")).toEqual([
      "U+200B",
      "U+200C",
      "U+200D",
      "U+2060",
      "U+FEFF",
      "U+2028",
      "U+2029",
    ]);
  });

  it("keeps every character: joining the parts' text and markers restores the input", () => {
    const text = "a\u202eb\u0000c";
    const rebuilt = revealHiddenCharacters(text)
      .map((part) => (part.kind === "text" ? part.value : String.fromCodePoint(part.codePoint)))
      .join("");
    expect(rebuilt).toBe(text);
  });
});
