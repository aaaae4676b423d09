import { describe, expect, it } from "vitest";
import { linkLabel, statementInput, statementSummary } from "./statement";

describe("statementSummary", () => {
  it("turns markdown into one plain line", () => {
    expect(
      statementSummary("## About me\n\nI vote for **public goods** and _open_ source.\n\n- [Forum](https://x.org)\n"),
    ).toBe("About me I vote for public goods and open source. Forum");
    expect(statementSummary("```js\nalert(1)\n```\nHello <b>there</b> `code`")).toBe("Hello there code");
    expect(statementSummary("![img](https://x.org/a.png) text")).toBe("img text");
  });

  it("cuts long text at a word near 140 characters with an ellipsis", () => {
    const summary = statementSummary("word ".repeat(100));
    expect(summary.length).toBeLessThanOrEqual(141);
    expect(summary.endsWith("word…")).toBe(true);
    expect(statementSummary("")).toBe("");
  });
});

describe("statementInput", () => {
  it("accepts http(s) links and defaults links to none", () => {
    expect(statementInput.parse({ statement: "hi" })).toEqual({ statement: "hi", links: [] });
    expect(statementInput.safeParse({ statement: "hi", links: ["http://a.org", "https://b.org/x"] }).success).toBe(
      true,
    );
    expect(statementInput.safeParse({ statement: "hi", links: ["data:text/html,x"] }).success).toBe(false);
  });
});

describe("linkLabel", () => {
  it("leads with the host", () => {
    expect(linkLabel("https://forum.example.org/t/alice?x=1")).toBe("forum.example.org/t/alice?x=1");
    expect(linkLabel("https://example.org/")).toBe("example.org");
  });
});
