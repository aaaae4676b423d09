/**
 * Sign-In with Ethereum against both store backends and a real anvil (signatures are checked
 * through the chain, as in the app): sessions, nonce reuse and expiry, the host and chain checks,
 * and an EIP-1271 contract wallet whose owner signs.
 *
 * Over 300 lines: one suite, run on both store backends, sharing its wallet and clock fixtures.
 */
import { type Address, type Client, createPublicClient, createWalletClient, getAddress, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort, startAnvil } from "../../../harness/anvil";
import { compileOwnerWallet } from "../../../harness/standIns/ownerWallet";
import { createTestStore, hasPostgres } from "../../../harness/testStore";
import { resetRateLimits } from "../rateLimit";
import type { StoreBackend } from "../store/types";
import { type Auth, createAuth, nonceTtlMs, sessionTtlMs } from "./auth";
import { anvilKeys, cookieOf, signInForTest, testOrigin, testSiweMessage, verifyRequest } from "./testing";

const alice = privateKeyToAccount(anvilKeys[1]);
const bob = privateKeyToAccount(anvilKeys[2]);

let anvil: Awaited<ReturnType<typeof startAnvil>>;
let client: Client;
let contractWallet: Address;

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort() });
  client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
  const { abi, bytecode } = compileOwnerWallet();
  const deployer = createWalletClient({
    account: privateKeyToAccount(anvilKeys[0]),
    chain: foundry,
    transport: http(anvil.rpcUrl),
  });
  const hash = await deployer.deployContract({ abi, bytecode, args: [alice.address] });
  const receipt = await createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) }).waitForTransactionReceipt(
    {
      hash,
    },
  );
  if (!receipt.contractAddress) throw new Error("wallet not deployed");
  contractWallet = getAddress(receipt.contractAddress);
});

afterAll(async () => {
  await anvil?.stop();
});

const postgres = await hasPostgres();

