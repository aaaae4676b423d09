/**
 * Sign-In with Ethereum (EIP-4361) for the app's own data: the server issues a nonce, the wallet
 * signs a message naming this host, the DAO's chain and that nonce, and the server verifies it —
 * through viem's verifySiweMessage on a public client of that chain, so smart-contract wallets
 * (EIP-1271, and ERC-6492 for undeployed ones) sign in too — then opens a session kept in an
 * httpOnly cookie. Every write checks the session's address on the server.
 *
 * Built from injected parts (`createAuth`) so tests run it on both store backends with their own
 * clock; the app's instance is `lib/server/auth/index.ts`.
 *
 * Over 300 lines because nonce, signature check and session are one security boundary, reviewed as one file.
 */
import { createHash, randomBytes } from "node:crypto";
import { type Address, type Client, getAddress, type Hex, isAddressEqual } from "viem";
import { generateSiweNonce, parseSiweMessage, verifySiweMessage } from "viem/siwe";
import { z } from "zod";
import { clientIp, crossOriginError, isHttps, json, jsonError, readJsonBody, requestHost } from "../http";
import { createRateLimiter, type RateLimit } from "../rateLimit";
import type { Store } from "../store/types";

export const sessionCookie = "commons_session";
export const nonceTtlMs = 10 * 60_000;
export const sessionTtlMs = 7 * 24 * 60 * 60_000;
/**
 * Most sign-ins in progress (issued, unused, unexpired nonces) at once. Each client gets 30 a
 * minute; this bounds the table when many clients ask at once.
 */
export const maxOpenNonces = 20_000;
export { signInStatement } from "../../auth/signIn";

export type Session = { address: Address; chainId: number; expiresAt: Date };

export type AuthDeps = {
  store: () => Promise<Store>;
  /** A client for a configured DAO chain, or undefined when no DAO lives on that chain. */
  clientFor: (chainId: number) => Client | undefined;
  now?: () => Date;
  /**
   * The hosts this app is served at ("commons.example.org", "localhost:3000"). When given, a
   * sign-in is accepted only for them, whatever Host or X-Forwarded-Host the request carries (a
   * phishing site replaying its visitors' signatures with forged headers gets nowhere). When
   * absent, the request's own host is trusted — but only outside production (see `production`).
   */
  hosts?: readonly string[];
  /**
   * Production (NODE_ENV=production): without `hosts`, sign-in is refused with a message naming
   * COMMONS_PUBLIC_ORIGIN, since the request's Host header is whatever the client sent and a
   * phishing site could relay its visitors' signatures under its own name.
   */
  production?: boolean;
  /** Rate limits (default: windows in `store`). */
  rateLimit?: RateLimit;
  /** Default `maxOpenNonces`. */
  maxOpenNonces?: number;
};

export type Auth = ReturnType<typeof createAuth>;

const verifyInput = z.object({
  message: z.string().min(1, { message: "is required" }).max(4_000, { message: "must be at most 4,000 characters" }),
  signature: z.string().regex(/^0x[0-9a-fA-F]{2,8000}$/, { message: "must be a 0x-prefixed hex signature" }),
});

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A cookie's value; undefined when absent or not valid percent-encoding (a forged cookie is no session). */
function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function sessionCookieHeader(request: Request, token: string, expiresAt: Date | null): string {
  const parts = [
    `${sessionCookie}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${expiresAt ? Math.round(sessionTtlMs / 1000) : 0}`,
    `Expires=${(expiresAt ?? new Date(0)).toUTCString()}`,
  ];
  if (isHttps(request)) parts.push("Secure");
  return parts.join("; ");
}

/** Thrown by issueNonce when too many sign-ins are in progress at once. */
export class TooManyNoncesError extends Error {
  override name = "TooManyNoncesError";
}

