import { describe, expect, it } from "vitest";
import { defaultMarkdownLimits, prepareMarkdown } from "./prepareMarkdown";

describe("prepareMarkdown", () => {
  it("renders an ordinary description whole, as markdown", () => {
    const text = "# Fund grants\n\n- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| **1** | _2_ |\n";
    expect(prepareMarkdown(text)).toEqual({ mode: "markdown", text, omitted: 0 });
  });

  it("cuts a long text at a line break before the limit", () => {
    const line = `${"word ".repeat(19)}\n`;
    const text = line.repeat(20_000);
    const prepared = prepareMarkdown(text);
    expect(prepared.mode).toBe("markdown");
    expect(prepared.text.length).toBeLessThanOrEqual(defaultMarkdownLimits.characters);
    expect(prepared.text.endsWith("word ")).toBe(true);
    expect(prepared.text.length + prepared.omitted).toBe(text.length);
  });

  it("never splits a surrogate pair", () => {
    const text = "😀".repeat(40_000);
    const prepared = prepareMarkdown(text);
    expect(prepared.text.length % 2).toBe(0);
    expect(prepared.text.length + prepared.omitted).toBe(text.length);
  });

  it.each([
    ["deep quotes", ">".repeat(20_000), /nests more than/],
    ["deep inline lists", `${"- ".repeat(50)}x`, /nests more than/],
    ["deep ordered lists", `${"1. ".repeat(50)}x`, /nests more than/],
    ["indented lists", Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n"), /nests more than/],
    ["many quotes", "> x\n\n".repeat(1_000), /more than 500 quotes or nested list items/],
    ["many nested list items", "- a\n  - b\n".repeat(1_000), /more than 500 quotes or nested list items/],
    ["many list items", "- x\n".repeat(6_000), /more than 5,000 list items/],
    ["emphasis runs", "**a".repeat(5_000), /emphasis markers/],
    ["nested emphasis", `${"*".repeat(5_000)}a${"*".repeat(5_000)}`, /emphasis markers/],
  ])("shows %s as plain text", (_, text, reason) => {
    const prepared = prepareMarkdown(text);
    expect(prepared.mode).toBe("text");
    expect(prepared.reason).toMatch(reason);
  });

  it("does not count markers inside fenced code", () => {
    const code = `\`\`\`\n${"> - * _ ~\n".repeat(3_000)}\`\`\`\n\nAfter the code.`;
    expect(prepareMarkdown(code).mode).toBe("markdown");
  });

  it("counts a multi-line quote once", () => {
    expect(prepareMarkdown("> quoted line\n".repeat(2_000)).mode).toBe("markdown");
  });

  it("counts emphasis per paragraph, not per document", () => {
    const text = "Some **bold** and _italic_ words.\n\n".repeat(1_000);
    expect(prepareMarkdown(text).mode).toBe("markdown");
  });
});
