/**
 * What a proposal draft holds, and the checks every write of one goes through (on the server; the
 * editor shows the same messages). A draft is the propose form's state saved by its author: a
 * title, a markdown body, a discussion URL and the builder's actions exactly as typed (never
 * encoded, so nothing is lost or reformatted), plus `nextId` (the builder's counter for action ids).
 *
 * Limits: title ≤ 200 characters (one line), body ≤ 50,000, ≤ 20 actions, each action's fields
 * bounded, the discussion URL checked like the propose form's (http/https; on a configured forum
 * host). A draft may be unfinished: an empty title, an action with empty fields are fine; what
 * would not fit a proposal at all is refused. Every message names its field.
 */

import { singleLineText } from "../format/singleLineText";
import type { ActionDraft } from "../proposals/builder/actions";
import { maxActions } from "../proposals/builder/buildProposal";
import { maxDescriptionLength, maxTitleLength } from "../proposals/builder/description";
import { discussionUrl } from "../proposals/builder/discussionUrl";

export const maxDraftTitle = maxTitleLength;
export const maxDraftBody = maxDescriptionLength;
export const maxDraftActions = maxActions;
/** A pasted ABI or raw calldata can be long; anything else an action holds is short. */
const maxLongField = 100_000;
const maxShortField = 2_000;
const maxArgs = 64;
/** Largest request body a draft write accepts (the fields above, as JSON, with room to spare). */
export const maxDraftRequestBytes = 1_000_000;

/** The part of a draft its author edits. */
export type DraftFields = {
  title: string;
  body: string;
  discussionUrl: string;
  actions: ActionDraft[];
  nextId: number;
};

