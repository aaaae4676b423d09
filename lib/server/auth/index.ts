/**
 * The app's Sign-In with Ethereum instance: the app store, and a public client for each chain a
 * configured DAO lives on (a message for any other chain is refused). See ./auth.ts.
 */
import "server-only";
import { headers } from "next/headers";
import type { Address, Client } from "viem";
import { getPublicClient } from "../../chain/publicClient";
import { rateLimit } from "../appRateLimit";
import { getDaos } from "../daos";
import { publicOrigins } from "../publicOrigin";
import { getStore } from "../store";
import { createAuth, type Session } from "./auth";

export type { Session } from "./auth";
export { isSessionOf, signInStatement } from "./auth";

function clientFor(chainId: number): Client | undefined {
  const dao = getDaos().find((candidate) => candidate.chainId === chainId);
  return dao ? getPublicClient(dao) : undefined;
}

/**
 * COMMONS_PUBLIC_ORIGIN: the origin(s) the app is served at, comma-separated
 * (https://commons.example.org). Required for sign-in in production (see AuthDeps.production).
 */
function publicHosts(): string[] | undefined {
  const origins = publicOrigins();
  return origins.length > 0 ? origins.map((origin) => origin.host) : undefined;
}

export const auth = createAuth({
  store: getStore,
  clientFor,
  hosts: publicHosts(),
  production: process.env.NODE_ENV === "production",
  rateLimit,
});

/**
 * The signed-in address for a write, or a Response to return as is (401 / 403).
 *
 * @example
 * const session = await requireSession(request);
 * if (session instanceof Response) return session;
 */
export function requireSession(request: Request): Promise<Session | Response> {
  return auth.requireSession(request);
}

/** The signed-in address of the page's request (SIWE session cookie), or null. */
export async function pageSessionAddress(): Promise<Address | null> {
  const incoming = await headers();
  const request = new Request("http://commons.local/", { headers: { cookie: incoming.get("cookie") ?? "" } });
  try {
    return (await auth.getSession(request))?.address ?? null;
  } catch (error) {
    console.error("[commons] reading the session failed:", error);
    return null;
  }
}
