/**
 * Where a proposal is discussed: the link its description carries (the `Discussion: <url>` line
 * the propose flow writes, lib/proposals/builder/description), the links its proposer added
 * afterwards (each signed by the proposer; the signature is kept and shown on demand), and the
 * Commons draft it was written in. Each link shows its host before the reader clicks, opens
 * without referrer or opener, and is marked nofollow (it is user content).
 */
import Link from "next/link";
import type { ReactNode } from "react";
import type { Draft } from "@/lib/drafts/draftInput";
import { draftTitle } from "@/lib/drafts/draftInput";
import { formatDate } from "@/lib/format/formatDate";
import { discussionUrl } from "@/lib/proposals/builder/discussionUrl";
import { type DiscussionLink, linkHost } from "@/lib/proposals/discussionLinks";
import { Section } from "./Section";

export type DiscussionSectionProps = {
  slug: string;
  proposalId: string;
  /** The description's `Discussion:` link, if any. */
  descriptionLink: string | undefined;
  /** Links the proposer added; "unavailable" when the app's store did not answer. */
  links: DiscussionLink[] | "unavailable";
  drafts: Draft[];
  forumHosts: readonly string[];
};

function ExternalLink({ url, note }: { url: string; note: ReactNode }) {
  return (
    <li className="flex flex-col gap-0.5">
      <span className="flex flex-wrap items-baseline gap-x-2">
        <span className="rounded bg-muted px-1.5 py-0.5 font-medium font-mono text-xs" data-testid="link-host">
          {linkHost(url)}
        </span>
        <a
          href={url}
          rel="noopener noreferrer nofollow"
          target="_blank"
          className="min-w-0 break-all text-sm underline underline-offset-2"
        >
          {url}
        </a>
      </span>
      <span className="text-muted-foreground text-xs">{note}</span>
    </li>
  );
}

/** @example <DiscussionSection slug="commons" proposalId={id} descriptionLink={link} links={links} drafts={drafts} forumHosts={[]} /> */
export function DiscussionSection({
  slug,
  proposalId,
  descriptionLink,
  links,
  drafts,
  forumHosts,
}: DiscussionSectionProps) {
  // The description's link comes from the chain: show it only when it is a plain http(s) link.
  const fromDescription = descriptionLink && discussionUrl(descriptionLink, undefined).ok ? descriptionLink : undefined;
  const offForum =
    fromDescription && forumHosts.length > 0 && !discussionUrl(fromDescription, forumHosts).ok
      ? ` — not on ${forumHosts.join(" or ")}`
      : "";
  const added = links === "unavailable" ? [] : links.filter((link) => link.url !== fromDescription);
  const draft = drafts[0];
  return (
    <Section id="discussion" title="Discussion">
      <div className="flex flex-col gap-3">
        {fromDescription || added.length > 0 ? (
          <ul className="flex flex-col gap-3" aria-label="Discussion links">
            {fromDescription ? (
              <ExternalLink url={fromDescription} note={`From the proposal’s description${offForum}`} />
            ) : null}
            {added.map((link) => (
              <ExternalLink
                key={link.url}
                url={link.url}
                note={
                  <>
                    Added by the proposer {formatDate(new Date(link.createdAt))} ·{" "}
                    <span title={`Signature by ${link.signer}: ${link.signature}`}>signed</span>
                  </>
                }
              />
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground text-sm">No discussion link.</p>
        )}
        {links === "unavailable" ? (
          <p className="text-muted-foreground text-sm">Links added after creation cannot be shown right now.</p>
        ) : null}
        {draft ? (
          <p className="text-sm">
            Written as a Commons draft:{" "}
            <Link href={`/${slug}/drafts/${draft.id}`} className="font-medium underline underline-offset-2">
              {draftTitle(draft)}
            </Link>
          </p>
        ) : null}
        <Link
          href={`/${slug}/proposals/${proposalId}/discussion`}
          className="w-fit text-muted-foreground text-sm underline underline-offset-2 hover:text-foreground"
        >
          Add a discussion link (proposer)
        </Link>
      </div>
    </Section>
  );
}
