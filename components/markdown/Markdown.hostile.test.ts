/**
 * The description renderer (components/markdown/Markdown) against hostile input, rendered to
 * static HTML as the server sends it. Whatever the input, the output may only contain the
 * elements and attributes GFM produces, links to http(s)/mailto (or in-page footnotes), no image
 * sources and no event handlers. (Here rather than beside the component because vitest runs
 * lib/**\/*.test.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

const allowedTags = new Set([
  "a",
  "blockquote",
  "br",
  "button",
  "code",
  "del",
  "div",
  "em",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "input",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "span",
  "strong",
  "sup",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "ul",
]);
const allowedAttributes = new Set([
  "aria-describedby",
  "checked",
  "class",
  "data-footnote-backref",
  "data-footnote-ref",
  "data-footnotes",
  "dir",
  "disabled",
  "href",
  "id",
  "readonly",
  "rel",
  "start",
  "style",
  // Ours, always "0": a scrollable code block takes keyboard focus.
  "tabindex",
  "target",
  "title",
  "type",
]);

function render(markdown: string): string {
  return renderToStaticMarkup(createElement(Markdown, null, markdown));
}

function decodeEntities(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

type Tag = { name: string; attributes: [string, string][] };

/** Every start tag of the markup. React escapes `<`, `>` and quotes in text and attribute values. */
function tagsOf(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)].map((match) => ({
    name: (match[1] ?? "").toLowerCase(),
    attributes: [...(match[2] ?? "").matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map((attribute): [string, string] => [
      (attribute[1] ?? "").toLowerCase(),
      decodeEntities(attribute[2] ?? ""),
    ]),
  }));
}

/** Asserts nothing executable, loadable or unsafe survived; returns the tags for further checks. */
function expectInert(html: string): Tag[] {
  // Nothing that looks like markup was left half-parsed either.
  expect(html.replace(/<\/?[a-zA-Z][^<>]*>/g, "")).not.toMatch(/[<>]/);
  const tags = tagsOf(html);
  for (const tag of tags) {
    expect(allowedTags, `<${tag.name}>`).toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(allowedAttributes, `<${tag.name} ${name}>`).toContain(name);
      expect(name).not.toMatch(/^on/);
      if (name === "tabindex") expect(`${tag.name}=${value}`).toBe("pre=0");
      if (name === "href") expect(value).toMatch(/^(https?:\/\/[^\s]+|mailto:[^\s]+|#user-content-[\w-]+)$/);
      if (name === "style") expect(value).toMatch(/^text-align:(left|right|center)$/);
      if (name === "type") expect(value).toMatch(/^(checkbox|button)$/);
    }
    if (tag.name === "a" && tag.attributes.some(([name, value]) => name === "href" && /^https?:/.test(value))) {
      expect(tag.attributes).toContainEqual(["rel", "noopener noreferrer nofollow"]);
    }
  }
  return tags;
}

const hrefs = (tags: Tag[]) =>
  tags.flatMap((tag) => tag.attributes.filter(([name]) => name === "href").map(([, value]) => value));

describe("Markdown renderer: hostile HTML", () => {
  it.each([
    "<script>alert(1)</script>",
    "<style>body { display: none }</style>",
    '<iframe src="https://example.com/phish" width="800"></iframe>',
    '<form action="https://example.com/steal"><input name="seed"><button>Send</button></form>',
    "<svg onload=alert(4)><circle r=40 /></svg>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(2)" onclick="alert(3)">Claim</a>',
    '<object data="https://example.com/x.swf"></object><embed src="x">',
    '<meta http-equiv="refresh" content="0;url=https://example.com"><link rel=stylesheet href=x><base href="https://evil.example/">',
    '<div style="position:fixed;inset:0;z-index:9999">You have been phished</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<!-- <script>alert(1)</script> -->",
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "Inline <b onmouseover=alert(1)>bold</b> and <span style=color:red>red</span>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<textarea><script>alert(1)</script></textarea><xmp><script>alert(1)</script></xmp>",
  ])("shows %j as text", (markdown) => {
    const html = render(markdown);
    const tags = expectInert(html);
    expect(tags.map((tag) => tag.name)).not.toContain("button");
    // The markup is visible to the reader, as text.
    expect(html).toContain("&lt;");
  });

  it("renders the demo's hostile description inertly", () => {
    const hostile = readFileSync(join(import.meta.dirname, "../../scripts/demo/descriptions/hostile.md"), "utf8");
    const html = render(hostile);
    const tags = expectInert(html);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(hrefs(tags)).toEqual([]);
    // The tracking pixel is a placeholder naming its host, not an image.
    expect(html).toContain("Load image from example.com");
  });
});

describe("Markdown renderer: hostile links", () => {
  it.each([
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(document.cookie))",
    "[x](<java\tscript:alert(1)>)",
    "[x](java&#9;script:alert(1))",
    "[x](java&#x0A;script:alert(1))",
    "[x](\u0000javascript:alert(1))",
    "[x](&#0;javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;&#x76;&#x61;script:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](VbScRiPt:msgbox(1))",
    "[x](\u200bjavascript:alert(1))",
    "[x](file:///etc/passwd)",
    "[x](//evil.example)",
    "[x](/relative)",
    "[x](https://bank.example@evil.example/)",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[x][ref]\n\n[ref]: <data:text/html,<script>alert(1)</script>>",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  ])("makes %j inert", (markdown) => {
    const tags = expectInert(render(markdown));
    expect(hrefs(tags)).toEqual([]);
  });

  it("keeps http(s) and mailto links clickable, opening in a new tab without referrer", () => {
    const tags = expectInert(
      render("[forum](https://forum.example.org/t/1) <mailto:dao@example.org> www.example.org https://a.example/b"),
    );
    expect(hrefs(tags)).toEqual([
      "https://forum.example.org/t/1",
      "mailto:dao@example.org",
      "http://www.example.org/",
      "https://a.example/b",
    ]);
    const forum = tags.find((tag) => tag.attributes.some(([, value]) => value === "https://forum.example.org/t/1"));
    expect(forum?.attributes).toContainEqual(["target", "_blank"]);
  });

  it("links a clickable image to nothing it could run", () => {
    const html = render("[![chart](https://img.example/c.png)](javascript:alert(1))");
    const tags = expectInert(html);
    expect(hrefs(tags)).toEqual([]);
    expect(html).toContain("Load image from img.example");
  });
});

