/**
 * The propose form's state: exactly what was typed (never parsed values, so nothing is lost or
 * reformatted), changed only through `formReducer`, and kept in sessionStorage per DAO so a
 * reload, a failed or rejected submit, or a trip to another page in the same tab loses nothing.
 * The draft is removed once the proposal is on chain.
 */
import { type ActionDraft, type ActionKind, emptyAction } from "@/lib/proposals/builder/actions";
import type { ProposalForm } from "@/lib/proposals/builder/buildProposal";

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

export function draftStorageKey(slug: string): string {
  return `commons:proposal-draft:${slug}`;
}

const kinds = new Set(["eth", "erc20", "call", "raw"]);
const abiSources = new Set(["governor", "token", "timelock", "erc20", "pasted"]);
const isString = (value: unknown): value is string => typeof value === "string";

/** A stored draft, checked field by field (sessionStorage is the page's own, but may be from an older version). */
export function readDraft(slug: string): FormState | null {
  try {
    const raw = window.sessionStorage.getItem(draftStorageKey(slug));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<FormState>;
    if (!isString(value.title) || !isString(value.body) || !isString(value.discussionUrl)) return null;
    if (!Array.isArray(value.actions) || typeof value.nextId !== "number") return null;
    const actions = value.actions.filter(
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
          const stored = (action as Record<string, unknown>)[key];
          const fits = Array.isArray(base[key]) ? Array.isArray(stored) && stored.every(isString) : isString(stored);
          return [key, fits ? stored : base[key]];
        }),
      );
      if (fields.kind === "call" && !abiSources.has(fields.abiSource as string)) fields.abiSource = "governor";
      return fields as ActionDraft;
    });
    return {
      title: value.title,
      body: value.body,
      discussionUrl: value.discussionUrl,
      actions: restored,
      nextId: value.nextId,
    };
  } catch {
    return null;
  }
}

export function writeDraft(slug: string, state: FormState): void {
  try {
    const empty = state.title === "" && state.body === "" && state.discussionUrl === "" && state.actions.length === 0;
    if (empty) window.sessionStorage.removeItem(draftStorageKey(slug));
    else window.sessionStorage.setItem(draftStorageKey(slug), JSON.stringify(state));
  } catch {
    // Storage full or disabled: the form still works, it just will not survive a reload.
  }
}

export function clearDraft(slug: string): void {
  try {
    window.sessionStorage.removeItem(draftStorageKey(slug));
  } catch {
    // Nothing to do.
  }
}
