"use client";
/**
 * The author's view of a draft: the propose form itself (ProposalBuilder, the same fields,
 * previews and checks, the simulated execution of its actions), kept on this device at once and on the server a second after typing
 * stops, with the save status always visible; a share link; and "Submit on-chain", which saves
 * and opens the propose flow pre-filled from the draft.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ProposalBuilder, type ProposalBuilderProps } from "@/components/proposalBuilder/ProposalBuilder";
import { CopyButton } from "@/components/proposals/CopyButton";
import { Button, buttonClass } from "@/components/ui/button";
import type { Draft } from "@/lib/drafts/draftInput";
import { formatDate } from "@/lib/format/formatDate";
import { shortProposalId } from "@/lib/format/shortProposalId";
import { type SaveStatus, useDraftAutosave } from "./useDraftAutosave";

export type DraftEditorProps = {
  draft: Draft;
  builder: Omit<ProposalBuilderProps, "fromDraft" | "formStore" | "submitSection">;
};

function StatusLine({ status }: { status: SaveStatus }) {
  const text =
    status.kind === "saved"
      ? "Saved"
      : status.kind === "saving"
        ? "Saving…"
        : `Not saved: ${status.reason} — kept on this device`;
  return (
    <output
      aria-live="polite"
      aria-label="Save status"
      data-status={status.kind}
      className={
        status.kind === "failed"
          ? "text-amber-800 text-sm dark:text-amber-300"
          : "text-muted-foreground text-sm tabular-nums"
      }
    >
      {text}
    </output>
  );
}

/** @example <DraftEditor draft={draft} builder={{ dao, native, … }} /> */
export function DraftEditor({ draft, builder }: DraftEditorProps) {
  const router = useRouter();
  const slug = builder.dao.slug;
  const autosave = useDraftAutosave(slug, draft);
  const { status } = autosave;
  const [leaving, setLeaving] = useState<string | null>(null);
  const shareUrl = typeof window === "undefined" ? `/${slug}/drafts/${draft.id}` : window.location.href;

  async function submitOnChain() {
    setLeaving(null);
    const saved = await autosave.save();
    if (!saved) {
      setLeaving("Save the draft first (see the status above), then submit it.");
      return;
    }
    router.push(`/${slug}/proposals/new?draft=${draft.id}`);
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-border border-b bg-background/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <StatusLine status={status} />
          {status.kind === "failed" && status.conflict ? (
            <span className="flex flex-wrap gap-2">
              <Button size="sm" variant="secondary" onClick={() => void autosave.keepMine()}>
                Keep this text (overwrite)
              </Button>
              <Button size="sm" variant="secondary" onClick={autosave.loadTheirs}>
                Load the saved text
              </Button>
            </span>
          ) : null}
          {status.kind === "failed" && !status.conflict && !status.signedOut ? (
            <Button size="sm" variant="secondary" onClick={() => void autosave.save()}>
              Retry
            </Button>
          ) : null}
          {status.kind === "failed" && status.signedOut ? (
            <a href={`/${slug}/drafts`} className="text-sm underline underline-offset-2">
              Sign in again
            </a>
          ) : null}
        </div>
        <span className="inline-flex items-center gap-1.5 text-muted-foreground text-sm">
          Share (read-only): <CopyButton value={shareUrl} label="link to this draft" />
        </span>
      </div>

      <ProposalBuilder
        key={autosave.generation}
        {...builder}
        formStore={autosave.formStore}
        submitSection={(built, simulation) => (
          <section
            aria-labelledby="submit-heading"
            className="flex flex-col gap-3 rounded-xl border border-border bg-card p-4 sm:p-5"
          >
            <h2 id="submit-heading" className="font-semibold text-lg">
              Submit on-chain
            </h2>
            {draft.proposalId ? (
              <p className="text-sm">
                Proposed on chain as{" "}
                <Link
                  href={`/${slug}/proposals/${draft.proposalId}`}
                  className="font-medium underline underline-offset-2"
                >
                  proposal #{shortProposalId(draft.proposalId)}
                </Link>
                .
              </p>
            ) : null}
            <p className="text-muted-foreground text-sm">
              Opens the propose form filled in from this draft; you check it, connect your wallet and submit. Once the
              proposal exists, this draft links to it.
              {built.content ? null : " The form still has problems to fix before the governor would accept it."}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <Button onClick={() => void submitOnChain()}>Submit on-chain</Button>
              <Link href={`/${slug}/drafts`} className={buttonClass({ variant: "ghost" })}>
                All my drafts
              </Link>
            </div>
            {leaving ? <p className="text-rose-700 text-sm dark:text-rose-300">{leaving}</p> : null}
            {simulation}
            <p className="text-muted-foreground text-xs">
              Last saved to the server {formatDate(new Date(autosave.lastSaved.updatedAt), { time: true })} (version{" "}
              {autosave.lastSaved.version}).
            </p>
          </section>
        )}
      />
    </div>
  );
}
