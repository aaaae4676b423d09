"use client";
/** Creates an empty draft on the server and opens its editor. Failures are said next to the button. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export type NewDraftButtonProps = { slug: string };

/** @example <NewDraftButton slug="commons" /> */
export function NewDraftButton({ slug }: NewDraftButtonProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function create() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/daos/${slug}/drafts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "", body: "", discussionUrl: "", actions: [], nextId: 1 }),
      });
      const answer = (await response.json().catch(() => ({}))) as { draft?: { id: string }; error?: string };
      if (!response.ok || !answer.draft) {
        setError(answer.error ?? `The server answered ${response.status}.`);
        return;
      }
      router.push(`/${slug}/drafts/${answer.draft.id}`);
    } catch {
      setError("No connection to the server. Try again.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col items-start gap-1">
      <Button onClick={() => void create()} disabled={busy}>
        {busy ? "Creating…" : "New draft"}
      </Button>
      {error ? (
        <p role="alert" className="text-rose-700 text-sm dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
