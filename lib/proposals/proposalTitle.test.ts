import { describe, expect, it } from "vitest";
import { proposalSummary, proposalTitle } from "./proposalTitle";

describe("proposalTitle", () => {
  it("takes the first top-level heading", () => {
    expect(proposalTitle("# Fund the grants program\n\nDetails follow.")).toBe("Fund the grants program");
    expect(proposalTitle("![banner](https://x.test/b.png)\n\n# [EP 5.1] Renew the *steward* budget #")).toBe(
      "[EP 5.1] Renew the steward budget",
    );
    expect(proposalTitle("Preamble line\n# Real title")).toBe("Real title");
  });

  it("falls back to the first non-empty line", () => {
    expect(proposalTitle("\n\n   Upgrade the bridge  \nmore")).toBe("Upgrade the bridge");
    expect(proposalTitle("Do X\n\n## Summary\nbecause")).toBe("Do X");
    expect(proposalTitle("## Only a section\ntext")).toBe("Only a section");
  });

  it("strips markdown markers but keeps words intact", () => {
    expect(proposalTitle("# **Bold** _em_ `code` ~~old~~ [link](https://x.test)")).toBe("Bold em code old link");
    expect(proposalTitle("Fix issue #42 in snake_case_name")).toBe("Fix issue #42 in snake_case_name");
    expect(proposalTitle("> quoted title")).toBe("quoted title");
    expect(proposalTitle("1. Listed title")).toBe("Listed title");
  });

  it("removes HTML tags as text instead of rendering them", () => {
    expect(proposalTitle('# <img src=x onerror="alert(1)">Pay <b>me</b><script>steal()</script>')).toBe(
      "Pay mesteal()",
    );
    expect(proposalTitle("<!-- hidden -->\nVisible")).toBe("Visible");
    expect(proposalTitle("1 < 2 and 3 > 2")).toBe("1 < 2 and 3 > 2");
  });

  it("removes control and bidi characters and collapses whitespace", () => {
    expect(proposalTitle("# Send\u202e 100 ETH\u202c to\u200b us\u2066\u2069")).toBe("Send 100 ETH to us");
    expect(proposalTitle("Tab\tseparated\u0000 and\u0007 bell")).toBe("Tab separated and bell");
    expect(proposalTitle("\ufeff# BOM first")).toBe("BOM first");
    expect(proposalTitle("first\u2028second")).toBe("first");
  });

  it("bounds the length to 200 characters", () => {
    const title = proposalTitle(`# ${"word ".repeat(100)}`);
    expect(Array.from(title)).toHaveLength(200);
    expect(title.endsWith("…")).toBe(true);
    expect(proposalTitle(`# ${"😀".repeat(300)}`)).toBe(`${"😀".repeat(199)}…`);
  });

  it("names empty and markup-only descriptions", () => {
    expect(proposalTitle("")).toBe("Untitled proposal");
    expect(proposalTitle("  \n\t\n")).toBe("Untitled proposal");
    expect(proposalTitle("#\n***\n<br>\n\u202e")).toBe("Untitled proposal");
  });

  it("stays fast on hostile input", () => {
    const started = performance.now();
    proposalTitle(`${"[".repeat(1_000_000)}\n${"<a".repeat(500_000)}\n${"\n".repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("proposalSummary", () => {
  it("is the plain text after the title, without the discussion line, bounded", () => {
    expect(
      proposalSummary(
        "# Fund grants\n\nWe ask for **50k** to fund [grants](https://x).\n\n## Why\n\nBecause.\n\nDiscussion: https://forum.example/t/1",
      ),
    ).toBe("We ask for 50k to fund grants. Why Because.");
    expect(proposalSummary("# Only a title")).toBe("");
    expect(Array.from(proposalSummary(`# T\n\n${"word ".repeat(100)}`))).toHaveLength(200);
    expect(proposalSummary("# T\n\n<script>alert(1)</script>hi\u202E")).toBe("alert(1)hi");
  });
});