for (const kind of ["pglite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && !postgres)(`SIWE sessions on ${kind}`, () => {
    let store: StoreBackend;
    let auth: Auth;
    let clock: Date;

    beforeAll(async () => {
      store = await createTestStore(kind);
      auth = createAuth({
        store: async () => store,
        clientFor: (chainId) => (chainId === 31337 ? client : undefined),
        now: () => clock,
      });
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      clock = new Date();
      await resetRateLimits(store);
    });

    async function sessionOf(cookie: string | undefined) {
      const headers: Record<string, string> = cookie ? { cookie } : {};
      const response = await auth.routes.session(new Request(`${testOrigin}/api/auth/session`, { headers }));
      return (await response.json()) as { address: string | null };
    }

    async function freshNonce(): Promise<string> {
      const response = await auth.routes.nonce(new Request(`${testOrigin}/api/auth/nonce`));
      expect(response.headers.get("cache-control")).toBe("no-store");
      return ((await response.json()) as { nonce: string }).nonce;
    }

    it("signs in an EOA, sets an httpOnly SameSite cookie, and reads the session back", async () => {
      const nonce = await freshNonce();
      const message = testSiweMessage({ address: alice.address, nonce, issuedAt: clock });
      const response = await auth.routes.verify(verifyRequest(message, await alice.signMessage({ message })));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ address: alice.address, chainId: 31337 });
      const setCookie = response.headers.get("set-cookie") ?? "";
      expect(setCookie).toMatch(/^commons_session=[A-Za-z0-9_-]{40,};/);
      expect(setCookie).toContain("HttpOnly");
      expect(setCookie).toContain("SameSite=Lax");
      expect(setCookie).toContain("Max-Age=604800");
      expect(setCookie).not.toContain("Secure");
      expect(await sessionOf(cookieOf(response))).toEqual({ address: alice.address, chainId: 31337 });
      expect(await sessionOf(undefined)).toEqual({ address: null });
      expect(await sessionOf("commons_session=forged")).toEqual({ address: null });
    });

    it("marks the cookie Secure behind https", async () => {
      const nonce = await freshNonce();
      const origin = "https://commons.example";
      const message = testSiweMessage({ address: alice.address, nonce, host: "commons.example" }).replace(
        "URI: http://commons.example",
        "URI: https://commons.example",
      );
      const response = await auth.routes.verify(verifyRequest(message, await alice.signMessage({ message }), origin));
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toContain("Secure");
    });

    it("refuses a replayed message (the nonce is single use)", async () => {
      const nonce = await freshNonce();
      const message = testSiweMessage({ address: alice.address, nonce });
      const signature = await alice.signMessage({ message });
      expect((await auth.routes.verify(verifyRequest(message, signature))).status).toBe(200);
      const replay = await auth.routes.verify(verifyRequest(message, signature));
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { error: string }).error).toMatch(/expired or was already used/);
      expect(replay.headers.get("set-cookie")).toBeNull();
    });

    it("refuses a nonce the server never issued, and one older than 10 minutes", async () => {
      const invented = testSiweMessage({ address: alice.address, nonce: "inventedNonce1234" });
      expect(
        (await auth.routes.verify(verifyRequest(invented, await alice.signMessage({ message: invented })))).status,
      ).toBe(401);
      const nonce = await freshNonce();
      const message = testSiweMessage({ address: alice.address, nonce });
      clock = new Date(clock.getTime() + nonceTtlMs + 1_000);
      expect((await auth.routes.verify(verifyRequest(message, await alice.signMessage({ message })))).status).toBe(401);
    });

    it("refuses a session after 7 days and after logout", async () => {
      const cookie = await signInForTest(auth, alice);
      clock = new Date(clock.getTime() + sessionTtlMs - 60_000);
      expect((await sessionOf(cookie)).address).toBe(alice.address);
      clock = new Date(clock.getTime() + 120_000);
      expect((await sessionOf(cookie)).address).toBeNull();
      const expired = await auth.requireSession(
        new Request(`${testOrigin}/x`, { method: "PUT", headers: { cookie, origin: testOrigin } }),
      );
      expect(expired).toBeInstanceOf(Response);
      expect((expired as Response).status).toBe(401);

      clock = new Date();
      const second = await signInForTest(auth, alice);
      const logout = await auth.routes.logout(
        new Request(`${testOrigin}/api/auth/logout`, {
          method: "POST",
          headers: { cookie: second, origin: testOrigin },
        }),
      );
      expect(logout.headers.get("set-cookie")).toMatch(/^commons_session=; .*Max-Age=0/);
      expect((await sessionOf(second)).address).toBeNull();
    });

    it("refuses a signature by someone else, another host, another chain, and a cross-site write", async () => {
      let nonce = await freshNonce();
      let message = testSiweMessage({ address: alice.address, nonce });
      expect((await auth.routes.verify(verifyRequest(message, await bob.signMessage({ message })))).status).toBe(401);

      nonce = await freshNonce();
      message = testSiweMessage({ address: alice.address, nonce, host: "evil.example" });
      const otherHost = await auth.routes.verify(verifyRequest(message, await alice.signMessage({ message })));
      expect(otherHost.status).toBe(400);
      expect(await otherHost.json()).toMatchObject({ field: "message", error: expect.stringMatching(/evil\.example/) });

      nonce = await freshNonce();
      message = testSiweMessage({ address: alice.address, nonce, chainId: 1 });
      const otherChain = await auth.routes.verify(verifyRequest(message, await alice.signMessage({ message })));
      expect(otherChain.status).toBe(400);
      expect(((await otherChain.json()) as { error: string }).error).toMatch(/chain 1 is not/);

      const expiredMessage = testSiweMessage({
        address: alice.address,
        nonce: await freshNonce(),
        expirationTime: new Date(clock.getTime() - 1_000),
      });
      const expiredSignature = await alice.signMessage({ message: expiredMessage });
      expect((await auth.routes.verify(verifyRequest(expiredMessage, expiredSignature))).status).toBe(401);

      const cookie = await signInForTest(auth, alice);
      const crossSite = await auth.requireSession(
        new Request(`${testOrigin}/x`, { method: "PUT", headers: { cookie, origin: "https://evil.example" } }),
      );
      expect((crossSite as Response).status).toBe(403);
    });

    it("with COMMONS_PUBLIC_ORIGIN's hosts, refuses a sign-in through a forged Host header", async () => {
      const pinned = createAuth({
        store: async () => store,
        clientFor: () => client,
        now: () => clock,
        hosts: ["localhost:3000"],
      });
      const nonce = await freshNonce();
      const message = testSiweMessage({ address: alice.address, nonce, host: "evil.example" });
      const forged = await pinned.routes.verify(
        new Request("http://evil.example/api/auth/verify", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-host": "evil.example" },
          body: JSON.stringify({ message, signature: await alice.signMessage({ message }) }),
        }),
      );
      expect(forged.status).toBe(400);
      expect(((await forged.json()) as { error: string }).error).toMatch(/does not sign in at evil\.example/);
      expect(await signInForTest(pinned, alice)).toMatch(/^commons_session=/);
    });

    it("in production without COMMONS_PUBLIC_ORIGIN, refuses to sign in and says why", async () => {
      const unpinned = createAuth({
        store: async () => store,
        clientFor: () => client,
        now: () => clock,
        production: true,
      });
      const nonce = await unpinned.routes.nonce(new Request("http://evil.example/api/auth/nonce"));
      expect(nonce.status).toBe(503);
      expect(((await nonce.json()) as { error: string }).error).toMatch(/COMMONS_PUBLIC_ORIGIN/);
      // A phishing site relaying its visitor's signature, Host and X-Forwarded-Host its own: refused.
      const message = testSiweMessage({ address: alice.address, nonce: await freshNonce(), host: "evil.example" });
      const relayed = await unpinned.routes.verify(
        new Request("http://evil.example/api/auth/verify", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-host": "evil.example" },
          body: JSON.stringify({ message, signature: await alice.signMessage({ message }) }),
        }),
      );
      expect(relayed.status).toBe(503);
      expect(relayed.headers.get("set-cookie")).toBeNull();
      // With the public origin set, production signs in at that host only.
      const pinned = createAuth({
        store: async () => store,
        clientFor: () => client,
        now: () => clock,
        production: true,
        hosts: ["localhost:3000"],
      });
      expect(await signInForTest(pinned, alice)).toMatch(/^commons_session=/);
    });

    it("treats a malformed session cookie as no session, not a server error", async () => {
      const cookie = "commons_session=%E0%A4%A";
      expect(await sessionOf(cookie)).toEqual({ address: null });
      const write = await auth.requireSession(
        new Request(`${testOrigin}/x`, { method: "PUT", headers: { cookie, origin: testOrigin } }),
      );
      expect((write as Response).status).toBe(401);
      const logout = await auth.routes.logout(
        new Request(`${testOrigin}/api/auth/logout`, { method: "POST", headers: { cookie, origin: testOrigin } }),
      );
      expect(logout.status).toBe(200);
    });

    it("purges used nonces, expired sessions and ended ones", async () => {
      const count = async (table: string) =>
        Number((await store.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0]?.n);
      await store.query("DELETE FROM auth_nonces");
      await store.query("DELETE FROM auth_sessions");
      const first = await signInForTest(auth, alice);
      await auth.issueNonce();
      // The nonce the sign-in used is gone; only the one just issued is left.
      expect(await count("auth_nonces")).toBe(1);
      clock = new Date(clock.getTime() + sessionTtlMs + 1_000);
      const second = await signInForTest(auth, bob);
      expect(await sessionOf(first)).toEqual({ address: null });
      expect(await count("auth_sessions")).toBe(1);
      await auth.routes.logout(
        new Request(`${testOrigin}/api/auth/logout`, {
          method: "POST",
          headers: { cookie: second, origin: testOrigin },
        }),
      );
      expect(await count("auth_sessions")).toBe(0);
    });

    it("bounds the sign-ins in progress", async () => {
      await store.query("DELETE FROM auth_nonces");
      const capped = createAuth({
        store: async () => store,
        clientFor: () => client,
        now: () => clock,
        maxOpenNonces: 3,
      });
      const ask = (ip: string) =>
        capped.routes.nonce(new Request(`${testOrigin}/api/auth/nonce`, { headers: { "x-forwarded-for": ip } }));
      for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) expect((await ask(ip)).status).toBe(200);
      const full = await ask("198.51.100.4");
      expect(full.status).toBe(503);
      expect(full.headers.get("retry-after")).toBe("60");
    });

    it("limits nonces by the address server.js puts last in X-Forwarded-For, not by what the client wrote first", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const response = await auth.routes.nonce(
          new Request(`${testOrigin}/api/auth/nonce`, {
            headers: { "x-forwarded-for": `10.${i}.0.1, 203.0.113.9` },
          }),
        );
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
      expect(statuses[30]).toBe(429);
    });

    it("refuses malformed input, naming the field", async () => {
      const bad = async (body: string, type = "application/json") =>
        auth.routes.verify(
          new Request(`${testOrigin}/api/auth/verify`, { method: "POST", headers: { "content-type": type }, body }),
        );
      let response = await bad(JSON.stringify({ message: "hello", signature: "nothex" }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: "signature" });
      response = await bad(JSON.stringify({ message: "hello", signature: "0x1234" }));
      expect(await response.json()).toMatchObject({ field: "message" });
      response = await bad("{not json");
      expect(await response.json()).toMatchObject({ field: "body" });
      response = await bad(JSON.stringify({ message: "x".repeat(20_000), signature: "0x12" }));
      expect(response.status).toBe(413);
      response = await bad("message=x", "application/x-www-form-urlencoded");
      expect(response.status).toBe(415);
    });

    it("signs in a contract wallet (EIP-1271) when its owner signs, not when someone else does", async () => {
      const nonce = await freshNonce();
      const message = testSiweMessage({ address: contractWallet, nonce });
      const response = await auth.routes.verify(verifyRequest(message, await alice.signMessage({ message })));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { address: string }).address).toBe(contractWallet);

      const nonce2 = await freshNonce();
      const message2 = testSiweMessage({ address: contractWallet, nonce: nonce2 });
      expect(
        (await auth.routes.verify(verifyRequest(message2, await bob.signMessage({ message: message2 })))).status,
      ).toBe(401);
    });
  });
}
