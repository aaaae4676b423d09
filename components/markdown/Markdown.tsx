/**
 * Untrusted markdown (a proposal's description) rendered on the server as GitHub-flavoured
 * markdown, safely: raw HTML is shown as text, only http(s)/mailto links are clickable (and open
 * in a new tab without referrer or opener), images wait for the reader's click, invisible and bidi
 * characters show as markers, headings are demoted below the page's own. The work is bounded
 * (lib/markdown/prepareMarkdown): a very long text is cut, a pathological one shown as plain text.
 * No markdown code ships to the browser; the only client code is the image placeholder's button.
 *
 * (Imports are relative so the renderer can be unit-tested by vitest, which has no `@/` alias.)
 */
import type { ReactElement } from "react";
import ReactMarkdown, { type Components, type UrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "../../lib/format/cn";
import { revealInvisible } from "../../lib/markdown/invisibleCharacters";
import { prepareMarkdown } from "../../lib/markdown/prepareMarkdown";
import { rehypeSafeText } from "../../lib/markdown/rehypeSafeText";
import { safeImageUrl, safeLinkUrl } from "../../lib/markdown/safeUrl";
import { RemoteImage } from "./RemoteImage";
import { InvisibleMarker, SafeText } from "./SafeText";

/** Footnote links GFM generates (`#user-content-fn-1`) stay in-page links. */
const footnoteHref = /^#user-content-[A-Za-z0-9_-]{1,80}$/;

const urlTransform: UrlTransform = (url, key, node) => {
  if (key === "href" && node.tagName === "a") return footnoteHref.test(url) ? url : safeLinkUrl(url);
  if (key === "src" && node.tagName === "img") return safeImageUrl(url);
  return null;
};

// Everything mdast-util-to-hast can produce from GFM, plus the plugin's marker spans. Raw HTML
// never becomes elements (it is text), so this list is a second line of defence.
const allowedElements = [
  "a",
  "blockquote",
  "br",
  "code",
  "del",
  "em",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "img",
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
];

const heading = {
  h3: "mt-6 mb-3 font-semibold text-xl first:mt-0",
  h4: "mt-6 mb-2 font-semibold text-lg first:mt-0",
  h5: "mt-5 mb-2 font-semibold text-base first:mt-0",
  h6: "mt-4 mb-2 font-semibold text-muted-foreground text-sm first:mt-0",
} as const;

const components: Components = {
  // The page's title is the h1 and its sections are h2: the description's headings go below them.
  h1: ({ children }) => <h3 className={heading.h3}>{children}</h3>,
  h2: ({ children }) => <h4 className={heading.h4}>{children}</h4>,
  h3: ({ children }) => <h5 className={heading.h5}>{children}</h5>,
  h4: ({ children }) => <h6 className={heading.h6}>{children}</h6>,
  h5: ({ children }) => <h6 className={heading.h6}>{children}</h6>,
  h6: ({ children }) => <h6 className={heading.h6}>{children}</h6>,
  p: ({ children }) => <p className="my-3 first:mt-0 last:mb-0">{children}</p>,
  a: ({ href, children, id }) => {
    if (href && footnoteHref.test(href)) {
      return (
        <a href={href} id={id} className="text-accent underline underline-offset-2">
          {children}
        </a>
      );
    }
    if (!href) {
      return (
        <span title="Only http(s) and mailto links are made clickable">
          {children} <span className="text-muted-foreground text-xs">(link removed)</span>
        </span>
      );
    }
    return (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        title={revealInvisible(href)}
        className="text-accent underline underline-offset-2 hover:no-underline"
      >
        {children}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    );
  },
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <RemoteImage src={src} alt={alt ?? ""} />
    ) : (
      <span className="text-muted-foreground text-sm">[image not shown{alt ? `: ${revealInvisible(alt)}` : ""}]</span>
    ),
  // The only spans are rehypeSafeText's markers for invisible characters.
  span: ({ children }) => <InvisibleMarker marker={typeof children === "string" ? children : "⟨?⟩"} />,
  ul: ({ children, className }) => (
    <ul className={cn("my-3 list-disc pl-6", className === "contains-task-list" && "list-none pl-1")}>{children}</ul>
  ),
  ol: ({ children, start }) => (
    <ol start={start} className="my-3 list-decimal pl-6">
      {children}
    </ol>
  ),
  // Footnotes link to their item by id (prefixed "user-content-" by GFM, so it cannot clobber the page's).
  li: ({ children, id }) => (
    <li id={id} className="my-1">
      {children}
    </li>
  ),
  input: ({ checked }) => (
    <input type="checkbox" checked={Boolean(checked)} disabled readOnly className="mr-1.5 align-middle" />
  ),
  blockquote: ({ children }) => (
    <blockquote className="my-3 border-border border-l-4 pl-4 text-muted-foreground">{children}</blockquote>
  ),
  pre: ({ children }) => (
    // Focusable, so a keyboard can scroll a long line into view (WCAG 2.1.1; axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access.
    <pre tabIndex={0} className="my-3 overflow-x-auto rounded-lg bg-muted p-3 text-[0.8125rem] leading-relaxed">
      {children}
    </pre>
  ),
  code: ({ children, className }) => (
    <code className={cn("rounded bg-muted px-1 py-0.5 font-mono text-[0.8125rem] [pre_&]:p-0", className)}>
      {children}
    </code>
  ),
  table: ({ children }) => (
    <div className="my-3 overflow-x-auto">
      <table className="w-full border-collapse text-sm">{children}</table>
    </div>
  ),
  th: ({ children, style }) => (
    <th style={style} className="border border-border bg-muted px-3 py-1.5 text-left font-semibold">
      {children}
    </th>
  ),
  td: ({ children, style }) => (
    <td style={style} className="border border-border px-3 py-1.5 align-top">
      {children}
    </td>
  ),
  hr: () => <hr className="my-6 border-border" />,
  section: ({ children }) => <section className="mt-6 border-border border-t pt-4 text-sm">{children}</section>,
  sup: ({ children }) => <sup>{children}</sup>,
};