/** A draft as the API returns it. */
export type Draft = DraftFields & {
  id: string;
  dao: string;
  /** Lowercase 0x address of whoever created it. */
  author: string;
  /** Set once the proposal exists on chain (decimal string). */
  proposalId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type DraftInputResult = { ok: true; value: DraftFields } | { ok: false; field: string; message: string };

const actionFields: Readonly<Record<ActionDraft["kind"], Readonly<Record<string, "short" | "long" | "list">>>> = {
  eth: { to: "short", amount: "short" },
  erc20: { token: "short", to: "short", amount: "short" },
  call: { target: "short", abiSource: "short", abiJson: "long", fn: "short", args: "list", value: "short" },
  raw: { target: "short", calldata: "long", value: "short" },
};
const abiSources = new Set(["governor", "token", "timelock", "erc20", "pasted"]);
const fieldNames: Readonly<Record<string, string>> = {
  to: "recipient",
  abiJson: "ABI",
  fn: "function",
  args: "arguments",
  abiSource: "ABI source",
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const count = (text: string) => Array.from(text).length;
const n = (value: number) => value.toLocaleString("en-US");

function checkAction(
  value: unknown,
  index: number,
): { ok: true; value: ActionDraft } | { ok: false; field: string; message: string } {
  const prefix = `Action ${index + 1}`;
  const field = `actions.${index}`;
  if (!isRecord(value)) return { ok: false, field, message: `${prefix}: must be an object` };
  const kind = value.kind;
  if (typeof kind !== "string" || !Object.hasOwn(actionFields, kind)) {
    return { ok: false, field: `${field}.kind`, message: `${prefix} · kind: must be one of eth, erc20, call, raw` };
  }
  const id = value.id;
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
    return { ok: false, field: `${field}.id`, message: `${prefix} · id: must be 1–32 letters, digits, - or _` };
  }
  const shape = actionFields[kind as ActionDraft["kind"]];
  const out: Record<string, unknown> = { id, kind };
  for (const [key, type] of Object.entries(shape)) {
    const name = `${prefix} · ${fieldNames[key] ?? key}`;
    const stored = value[key] ?? (type === "list" ? [] : "");
    if (type === "list") {
      if (!Array.isArray(stored) || !stored.every((item) => typeof item === "string")) {
        return { ok: false, field: `${field}.${key}`, message: `${name}: must be a list of texts` };
      }
      if (stored.length > maxArgs) {
        return { ok: false, field: `${field}.${key}`, message: `${name}: at most ${maxArgs}` };
      }
      if (stored.some((item) => item.length > maxShortField * 5)) {
        return {
          ok: false,
          field: `${field}.${key}`,
          message: `${name}: each at most ${n(maxShortField * 5)} characters`,
        };
      }
    } else {
      if (typeof stored !== "string") return { ok: false, field: `${field}.${key}`, message: `${name}: must be text` };
      const max = type === "long" ? maxLongField : maxShortField;
      if (stored.length > max) {
        return { ok: false, field: `${field}.${key}`, message: `${name}: must be at most ${n(max)} characters` };
      }
      if (key === "abiSource" && !abiSources.has(stored)) {
        return {
          ok: false,
          field: `${field}.${key}`,
          message: `${name}: must be one of ${[...abiSources].join(", ")}`,
        };
      }
    }
    out[key] = stored;
  }
  return { ok: true, value: out as ActionDraft };
}

/**
 * A draft's fields from a request body, or the first problem, naming its field.
 *
 * @example
 * draftInput({ title: "Fund grants", body: "", discussionUrl: "", actions: [], nextId: 1 }, ["forum.example.org"])
 * // { ok: true, value: { title: "Fund grants", … } }
 * draftInput({ title: "x".repeat(201), … }, []) // { ok: false, field: "title", message: "Title: must be at most 200 characters" }
 */
export function draftInput(value: unknown, forumHosts: readonly string[] | undefined): DraftInputResult {
  if (!isRecord(value)) return { ok: false, field: "body", message: "Request: must be a JSON object" };
  const text = (key: string, label: string): { ok: true; value: string } | { ok: false; message: string } => {
    const stored = value[key] ?? "";
    return typeof stored === "string" ? { ok: true, value: stored } : { ok: false, message: `${label}: must be text` };
  };
  const title = text("title", "Title");
  if (!title.ok) return { ok: false, field: "title", message: title.message };
  if (/[\r\n\u2028\u2029]/.test(title.value)) {
    return { ok: false, field: "title", message: "Title: must be a single line" };
  }
  if (count(title.value.trim()) > maxDraftTitle) {
    return { ok: false, field: "title", message: `Title: must be at most ${maxDraftTitle} characters` };
  }
  const body = text("body", "Body");
  if (!body.ok) return { ok: false, field: "body", message: body.message };
  if (body.value.length > maxDraftBody) {
    return { ok: false, field: "body", message: `Body: must be at most ${n(maxDraftBody)} characters` };
  }
  const url = text("discussionUrl", "Discussion URL");
  if (!url.ok) return { ok: false, field: "discussionUrl", message: url.message };
  const checkedUrl = discussionUrl(url.value, forumHosts);
  if (!checkedUrl.ok) return { ok: false, field: "discussionUrl", message: checkedUrl.error };
  const actions = value.actions ?? [];
  if (!Array.isArray(actions)) return { ok: false, field: "actions", message: "Actions: must be a list" };
  if (actions.length > maxDraftActions) {
    return { ok: false, field: "actions", message: `Actions: at most ${maxDraftActions} in one proposal` };
  }
  const checked: ActionDraft[] = [];
  const ids = new Set<string>();
  for (const [index, action] of actions.entries()) {
    const result = checkAction(action, index);
    if (!result.ok) return result;
    if (ids.has(result.value.id)) {
      return { ok: false, field: `actions.${index}.id`, message: `Action ${index + 1} · id: appears twice` };
    }
    ids.add(result.value.id);
    checked.push(result.value);
  }
  const nextId = value.nextId ?? checked.length + 1;
  if (typeof nextId !== "number" || !Number.isSafeInteger(nextId) || nextId < 1 || nextId > 1_000_000) {
    return { ok: false, field: "nextId", message: "nextId: must be a whole number from 1 to 1,000,000" };
  }
  return {
    ok: true,
    value: { title: title.value, body: body.value, discussionUrl: url.value.trim(), actions: checked, nextId },
  };
}

/**
 * A draft's title as shown anywhere (lists, headings, the page's <title>): its author's text made
 * safe like a proposal's title (no bidi overrides or invisible characters), or "Untitled draft".
 *
 * @example draftTitle({ title: "Pay \u202Eevil" }) // "Pay evil"
 */
export function draftTitle(draft: Pick<DraftFields, "title">): string {
  return singleLineText(draft.title) || "Untitled draft";
}
