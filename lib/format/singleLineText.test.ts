import { describe, expect, it } from "vitest";
import { proposalTitle } from "../proposals/proposalTitle";
import { singleLineText } from "./singleLineText";

describe("singleLineText", () => {
  it("drops what reorders or hides text and turns controls into spaces, as proposal titles do", () => {
    const hostile = "Pay\u202e gnirts\u202c \u200bthe\u2066 team\u2069\u0000now\ufeff\u{e0041}";
    expect(singleLineText(hostile)).toBe("Pay gnirts the team now");
    expect(singleLineText(hostile)).toBe(proposalTitle(`# ${hostile.replace("\u{e0041}", "")}`));
  });

  it("keeps ordinary text, emoji and other scripts", () => {
    expect(singleLineText("  Fund 🌱 grants — تمويل  ")).toBe("Fund 🌱 grants — تمويل");
  });
});
