import { describe, expect, it } from "vitest";
import { draftTitle } from "./draftInput";

describe("draftTitle", () => {
  it("shows a draft's title without bidi overrides or invisible characters, like a proposal title", () => {
    expect(draftTitle({ title: "Fund \u202egnirts\u202c grants\u200b" })).toBe("Fund gnirts grants");
    expect(draftTitle({ title: "\u2066\u200f " })).toBe("Untitled draft");
    expect(draftTitle({ title: "Fund grants" })).toBe("Fund grants");
  });
});