export function createAuth(deps: AuthDeps) {
  const now = deps.now ?? (() => new Date());
  const hosts = deps.hosts && deps.hosts.length > 0 ? deps.hosts : undefined;
  const production = deps.production ?? process.env.NODE_ENV === "production";
  const rateLimit = deps.rateLimit ?? createRateLimiter({ store: deps.store, now });

  /** Why this server cannot sign anyone in, or undefined when it can. */
  function signInDisabled(): Response | undefined {
    if (hosts || !production) return undefined;
    return jsonError(
      503,
      "Sign-in is turned off on this server: its operator has not set COMMONS_PUBLIC_ORIGIN (the address the app is served at), so it cannot tell its own sign-in requests from a phishing site's.",
    );
  }

  /** Stores a fresh nonce (single use, expires in 10 minutes). Throws TooManyNoncesError at the cap. */
  async function issueNonce(): Promise<string> {
    const store = await deps.store();
    const at = now();
    const nonce = generateSiweNonce();
    // Used and expired nonces are of no use to anyone: drop them as new ones are issued.
    await store.query("DELETE FROM auth_nonces WHERE expires_at < $1::timestamptz OR used_at IS NOT NULL", [
      at.toISOString(),
    ]);
    const [open] = await store.query<{ n: string }>("SELECT count(*)::text AS n FROM auth_nonces");
    if (Number(open?.n ?? 0) >= (deps.maxOpenNonces ?? maxOpenNonces))
      throw new TooManyNoncesError("too many sign-ins in progress");
    await store.query(
      "INSERT INTO auth_nonces (nonce, created_at, expires_at) VALUES ($1, $2::timestamptz, $3::timestamptz)",
      [nonce, at.toISOString(), new Date(at.getTime() + nonceTtlMs).toISOString()],
    );
    return nonce;
  }

  /** Marks the nonce used; true only for the first use of an issued, unexpired nonce. */
  async function consumeNonce(nonce: string): Promise<boolean> {
    const store = await deps.store();
    const at = now().toISOString();
    const rows = await store.query(
      "UPDATE auth_nonces SET used_at = $2::timestamptz WHERE nonce = $1 AND used_at IS NULL AND expires_at > $2::timestamptz RETURNING nonce",
      [nonce, at],
    );
    return rows.length === 1;
  }

  type VerifyResult =
    | { ok: true; address: Address; chainId: number }
    | { ok: false; status: number; message: string; field?: string };

  /** Checks a signed SIWE message for this request's host; consumes its nonce. */
  async function verifySignIn(request: Request, message: string, signature: Hex): Promise<VerifyResult> {
    let parsed: ReturnType<typeof parseSiweMessage>;
    try {
      parsed = parseSiweMessage(message);
    } catch {
      return { ok: false, status: 400, message: "message: is not a Sign-In with Ethereum message", field: "message" };
    }
    const { address, chainId, domain, nonce, uri, version } = parsed;
    if (!address || !chainId || !domain || !nonce || !uri || version !== "1") {
      return { ok: false, status: 400, message: "message: is not a Sign-In with Ethereum message", field: "message" };
    }
    const host = requestHost(request);
    if (hosts && !hosts.includes(host)) {
      return { ok: false, status: 400, message: `message: this server does not sign in at ${host}`, field: "message" };
    }
    if (domain !== host) {
      return { ok: false, status: 400, message: `message: is for ${domain}, not ${host}`, field: "message" };
    }
    let uriHost: string;
    try {
      uriHost = new URL(uri).host;
    } catch {
      uriHost = "";
    }
    if (uriHost !== host) {
      return { ok: false, status: 400, message: `message: its URI is not on ${host}`, field: "message" };
    }
    const client = deps.clientFor(chainId);
    if (!client) {
      return {
        ok: false,
        status: 400,
        message: `message: chain ${chainId} is not a chain of any DAO here`,
        field: "message",
      };
    }
    // Single use: a replayed message (or a second try with a spent nonce) fails here.
    if (!(await consumeNonce(nonce))) {
      return { ok: false, status: 401, message: "The sign-in request expired or was already used. Sign in again." };
    }
    let valid = false;
    try {
      valid = await verifySiweMessage(client, { message, signature, domain: host, nonce, time: now() });
    } catch {
      return {
        ok: false,
        status: 502,
        message: `Could not check the signature on chain ${chainId} (the chain did not answer). Try again.`,
      };
    }
    if (!valid)
      return {
        ok: false,
        status: 401,
        message: "The signature does not match the message's address (or the message expired).",
      };
    return { ok: true, address: getAddress(address), chainId };
  }

  /** The unexpired, unrevoked session of this request's cookie, if any. */
  async function getSession(request: Request): Promise<Session | undefined> {
    const token = readCookie(request, sessionCookie);
    if (!token || token.length > 200) return undefined;
    const store = await deps.store();
    const [row] = await store.query<{ address: string; chain_id: number; expires_at: Date }>(
      "SELECT address, chain_id, expires_at FROM auth_sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2::timestamptz",
      [hashToken(token), now().toISOString()],
    );
    if (!row) return undefined;
    return { address: getAddress(row.address), chainId: row.chain_id, expiresAt: new Date(row.expires_at) };
  }

  /**
   * For writes: the signed-in address, or a Response to return (401 without a valid session,
   * 403 for a request from another site).
   *
   * @example
   * const session = await auth.requireSession(request);
   * if (session instanceof Response) return session;
   * if (!isAddressEqual(session.address, owner)) return jsonError(403, "…");
   */
  async function requireSession(request: Request): Promise<Session | Response> {
    if (request.method !== "GET" && request.method !== "HEAD") {
      const crossOrigin = crossOriginError(request, hosts);
      if (crossOrigin) return crossOrigin;
    }
    const session = await getSession(request);
    return session ?? jsonError(401, "Sign in with your wallet first (your session is missing or expired).");
  }

  /** GET /api/auth/nonce → { nonce } */
  async function nonceRoute(request: Request): Promise<Response> {
    const disabled = signInDisabled();
    if (disabled) return disabled;
    const limited = await rateLimit(`nonce:${clientIp(request)}`, 30, 60_000);
    if (limited) return limited;
    try {
      return json({ nonce: await issueNonce() });
    } catch (error) {
      if (!(error instanceof TooManyNoncesError)) throw error;
      return jsonError(
        503,
        "Too many sign-ins are in progress on this server. Try again in a few minutes.",
        undefined,
        {
          "Retry-After": "60",
        },
      );
    }
  }

  /** POST /api/auth/verify { message, signature } → { address } and the session cookie. */
  async function verifyRoute(request: Request): Promise<Response> {
    const disabled = signInDisabled();
    if (disabled) return disabled;
    const crossOrigin = crossOriginError(request, hosts);
    if (crossOrigin) return crossOrigin;
    const limited = await rateLimit(`verify:${clientIp(request)}`, 30, 60_000);
    if (limited) return limited;
    const body = await readJsonBody(request, verifyInput, 16_000);
    if (body instanceof Response) return body;
    const result = await verifySignIn(request, body.message, body.signature as Hex);
    if (!result.ok) return jsonError(result.status, result.message, result.field);
    const token = randomBytes(32).toString("base64url");
    const at = now();
    const expiresAt = new Date(at.getTime() + sessionTtlMs);
    const store = await deps.store();
    // Expired sessions open nothing: drop them as new ones start (logout deletes its own).
    await store.query("DELETE FROM auth_sessions WHERE expires_at <= $1::timestamptz OR revoked_at IS NOT NULL", [
      at.toISOString(),
    ]);
    await store.query(
      "INSERT INTO auth_sessions (token_hash, address, chain_id, created_at, expires_at) VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)",
      [hashToken(token), result.address, result.chainId, at.toISOString(), expiresAt.toISOString()],
    );
    return json(
      { address: result.address, chainId: result.chainId },
      { headers: { "Set-Cookie": sessionCookieHeader(request, token, expiresAt) } },
    );
  }

  /** GET /api/auth/session → { address, chainId } | { address: null } */
  async function sessionRoute(request: Request): Promise<Response> {
    const session = await getSession(request);
    return json(session ? { address: session.address, chainId: session.chainId } : { address: null });
  }

  /** POST /api/auth/logout: ends the session (server side too) and clears the cookie. */
  async function logoutRoute(request: Request): Promise<Response> {
    const crossOrigin = crossOriginError(request, hosts);
    if (crossOrigin) return crossOrigin;
    const token = readCookie(request, sessionCookie);
    if (token && token.length <= 200) {
      const store = await deps.store();
      // Gone, not marked: an ended session is of no use to keep.
      await store.query("DELETE FROM auth_sessions WHERE token_hash = $1", [hashToken(token)]);
    }
    return json({ address: null }, { headers: { "Set-Cookie": sessionCookieHeader(request, "", null) } });
  }

  return {
    issueNonce,
    verifySignIn,
    getSession,
    requireSession,
    routes: { nonce: nonceRoute, verify: verifyRoute, session: sessionRoute, logout: logoutRoute },
  };
}

/** Whether the session is this address's (checksum-insensitive). */
export function isSessionOf(session: Session, address: string): boolean {
  try {
    return isAddressEqual(session.address, getAddress(address.toLowerCase()));
  } catch {
    return false;
  }
}
