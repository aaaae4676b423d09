/**
 * A click on a wallet button is never lost: not before React has hydrated the button, and not when
 * the button is replaced while it is pressed.
 *
 * The wallet buttons are server-rendered and visible before the page's JavaScript has run, and
 * React drops a click on content it has not hydrated yet (its code still loading on a slow phone or
 * a busy machine). And a wallet island swaps its fallback button for the loaded one (the same
 * label, another element) whenever the wallet code arrives: if that happens between the press and
 * the release, the browser sends the click to a common ancestor, and no button sees it. Either way
 * "Connect a wallet to vote" took a second click.
 *
 * Every such button carries `data-wallet-action="connect"` (or "account"). A few lines inlined at
 * the top of the body, which run before the rest of the page is parsed, listen from the start: a
 * click on such a button, or a press on one that is gone by the release, hands its action on — to
 * the wallet stack once `WalletHost` has mounted (it installs the bridge), else kept on `<html>`
 * until it does. A hydrated button's own onClick does the same; the two are idempotent (the action
 * is set, and performed once).
 *
 * @example
 * <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyWalletClickScript }} /> // root layout
 * <Button {...walletActionAttribute("connect")} onClick={() => loadWalletStack("connect")}>…</Button>
 * useEffect(() => installWalletClickBridge(loadWalletStack), []); // WalletHost
 */
import type { WalletAction } from "./walletStack";

/** The `<html>` data attribute that holds an action clicked before the bridge was there. */
const pendingAttribute = "data-pending-wallet-action";
/** The window property through which the inline listener reaches the wallet stack. */
const bridgeProperty = "__commonsWalletAction";

/** Marks a button as a wallet button whose clicks count from first paint. */
export function walletActionAttribute(action: WalletAction): { "data-wallet-action": WalletAction } {
  return { "data-wallet-action": action };
}

/** The inline listener (plain ES5, no imports: it runs before any bundle). */
export const earlyWalletClickScript = `(function () {
  var d = document, pressed = null;
  function perform(action) {
    var bridge = window["${bridgeProperty}"];
    if (typeof bridge === "function") bridge(action);
    else d.documentElement.setAttribute("${pendingAttribute}", action);
  }
  function walletButton(event) {
    var t = event.target, b = t && t.closest ? t.closest("[data-wallet-action]") : null;
    var a = b && b.getAttribute("data-wallet-action");
    return a === "connect" || a === "account" ? { button: b, action: a } : null;
  }
  d.addEventListener("click", function (event) {
    var hit = walletButton(event);
    if (hit) perform(hit.action);
  }, true);
  d.addEventListener("pointerdown", function (event) { pressed = walletButton(event); }, true);
  d.addEventListener("pointercancel", function () { pressed = null; }, true);
  d.addEventListener("pointerup", function () {
    var hit = pressed;
    pressed = null;
    if (hit && !hit.button.isConnected) perform(hit.action);
  }, true);
})();`;

function isWalletAction(value: string | null): value is WalletAction {
  return value === "connect" || value === "account";
}

/**
 * Connects the inline listener to the wallet stack and performs an action clicked before this ran.
 * Returns the function that disconnects it.
 */
export function installWalletClickBridge(perform: (action: WalletAction) => void): () => void {
  const target = window as unknown as Record<string, unknown>;
  target[bridgeProperty] = perform;
  const root = document.documentElement;
  const pending = root.getAttribute(pendingAttribute);
  root.removeAttribute(pendingAttribute);
  if (isWalletAction(pending)) perform(pending);
  return () => {
    if (target[bridgeProperty] === perform) delete target[bridgeProperty];
  };
}
