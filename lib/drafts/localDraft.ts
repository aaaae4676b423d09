/**
 * The copy of a draft the editor keeps on this device (localStorage, per draft id), written on
 * every keystroke before anything goes to the server, and which text to start from when the
 * editor opens: the device's copy when it holds edits the server has not got and they are newer
 * than the server's last save; else the server's.
 */

export type LocalDraft<F> = {
  form: F;
  /** The server version these edits started from. */
  baseVersion: number;
  /** When the device's copy was last edited (ms since epoch). */
  editedAt: number;
  /** The server has exactly this text. */
  synced: boolean;
};

export type ServerDraft<F> = { form: F; version: number; updatedAt: string };

/** The localStorage key of a draft's device copy. */
export function localDraftKey(id: string): string {
  return `commons:draft:${id}`;
}

/**
 * @example
 * startingPoint({ form: mine, baseVersion: 3, editedAt: Date.parse("2026-01-02"), synced: false },
 *   { form: theirs, version: 3, updatedAt: "2026-01-01T00:00:00Z" })
 * // { form: mine, source: "device" }
 */
export function startingPoint<F>(
  local: LocalDraft<F> | null,
  server: ServerDraft<F>,
): { form: F; source: "device" | "server" } {
  if (!local || local.synced) return { form: server.form, source: "server" };
  const serverTime = Date.parse(server.updatedAt);
  if (Number.isNaN(serverTime) || local.editedAt > serverTime || local.baseVersion >= server.version) {
    return { form: local.form, source: "device" };
  }
  return { form: server.form, source: "server" };
}

/** The device copy, or null when absent, unreadable or not of this shape. */
export function readLocalDraft<F>(id: string, check: (form: unknown) => F | null): LocalDraft<F> | null {
  try {
    const raw = window.localStorage.getItem(localDraftKey(id));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<LocalDraft<unknown>>;
    const form = check(value.form);
    if (!form || typeof value.baseVersion !== "number" || typeof value.editedAt !== "number") return null;
    return { form, baseVersion: value.baseVersion, editedAt: value.editedAt, synced: value.synced === true };
  } catch {
    return null;
  }
}

/** Keeps the device copy; false when storage is full or disabled. */
export function writeLocalDraft<F>(id: string, entry: LocalDraft<F>): boolean {
  try {
    window.localStorage.setItem(localDraftKey(id), JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}
