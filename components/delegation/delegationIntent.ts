/**
 * Remembers a "Delegate to …" click made before the wallet code had loaded (on the server-rendered
 * fallback button), so the real panel can take the focus where the reader left it once it
 * arrives. A click is never lost, and nothing is sent without a second, deliberate click.
 * Browser-only module state, no wallet code.
 */

let pending: string | null = null;

/** Records that the reader asked to delegate to `target` (an address, any case). */
export function rememberDelegationIntent(target: string): void {
  pending = target.toLowerCase();
}

/** Whether the reader asked to delegate to `target` (pure: safe to call while rendering). */
export function hasDelegationIntent(target: string): boolean {
  return pending === target.toLowerCase();
}

/** Forgets the remembered click, once the panel has taken it. */
export function forgetDelegationIntent(): void {
  pending = null;
}
