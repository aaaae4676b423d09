/**
 * The propose form's state: exactly what was typed (never parsed values, so nothing is lost or
 * reformatted), changed only through `formReducer`, and kept in sessionStorage per DAO so a
 * reload, a failed or rejected submit, or a trip to another page in the same tab loses nothing.
 * The draft is removed once the proposal is on chain. A saved draft (app/[dao]/drafts) keeps the
 * same state on the server and in localStorage through its own `FormStore`.
 */
import { type ActionDraft, type ActionKind, emptyAction } from "./actions";
import type { ProposalForm } from "./buildProposal";

export type FormState = ProposalForm & { nextId: number };

export type FormEvent =
  | { type: "set"; field: "title" | "body" | "discussionUrl"; value: string }
  | { type: "add"; kind: ActionKind }
  | { type: "update"; id: string; patch: Partial<ActionDraft> }
  | { type: "remove"; id: string }
  | { type: "move"; id: string; by: -1 | 1 }
  | { type: "restore"; state: FormState }
  | { type: "clear" };

export const emptyForm: FormState = { title: "", body: "", discussionUrl: "", actions: [], nextId: 1 };

export function formReducer(state: FormState, event: FormEvent): FormState {
  switch (event.type) {
    case "set":
      return { ...state, [event.field]: event.value };
    case "add":
      return {
        ...state,
        actions: [...state.actions, emptyAction(event.kind, `a${state.nextId}`)],
        nextId: state.nextId + 1,
      };
    case "update":
      return {
        ...state,
        actions: state.actions.map((action) =>
          action.id === event.id
            ? ({ ...action, ...event.patch, id: action.id, kind: action.kind } as ActionDraft)
            : action,
        ),
      };
    case "remove":
      return { ...state, actions: state.actions.filter((action) => action.id !== event.id) };
    case "move": {
      const from = state.actions.findIndex((action) => action.id === event.id);
      const to = from + event.by;
      if (from < 0 || to < 0 || to >= state.actions.length) return state;
      const actions = [...state.actions];
      const [moved] = actions.splice(from, 1);
      if (moved) actions.splice(to, 0, moved);
      return { ...state, actions };
    }
    case "restore":
      return event.state;
    case "clear":
      return emptyForm;
  }
}

/** The tab's form for a DAO; proposing from a saved draft keeps its own (`draftId`). */
export function draftStorageKey(slug: string, draftId?: string): string {
  return draftId ? `commons:proposal-draft:${slug}:${draftId}` : `commons:proposal-draft:${slug}`;
}

/**
 * Where a builder keeps its form. By default the tab's sessionStorage per DAO; the draft editor
 * passes its own (localStorage per draft, plus the server).
 */
export type FormStore = {
  /** The form to start from, read once after mount; null for an empty form. */
  read(): FormState | null;
  /** Called with every change (after the first read). */
  write(form: FormState): void;
  /** Called once the proposal is on chain. */
  clear(): void;
};

/** @example sessionFormStore("commons") // the propose page's default */
export function sessionFormStore(slug: string, draftId?: string, initial?: FormState | null): FormStore {
  const key = draftStorageKey(slug, draftId);
  return {
    read: () => readDraft(slug, key) ?? initial ?? null,
    write: (form) => writeDraft(slug, form, key),
    clear: () => clearDraft(slug, key),
  };
}

const kinds = new Set(["eth", "erc20", "call", "raw"]);
const abiSources = new Set(["governor", "token", "timelock", "erc20", "pasted"]);
const isString = (value: unknown): value is string => typeof value === "string";

/**
 * A form from stored JSON (sessionStorage, localStorage or a saved draft), checked field by field:
 * storage is the page's own but may hold an older version's shape. null when it is not a form.
 */
export function formFromJson(value: unknown): FormState | null {
  if (value === null || typeof value !== "object") return null;
  const stored = value as Partial<FormState>;
  if (!isString(stored.title) || !isString(stored.body) || !isString(stored.discussionUrl)) return null;
  if (!Array.isArray(stored.actions) || typeof stored.nextId !== "number") return null;
  const actions = stored.actions.filter(
    (action): action is ActionDraft =>
      action !== null &&
      typeof action === "object" &&
      isString((action as ActionDraft).id) &&
      kinds.has((action as ActionDraft).kind),
  );
  const restored = actions.map((action) => {
    const base = emptyAction(action.kind, action.id) as Record<string, unknown>;
    const fields = Object.fromEntries(
      Object.keys(base).map((key) => {
        const kept = (action as Record<string, unknown>)[key];
        const fits = Array.isArray(base[key]) ? Array.isArray(kept) && kept.every(isString) : isString(kept);
        return [key, fits ? kept : base[key]];
      }),
    );
    if (fields.kind === "call" && !abiSources.has(fields.abiSource as string)) fields.abiSource = "governor";
    return fields as ActionDraft;
  });
  return {
    title: stored.title,
    body: stored.body,
    discussionUrl: stored.discussionUrl,
    actions: restored,
    nextId: stored.nextId,
  };
}

/** The form kept in this tab for `slug` (or under another `key`), or null. */
export function readDraft(slug: string, key = draftStorageKey(slug)): FormState | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    return raw ? formFromJson(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function writeDraft(slug: string, state: FormState, key = draftStorageKey(slug)): void {
  try {
    const empty = state.title === "" && state.body === "" && state.discussionUrl === "" && state.actions.length === 0;
    if (empty) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, JSON.stringify(state));
  } catch {
    // Storage full or disabled: the form still works, it just will not survive a reload.
  }
}

export function clearDraft(slug: string, key = draftStorageKey(slug)): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
