import { describe, expect, it } from "vitest";
import { discussionUrl } from "./discussionUrl";

describe("discussionUrl", () => {
  it("accepts http(s) links, and nothing else", () => {
    expect(discussionUrl("", undefined)).toEqual({ ok: true, value: "" });
    expect(discussionUrl(" https://forum.example.org/t/42 ", undefined)).toEqual({
      ok: true,
      value: "https://forum.example.org/t/42",
    });
    expect(discussionUrl("http://forum.example.org/t/42", [])).toEqual({
      ok: true,
      value: "http://forum.example.org/t/42",
    });
    expect(discussionUrl("javascript:alert(1)", undefined)).toEqual({
      ok: false,
      error: "Discussion URL: must start with https:// (or http://)",
    });
    expect(discussionUrl("forum.example.org/t/1", undefined).ok).toBe(false);
    expect(discussionUrl("https://bank.example@evil.example/", undefined)).toEqual({
      ok: false,
      error: "Discussion URL: is not a valid link (no spaces, hidden characters or user names in it)",
    });
    expect(discussionUrl("https://forum.example.org/t/4\u202e2", undefined).ok).toBe(false);
  });

  it("requires one of the configured forum hosts, exactly", () => {
    const hosts = ["forum.example.org", "gov.example.org"];
    expect(discussionUrl("https://FORUM.example.org/t/42", hosts).ok).toBe(true);
    expect(discussionUrl("https://evil.example/t/42", ["forum.example.org"])).toEqual({
      ok: false,
      error: "Discussion URL: must be on forum.example.org",
    });
    expect(discussionUrl("https://forum.example.org.evil.example/", hosts)).toEqual({
      ok: false,
      error: "Discussion URL: must be on one of forum.example.org, gov.example.org",
    });
    expect(discussionUrl("https://sub.forum.example.org/", hosts).ok).toBe(false);
  });
});