/** Parses and converts now (ReactMarkdown is a plain function of its options), so the result can be cached. */
function render(markdown: string): ReactElement {
  return ReactMarkdown({
    children: markdown,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSafeText],
    urlTransform,
    components,
    allowedElements,
    unwrapDisallowed: true,
  });
}

// Descriptions never change once on chain, and parsing a long one costs real time: keep the
// rendered trees of the last few long ones (React elements are immutable, so they can be reused).
const cache = new Map<string, ReactElement>();
const cacheSize = 32;
const cacheFrom = 4_000;

function renderCached(markdown: string): ReactElement {
  if (markdown.length < cacheFrom) return render(markdown);
  const element = cache.get(markdown) ?? render(markdown);
  cache.delete(markdown);
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
  cache.set(markdown, element);
  return element;
}

export type MarkdownProps = {
  children: string;
  className?: string;
  /** Where the full text can be read when it is too long to render here. */
  fullTextHref?: string;
};

/** @example <Markdown fullTextHref={`${path}/description`}>{proposal.description}</Markdown> */
export function Markdown({ children, className, fullTextHref }: MarkdownProps) {
  const prepared = prepareMarkdown(children);
  return (
    <div className={cn("min-w-0 text-sm leading-relaxed [overflow-wrap:anywhere] sm:text-base", className)}>
      {prepared.mode === "markdown" ? (
        renderCached(prepared.text)
      ) : (
        <>
          <p className="mb-3 text-muted-foreground text-xs">
            Shown as plain text: {prepared.reason}, more than this page renders as markdown.
          </p>
          <SafeText as="div">{prepared.text}</SafeText>
        </>
      )}
      {prepared.omitted > 0 ? (
        <p className="mt-4 border-border border-t pt-3 text-muted-foreground text-xs">
          The last {prepared.omitted.toLocaleString("en-US")} characters are not shown here.{" "}
          {fullTextHref ? (
            <a href={fullTextHref} className="text-accent underline underline-offset-2">
              Read the full text
            </a>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
