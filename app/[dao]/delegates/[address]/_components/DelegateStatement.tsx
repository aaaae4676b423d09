/** A delegate's statement as its page shows it: markdown and links (untrusted), or why there is none. */
import Link from "next/link";
import { Markdown } from "@/components/markdown/Markdown";
import { Card, CardContent } from "@/components/ui/card";
import { revealInvisible } from "@/lib/markdown/invisibleCharacters";
import type { Statement } from "@/lib/statements/statement";
import { linkLabel } from "@/lib/statements/statement";

/** @example <DelegateStatement slug="commons" statement={await readStatement("commons", address)} /> */
export function DelegateStatement({ slug, statement }: { slug: string; statement: Statement | null | "unavailable" }) {
  return (
    <section aria-labelledby="delegate-statement" className="flex flex-col gap-3">
      <h2 id="delegate-statement" className="font-semibold text-lg">
        Statement
      </h2>
      {statement === "unavailable" ? (
        <p className="text-muted-foreground text-sm">The statement cannot be read right now. Try again later.</p>
      ) : statement && (statement.statement.trim() || statement.links.length > 0) ? (
        <Card>
          <CardContent className="flex flex-col gap-4">
            {statement.statement.trim() ? <Markdown>{statement.statement}</Markdown> : null}
            {statement.links.length > 0 ? (
              <ul className="flex flex-col gap-1 text-sm" aria-label="Links">
                {statement.links.map((link) => (
                  <li key={link}>
                    <a
                      href={link}
                      rel="noopener noreferrer nofollow ugc"
                      target="_blank"
                      className="text-accent underline"
                    >
                      {revealInvisible(linkLabel(link))}
                      <span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="text-muted-foreground text-xs">
              Written by this address, signed in with its wallet. Last edited{" "}
              <time dateTime={statement.updatedAt}>{new Date(statement.updatedAt).toUTCString().slice(5, 16)}</time>
              {statement.version > 1 ? ` (version ${statement.version})` : ""}.
            </p>
          </CardContent>
        </Card>
      ) : (
        <p className="text-muted-foreground text-sm">
          No statement yet. If this is your address, write one on{" "}
          <Link href={`/${slug}/account`} className="text-accent underline">
            your account page
          </Link>
          .
        </p>
      )}
    </section>
  );
}
