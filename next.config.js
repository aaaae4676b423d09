/**
 * Next.js config. Everything runs from this server: no remote fonts, images or scripts. Pages get
 * their Content Security Policy, with a fresh script nonce each, from proxy.ts
 * (lib/security/contentSecurityPolicy.ts); the headers below go on every response.
 */

const securityHeaders = [
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
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON answers run nothing and load nothing.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      // Over https (X-Forwarded-Proto is set by server.js from the socket or a trusted proxy), browsers
      // should never come back over plain http.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
