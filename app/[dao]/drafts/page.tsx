/**
 * "My drafts": the signed-in address's proposal drafts in this DAO, most recently edited first,
 * and a button to start one. Drafts belong to a wallet (Sign-In with Ethereum): without a session
 * the page offers to sign in.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignInPrompt } from "@/components/auth/SignInPrompt";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { draftTitle } from "@/lib/drafts/draftInput";
import { formatDate } from "@/lib/format/formatDate";
import { shortAddress } from "@/lib/format/shortAddress";
import { shortProposalId } from "@/lib/format/shortProposalId";
import { pageSessionAddress } from "@/lib/server/auth";
import { loadMyDrafts } from "@/lib/server/drafts";
import { loadDao } from "@/lib/server/loadDao";
import { NewDraftButton } from "./_components/NewDraftButton";

type Props = { params: Promise<{ dao: string }> };

// A person's own list: nothing for a search engine (./[id] says the same of each draft).
export const metadata: Metadata = { title: "My drafts", robots: { index: false, follow: false } };

export default async function MyDraftsPage({ params }: Props) {
  const { dao: slug } = await params;
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return null;
  const address = await pageSessionAddress();
  const drafts = address ? await loadMyDrafts(slug, address) : null;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-semibold text-2xl tracking-tight">My drafts</h1>
          <p className="mt-1 text-muted-foreground text-sm">
            Proposals you are still writing. Share a draft’s link for feedback; submit it on-chain when it is ready.
          </p>
        </div>
        {address ? <NewDraftButton slug={slug} /> : null}
      </div>
      {address === null ? (
        <div className="flex flex-col gap-3 rounded-xl border border-border p-4 sm:p-5">
          <p className="text-sm">
            Drafts belong to your wallet. Sign in (a free signature, no transaction) to see yours and start one.
          </p>
          <SignInPrompt chainId={loaded.config.chainId} />
        </div>
      ) : drafts === "unavailable" ? (
        <Alert tone="error" title="Drafts are unavailable">
          The app’s database did not answer. Reload the page in a moment.
        </Alert>
      ) : (
        <>
          <p className="text-muted-foreground text-sm">Signed in as {shortAddress(address)}.</p>
          {drafts && drafts.length > 0 ? (
            <ul className="flex flex-col divide-y divide-border rounded-xl border border-border" aria-label="Drafts">
              {drafts.map((draft) => (
                <li key={draft.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
                  <Link
                    href={`/${slug}/drafts/${draft.id}`}
                    className="min-w-0 break-words font-medium hover:underline [overflow-wrap:anywhere]"
                  >
                    {draftTitle(draft)}
                  </Link>
                  <span className="flex flex-wrap items-center gap-2 text-muted-foreground text-sm">
                    {draft.proposalId ? (
                      <Badge variant="success">Proposed #{shortProposalId(draft.proposalId)}</Badge>
                    ) : null}
                    <time dateTime={draft.updatedAt}>
                      edited {formatDate(new Date(draft.updatedAt), { time: true })}
                    </time>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="rounded-xl border border-border border-dashed p-4 text-muted-foreground text-sm">
              No drafts yet. Start one with “New draft”.
            </p>
          )}
        </>
      )}
    </div>
  );
}
