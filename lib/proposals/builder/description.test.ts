import { describe, expect, it } from "vitest";
import { proposalTitle } from "../proposalTitle";
import { composeDescription, discussionLinkOf, proposalTitleInput } from "./description";

describe("composeDescription", () => {
  it("writes the fixed form: heading, body, discussion line", () => {
    const description = composeDescription({
      title: " Fund the grants program ",
      body: "We ask for **75,000 mUSDC**.\r\n\r\n- item\n\n\n",
      discussionUrl: "https://forum.example.org/t/42",
    });
    expect(description).toBe(
      "# Fund the grants program\n\nWe ask for **75,000 mUSDC**.\n\n- item\n\nDiscussion: https://forum.example.org/t/42",
    );
    expect(proposalTitle(description)).toBe("Fund the grants program");
    expect(discussionLinkOf(description)).toBe("https://forum.example.org/t/42");
  });

  it("leaves out an empty body and an empty link", () => {
    expect(composeDescription({ title: "Signal", body: "  \n", discussionUrl: "" })).toBe("# Signal");
    expect(composeDescription({ title: "Signal", body: "", discussionUrl: "https://f.example/t/1" })).toBe(
      "# Signal\n\nDiscussion: https://f.example/t/1",
    );
    expect(discussionLinkOf("# Signal\n\nNo link here")).toBeUndefined();
  });
});

describe("proposalTitleInput", () => {
  it("requires one line of at most 200 characters", () => {
    expect(proposalTitleInput("  Hi ")).toEqual({ ok: true, value: "Hi" });
    expect(proposalTitleInput(" ")).toEqual({ ok: false, error: "Title: is required" });
    expect(proposalTitleInput("a\nb")).toEqual({ ok: false, error: "Title: must be a single line" });
    expect(proposalTitleInput("x".repeat(201))).toEqual({ ok: false, error: "Title: must be at most 200 characters" });
  });
});
