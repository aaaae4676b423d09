import { describe, expect, it } from "vitest";
import { safeImageUrl, safeLinkUrl } from "./safeUrl";

describe("safeLinkUrl", () => {
  it("passes absolute http(s) and mailto URLs, normalised", () => {
    expect(safeLinkUrl("https://forum.example.org/t/42?x=1&y=2#post")).toBe(
      "https://forum.example.org/t/42?x=1&y=2#post",
    );
    expect(safeLinkUrl("HTTP://Example.ORG")).toBe("http://example.org/");
    expect(safeLinkUrl("mailto:council@example.org")).toBe("mailto:council@example.org");
    expect(safeLinkUrl("https://例え.jp/")).toBe("https://xn--r8jz45g.jp/");
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    " javascript:alert(1)",
    "\u200bjavascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "VbScRiPt:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.org/uuid",
    "//evil.example/path",
    "/relative/path",
    "#anchor",
    "?q=1",
    "https://bank.example@evil.example/",
    "https://user:pass@evil.example/",
    "https:evil.example",
    "https://",
    "mailto:",
    "https://exa mple.org/",
    "https://example.org/\u202egpj.exe",
    "",
    `https://example.org/${"a".repeat(3000)}`,
  ])("refuses %j", (url) => {
    expect(safeLinkUrl(url)).toBeNull();
  });
});

describe("safeImageUrl", () => {
  it("passes http(s) images only", () => {
    expect(safeImageUrl("https://example.org/chart.png")).toBe("https://example.org/chart.png");
    expect(safeImageUrl("mailto:a@example.org")).toBeNull();
    expect(safeImageUrl("data:image/svg+xml,<svg onload=alert(1)>")).toBeNull();
    expect(safeImageUrl("javascript:alert(1)")).toBeNull();
  });
});
