import { describe, expect, it } from "vitest";
import { invisibleMarker, isInvisibleCharacter, revealInvisible, splitInvisible } from "./invisibleCharacters";

describe("isInvisibleCharacter", () => {
  it("flags controls, bidi overrides and isolates, zero-width and tag characters", () => {
    for (const codePoint of [0x00, 0x07, 0x1b, 0x7f, 0x85, 0x061c, 0x200b, 0x200e, 0x202a, 0x202e, 0x2066, 0x2069]) {
      expect(isInvisibleCharacter(codePoint), codePoint.toString(16)).toBe(true);
    }
    expect(isInvisibleCharacter(0xfeff)).toBe(true);
    expect(isInvisibleCharacter(0xe0041)).toBe(true);
  });

  it("keeps layout whitespace and joiners that scripts and emoji need", () => {
    for (const codePoint of [0x09, 0x0a, 0x0d, 0x20, 0x41, 0x200c, 0x200d, 0x05d0, 0x1f600]) {
      expect(isInvisibleCharacter(codePoint), codePoint.toString(16)).toBe(false);
    }
  });
});

describe("revealInvisible", () => {
  it("replaces each invisible character with a marker", () => {
    expect(revealInvisible("evil\u202etxt.exe")).toBe("evil⟨U+202E⟩txt.exe");
    expect(revealInvisible("a\u0000b\u200bc")).toBe("a⟨U+0000⟩b⟨U+200B⟩c");
    expect(revealInvisible("tag\u{e0041}")).toBe("tag⟨U+E0041⟩");
  });

  it("leaves ordinary text, newlines and emoji alone", () => {
    const text = "Line one\n\tLine two 👨‍👩‍👧 שלום";
    expect(revealInvisible(text)).toBe(text);
  });

  it("agrees with isInvisibleCharacter on every BMP code point", () => {
    for (let codePoint = 0; codePoint <= 0xffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      const revealed = revealInvisible(character) !== character;
      expect(revealed, codePoint.toString(16)).toBe(isInvisibleCharacter(codePoint));
    }
  });
});

describe("splitInvisible", () => {
  it("splits text around markers, in order", () => {
    expect(splitInvisible("a\u202eb")).toEqual(["a", { codePoint: 0x202e, count: 1, marker: "⟨U+202E⟩" }, "b"]);
    expect(splitInvisible("plain")).toEqual(["plain"]);
    expect(splitInvisible("")).toEqual([]);
  });

  it("folds a run of the same character into one marker", () => {
    const parts = splitInvisible(`x${"\u200b".repeat(1_000_000)}\u202ey`);
    expect(parts).toEqual([
      "x",
      { codePoint: 0x200b, count: 1_000_000, marker: `${invisibleMarker(0x200b)}×1000000` },
      { codePoint: 0x202e, count: 1, marker: "⟨U+202E⟩" },
      "y",
    ]);
  });
});