describe("Markdown renderer: code, GFM and text", () => {
  it("keeps HTML in a code block's language label out of attributes", () => {
    const html = render('```"><script>alert(1)</script>\nconst a = 1;\n```\n\n``` onload=alert(1)\nx\n```');
    const tags = expectInert(html);
    const classes = tags.flatMap((tag) => tag.attributes.filter(([name]) => name === "class").map(([, v]) => v));
    expect(classes.join(" ")).not.toMatch(/script|onload|"/);
    expect(html).toContain("const a = 1;");
  });

  it("keeps a plain language label", () => {
    expect(render("```solidity\ncontract A {}\n```")).toContain("language-solidity");
  });

  it("renders GFM: tables, task lists, strikethrough, footnotes", () => {
    const html = render(
      "| Item | Cost |\n|:--|--:|\n| Audit | 40,000 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ new[^1]\n\n[^1]: A note.",
    );
    const tags = expectInert(html);
    const names = tags.map((tag) => tag.name);
    expect(names).toEqual(expect.arrayContaining(["table", "th", "td", "input", "del", "sup", "section"]));
    expect(hrefs(tags).every((href) => href.startsWith("#user-content-"))).toBe(true);
    // Every in-page link has its target, and every id carries GFM's prefix.
    const ids = tags.flatMap((tag) => tag.attributes.filter(([name]) => name === "id").map(([, value]) => value));
    expect(ids.every((id) => id.startsWith("user-content-"))).toBe(true);
    for (const href of hrefs(tags)) expect(ids).toContain(href.slice(1));
  });

  it("demotes headings below the page's h1 and h2", () => {
    const html = render("# One\n\n## Two\n\n###### Six");
    expect(html).toMatch(/<h3[^>]*>One<\/h3>/);
    expect(html).toMatch(/<h4[^>]*>Two<\/h4>/);
    expect(html).toMatch(/<h6[^>]*>Six<\/h6>/);
    expect(html).not.toMatch(/<h[12]/);
  });

  it("makes bidi and control characters visible, in text and in code", () => {
    const html = render("Send to \u202eevil\u202c now\u0007\n\n```\naccess = \u2067admin\u2069\n```");
    expect(html).toContain("⟨U+202E⟩");
    expect(html).toContain("⟨U+202C⟩");
    expect(html).toContain("⟨U+0007⟩");
    expect(html).toContain("⟨U+2067⟩");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting the control character is gone.
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0007]/);
  });
});

describe("Markdown renderer: size", () => {
  it("renders a 1 MB description, cut to what it can render", () => {
    const paragraph = "Some **bold** text, a [link](https://example.org), `code` and a list:\n\n- one\n- two\n\n";
    const description = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const started = performance.now();
    const html = render(description);
    expectInert(html);
    expect(html).toMatch(/The last [\d,]+ characters are not shown here/);
    // Generous for a loaded CI machine; the point is that the work is bounded, not quadratic.
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it.each([
    ["nested quotes", ">".repeat(1_000_000)],
    ["nested lists", `${"- ".repeat(500_000)}x`],
    ["emphasis", "**a".repeat(333_333)],
    ["invisible characters", "\u202e".repeat(1_000_000)],
    ["brackets", "[".repeat(1_000_000)],
  ])("renders 1 MB of %s quickly and inertly", (_, description) => {
    const started = performance.now();
    const html = render(description);
    expectInert(html);
    expect(html.length).toBeLessThan(2_000_000);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
