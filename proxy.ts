/**
 * Next's proxy (once "middleware"): gives every page its own Content Security Policy with a fresh
 * script nonce (lib/security/contentSecurityPolicy.ts) — Next reads the nonce from the request's
 * policy and puts it on every script it renders; prefetches and static files need no policy — and
 * answers a path that cannot exist (an unknown DAO, a malformed proposal id, address or draft id:
 * lib/routing/missingPage.ts) with the not-found page, rendered in full with HTTP 404.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type NextRequest, NextResponse } from "next/server";
import { daoSlugs, isMissingPage } from "@/lib/routing/missingPage";
import { contentSecurityPolicy, newNonce, rpcHttpOrigins } from "@/lib/security/contentSecurityPolicy";

/** What the proxy needs from the DAO config, read once per process (the app reads it once too). */
let fromConfig: { rpcOrigins: string[]; slugs: string[] | undefined } | undefined;

function configFacts() {
  if (fromConfig) return fromConfig;
  let text = "";
  try {
    const path = resolve(/* turbopackIgnore: true */ process.cwd(), process.env.DAO_CONFIG ?? "dao.config.json");
    text = readFileSync(/* turbopackIgnore: true */ path, "utf8");
  } catch {
    // No config: the app says so on every page.
  }
  fromConfig = { rpcOrigins: rpcHttpOrigins(text), slugs: daoSlugs(text) };
  return fromConfig;
}

export function proxy(request: NextRequest) {
  const { rpcOrigins, slugs } = configFacts();
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    walletConnect: Boolean(process.env.NEXT_PUBLIC_WC_PROJECT_ID),
    rpcOrigins,
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // A path no route serves: Next renders app/not-found.tsx for it, in full, with 404.
  const response =
    slugs && isMissingPage(request.nextUrl.pathname, slugs)
      ? NextResponse.rewrite(new URL("/_commons/not-found", request.url), { request: { headers } })
      : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
