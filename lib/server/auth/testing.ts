/**
 * Signing in from a test: a viem local account signs a SIWE message for `host` with a nonce the
 * auth instance issued, and gets the session cookie back.
 *
 * @example
 * const account = privateKeyToAccount(anvilKeys[1]);
 * const cookie = await signInForTest(auth, account); // "commons_session=…"
 * await handler(new Request(url, { method: "PUT", headers: { cookie, "content-type": "application/json" }, body }));
 */
import type { Address, Hex, LocalAccount } from "viem";
import { createSiweMessage } from "viem/siwe";
import type { Auth } from "./auth";
import { sessionCookie, signInStatement } from "./auth";

export const testOrigin = "http://localhost:3000";

/** Anvil's dev keys #0..#3 (public knowledge, test only). */
export const anvilKeys = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
] as const satisfies readonly Hex[];

export type SiweParts = {
  address: Address;
  nonce: string;
  chainId?: number;
  host?: string;
  issuedAt?: Date;
  expirationTime?: Date;
};

/** The message the sign-in button builds. */
export function testSiweMessage({
  address,
  nonce,
  chainId = 31337,
  host,
  issuedAt,
  expirationTime,
}: SiweParts): string {
  const origin = host ? `http://${host}` : testOrigin;
  return createSiweMessage({
    domain: new URL(origin).host,
    uri: origin,
    address,
    chainId,
    nonce,
    version: "1",
    statement: signInStatement,
    issuedAt: issuedAt ?? new Date(),
    expirationTime,
  });
}

/** POST /api/auth/verify as the browser would. */
export function verifyRequest(message: string, signature: Hex, origin: string = testOrigin): Request {
  return new Request(`${origin}/api/auth/verify`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ message, signature }),
  });
}

/** The `name=value` part of a Set-Cookie header, for a request's Cookie header. */
export function cookieOf(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const pair = header.split(";")[0] ?? "";
  if (!pair.startsWith(`${sessionCookie}=`)) throw new Error(`no session cookie in: ${header}`);
  return pair;
}

/** Full sign-in; returns the Cookie header value. Throws with the server's message on failure. */
export async function signInForTest(
  auth: Auth,
  account: LocalAccount,
  options: { address?: Address; chainId?: number; now?: Date } = {},
): Promise<string> {
  const { nonce } = (await (await auth.routes.nonce(new Request(`${testOrigin}/api/auth/nonce`))).json()) as {
    nonce: string;
  };
  const message = testSiweMessage({
    address: options.address ?? account.address,
    nonce,
    chainId: options.chainId,
    issuedAt: options.now,
  });
  const signature = await account.signMessage({ message });
  const response = await auth.routes.verify(verifyRequest(message, signature));
  if (!response.ok) throw new Error(`sign-in failed (${response.status}): ${await response.text()}`);
  return cookieOf(response);
}
