/**
 * Next.js config. Everything runs from this server: no remote fonts, images or scripts, so the
 * Content Security Policy can stay at 'self' for everything except the wallet's RPC traffic.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const isDev = process.env.NODE_ENV === "development";
const walletConnect = Boolean(process.env.NEXT_PUBLIC_WC_PROJECT_ID);

/**
 * Origins of the DAOs' RPC URLs in the config present at build time (headers are fixed at build).
 * Https/wss origins are allowed anyway (a real DAO's RPC can change without a rebuild), so this
 * matters for plain-http RPCs on other hosts than this machine.
 */
function rpcOrigins() {
  try {
    const config = JSON.parse(readFileSync(resolve(process.env.DAO_CONFIG ?? "dao.config.json"), "utf8"));
    return [...new Set((config.daos ?? []).map((dao) => new URL(dao.rpcUrl).origin))];
  } catch {
    return [];
  }
}

const connectSrc = [
  "'self'",
  // The browser reads the chain through the DAO's RPC (voting power, live states, simulations).
  "https:",
  "wss:",
  "http://127.0.0.1:*",
  "http://localhost:*",
  "ws://127.0.0.1:*",
  "ws://localhost:*",
  ...rpcOrigins().filter((origin) => origin.startsWith("http:")),
];

const contentSecurityPolicy = [
  "default-src 'self'",
  // Next's App Router streams its payload in inline <script>s; a nonce would need a proxy.ts.
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  // RainbowKit sets its theme with a <style> element and inline styles.
  "style-src 'self' 'unsafe-inline'",
  // Remote images in descriptions load only when the reader clicks "Load image".
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  `connect-src ${connectSrc.join(" ")}`,
  // WalletConnect's verify iframe, only when WalletConnect is on.
  `frame-src 'self'${walletConnect ? " https://verify.walletconnect.com https://verify.walletconnect.org" : ""}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
  // Coinbase Wallet's popup flow needs the opener kept for popups.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin-allow-popups" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // A separate build directory lets two builds (e.g. a benchmark and the e2e suite) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The app's embedded database loads its WebAssembly and data files from its own package folder:
  // load it from node_modules at run time instead of bundling it (pg is external by default).
  serverExternalPackages: ["@electric-sql/pglite"],
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
