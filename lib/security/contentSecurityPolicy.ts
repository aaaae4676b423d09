/**
 * The app's Content Security Policy, built per request by proxy.ts with a fresh nonce. Scripts run
 * only when they carry that nonce or were loaded by one that did ('strict-dynamic'): an injected
 * <script> or inline handler never runs, even where markup slipped through. Everything else is
 * served from this origin, except the wallet's RPC traffic and remote images a reader chose to load.
 */

export type ContentSecurityPolicyOptions = {
  /** Base64, fresh for every response. */
  nonce: string;
  /** `next dev` needs eval for React's debugging aids. */
  dev?: boolean;
  /** WalletConnect's verify iframe, only when WalletConnect is on (NEXT_PUBLIC_WC_PROJECT_ID). */
  walletConnect?: boolean;
  /** Plain-http RPC origins of the configured DAOs on other hosts (https and localhost are allowed anyway). */
  rpcOrigins?: readonly string[];
};

/**
 * @example
 * contentSecurityPolicy({ nonce: "cmFuZG9t" })
 * // "default-src 'self'; script-src 'self' 'nonce-cmFuZG9t' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; …"
 */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  const connectSrc = [
    "'self'",
    // The browser reads the chain through the DAO's RPC (voting power, live states, simulations).
    "https:",
    "wss:",
    "http://127.0.0.1:*",
    "http://localhost:*",
    "ws://127.0.0.1:*",
    "ws://localhost:*",
    ...(options.rpcOrigins ?? []).filter((origin) => /^http:\/\/[a-z0-9.:[\]-]+$/i.test(origin)),
  ];
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // RainbowKit sets its theme with a <style> element and inline styles.
    "style-src 'self' 'unsafe-inline'",
    // Remote images in descriptions load only when the reader clicks "Load image".
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${[...new Set(connectSrc)].join(" ")}`,
    `frame-src 'self'${options.walletConnect ? " https://verify.walletconnect.com https://verify.walletconnect.org" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The http: origins of a DAO config's RPC URLs (the only ones connect-src does not already allow
 * by scheme), from the file's text; [] when it cannot be read.
 *
 * @example rpcHttpOrigins('{"daos":[{"rpcUrl":"http://10.0.0.5:8545"}]}') // ["http://10.0.0.5:8545"]
 */
export function rpcHttpOrigins(configText: string): string[] {
  try {
    const config = JSON.parse(configText) as { daos?: { rpcUrl?: unknown; rpcUrls?: unknown }[] };
    const urls = (config.daos ?? []).flatMap((dao) => [dao.rpcUrl, ...(Array.isArray(dao.rpcUrls) ? dao.rpcUrls : [])]);
    const origins = urls.flatMap((url) => {
      try {
        return typeof url === "string" ? [new URL(url).origin] : [];
      } catch {
        return [];
      }
    });
    return [...new Set(origins.filter((origin) => origin.startsWith("http:")))];
  } catch {
    return [];
  }
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The script nonce of a policy built by {@link contentSecurityPolicy} (the request's, as the proxy
 * set it), for a script the app inlines itself; undefined when there is none.
 *
 * @example nonceOf("script-src 'self' 'nonce-cmFuZG9t' 'strict-dynamic'") // "cmFuZG9t"
 */
export function nonceOf(policy: string | null | undefined): string | undefined {
  return policy ? /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] : undefined;
}
