"use client";
/**
 * Autosave for the draft editor: every change is written to this device at once (localStorage,
 * lib/drafts/localDraft) and to the server one second after typing stops, naming the version it
 * was based on. The status says which: "Saving…", "Saved", or "Not saved: <reason> — kept on this
 * device" (the server refused it, the connection is down, the sign-in expired, or the draft was
 * saved elsewhere since: then the author picks which text to keep). Leaving the page sends what
 * is pending (keepalive); coming back online retries.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Draft, DraftFields } from "@/lib/drafts/draftInput";
import { readLocalDraft, startingPoint, writeLocalDraft } from "@/lib/drafts/localDraft";
import { type FormState, type FormStore, formFromJson } from "@/lib/proposals/builder/formState";

export type SaveStatus =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "failed"; reason: string; conflict?: Draft; signedOut?: boolean };

const debounceMs = 1_000;

function fieldsOf(form: FormState): DraftFields {
  return {
    title: form.title,
    body: form.body,
    discussionUrl: form.discussionUrl,
    actions: form.actions,
    nextId: form.nextId,
  };
}

export function formOfDraft(draft: Draft): FormState {
  return fieldsOf(draft as FormState);
}

/** The fields as JSON with keys sorted (the server's jsonb does not keep key order), for comparing texts. */
function canonical(form: FormState): string {
  return JSON.stringify(fieldsOf(form), (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * @example
 * const autosave = useDraftAutosave(slug, draft);
 * <ProposalBuilder key={autosave.generation} formStore={autosave.formStore} … />
 */
export function useDraftAutosave(slug: string, draft: Draft) {
  const url = `/api/daos/${slug}/drafts/${draft.id}`;
  const version = useRef(draft.version);
  const savedJson = useRef(canonical(formOfDraft(draft)));
  const latest = useRef<FormState | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<boolean> | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved" });
  const [lastSaved, setLastSaved] = useState<{ version: number; updatedAt: string }>({
    version: draft.version,
    updatedAt: draft.updatedAt,
  });
  // The builder is remounted (a new `generation`) when the author loads the server's text.
  const [start, setStart] = useState<{ form: FormState; generation: number } | null>(null);

  const keepLocally = useCallback(
    (form: FormState, synced: boolean) =>
      writeLocalDraft(draft.id, { form, baseVersion: version.current, editedAt: Date.now(), synced }),
    [draft.id],
  );

  /** Sends the latest text unless the server has it; true when the server has it afterwards. */
  const save = useCallback(
    async (options: { keepalive?: boolean } = {}): Promise<boolean> => {
      window.clearTimeout(timer.current);
      while (inflight.current) await inflight.current;
      const form = latest.current;
      if (!form) return true;
      const fields = fieldsOf(form);
      const json = canonical(form);
      if (json === savedJson.current) {
        setStatus({ kind: "saved" });
        return true;
      }
      setStatus({ kind: "saving" });
      const attempt = (async (): Promise<boolean> => {
        try {
          const body = JSON.stringify({ ...fields, version: version.current });
          const response = await fetch(url, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body,
            keepalive: Boolean(options.keepalive) && body.length < 60_000,
          });
          const answer = (await response.json().catch(() => ({}))) as { draft?: Draft; error?: string };
          if (response.ok && answer.draft) {
            version.current = answer.draft.version;
            savedJson.current = json;
            setLastSaved({ version: answer.draft.version, updatedAt: answer.draft.updatedAt });
            const current = latest.current ? canonical(latest.current) : json;
            if (current === json) {
              keepLocally(form, true);
              setStatus({ kind: "saved" });
            } else {
              // Typed while saving: keep going.
              timer.current = window.setTimeout(() => void save(), debounceMs);
            }
            return current === json;
          }
          if (response.status === 409 && answer.draft && canonical(formOfDraft(answer.draft)) === json) {
            // Saved already (e.g. by this page's keepalive save as the tab closed): nothing differs.
            version.current = answer.draft.version;
            savedJson.current = json;
            setLastSaved({ version: answer.draft.version, updatedAt: answer.draft.updatedAt });
            keepLocally(form, true);
            setStatus({ kind: "saved" });
            return true;
          }
          if (response.status === 409 && answer.draft) {
            setStatus({ kind: "failed", reason: "it was saved elsewhere since", conflict: answer.draft });
          } else if (response.status === 401) {
            setStatus({ kind: "failed", reason: "your sign-in has expired; sign in again", signedOut: true });
          } else {
            setStatus({ kind: "failed", reason: answer.error ?? `the server answered ${response.status}` });
          }
          return false;
        } catch {
          setStatus({ kind: "failed", reason: "no connection to the server" });
          return false;
        }
      })();
      inflight.current = attempt;
      try {
        return await attempt;
      } finally {
        inflight.current = null;
      }
    },
    [url, keepLocally],
  );

  const formStore: FormStore = useMemo(
    () => ({
      read() {
        if (start) return start.form;
        const local = readLocalDraft(draft.id, formFromJson);
        const chosen = startingPoint(local, {
          form: formOfDraft(draft),
          version: draft.version,
          updatedAt: draft.updatedAt,
        });
        return chosen.form;
      },
      write(form) {
        latest.current = form;
        const synced = canonical(form) === savedJson.current;
        const kept = keepLocally(form, synced);
        if (synced) {
          window.clearTimeout(timer.current);
          return;
        }
        if (!kept) setStatus({ kind: "failed", reason: "this device's storage is full or disabled" });
        else setStatus((previous) => (previous.kind === "failed" && previous.conflict ? previous : { kind: "saving" }));
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void save(), debounceMs);
      },
      // The editor keeps the draft after a proposal; nothing to clear.
      clear() {},
    }),
    [draft, start, keepLocally, save],
  );

  /** After a 409: keep this device's text (overwrite the newer save). */
  const keepMine = useCallback(async () => {
    if (status.kind !== "failed" || !status.conflict) return;
    version.current = status.conflict.version;
    await save();
  }, [status, save]);

  /** After a 409: load the text saved elsewhere (this device's edits are dropped). */
  const loadTheirs = useCallback(() => {
    if (status.kind !== "failed" || !status.conflict) return;
    const theirs = status.conflict;
    const form = formOfDraft(theirs);
    version.current = theirs.version;
    savedJson.current = canonical(form);
    latest.current = form;
    writeLocalDraft(draft.id, { form, baseVersion: theirs.version, editedAt: Date.now(), synced: true });
    setLastSaved({ version: theirs.version, updatedAt: theirs.updatedAt });
    setStart((previous) => ({ form, generation: (previous?.generation ?? 0) + 1 }));
    setStatus({ kind: "saved" });
  }, [status, draft.id]);

  // Leaving the page (tab hidden, closed, navigated away): send what is pending.
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === "hidden") void save({ keepalive: true });
    };
    const retry = () => void save();
    document.addEventListener("visibilitychange", flush);
    window.addEventListener("online", retry);
    return () => {
      document.removeEventListener("visibilitychange", flush);
      window.removeEventListener("online", retry);
      window.clearTimeout(timer.current);
    };
  }, [save]);

  return { status, save, keepMine, loadTheirs, lastSaved, formStore, generation: start?.generation ?? 0 };
}
