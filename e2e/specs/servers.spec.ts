/**
 * The production server (server.js) as operators run it: several app servers on one PostgreSQL
 * share sign-in nonces, sessions and rate limits; behind a trusted proxy the proxy's word on the
 * client, host and scheme counts (and https brings HSTS); without one, a client's own
 * X-Forwarded-* headers count for nothing; without COMMONS_PUBLIC_ORIGIN, sign-in is refused.
 */
import { type Hex, hexToBigInt } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { startTempPostgres, type TempPostgres } from "../../harness/postgres";
import { anvilKeys } from "../../lib/server/auth/testing";
import { type AppServer, startAppServer } from "../fixtures/servers";
import { expect, test } from "../fixtures/test";

const origin = "https://commons.test";
const account = privateKeyToAccount(anvilKeys[0]);

/** A request as the trusted proxy in front of the servers would forward it. */
function viaProxy(server: AppServer, path: string, client: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    redirect: "manual",
    headers: {
      "x-forwarded-for": client,
      "x-forwarded-host": "commons.test",
      "x-forwarded-proto": "https",
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

async function signedIn(server: AppServer, client: string) {
  const { nonce } = (await (await viaProxy(server, "/api/auth/nonce", client)).json()) as { nonce: string };
  const message = createSiweMessage({
    domain: "commons.test",
    uri: origin,
    address: account.address,
    chainId: 31337,
    nonce,
    version: "1",
    issuedAt: new Date(),
  });
  return { message, signature: await account.signMessage({ message }) };
}

function verify(server: AppServer, client: string, body: { message: string; signature: Hex }) {
  return viaProxy(server, "/api/auth/verify", client, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify(body),
  });
}

test.describe("several app servers on one PostgreSQL, behind a trusted proxy", () => {
  let postgres: TempPostgres | undefined;
  let servers: AppServer[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    postgres = await startTempPostgres();
    const env = {
      COMMONS_DATABASE_URL: postgres.url,
      COMMONS_PUBLIC_ORIGIN: origin,
      COMMONS_TRUSTED_PROXIES: "127.0.0.1, ::1",
    };
    servers = await Promise.all([startAppServer("pg-a", { env }), startAppServer("pg-b", { env })]);
  });
  test.afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await postgres?.stop();
  });

  test("a nonce used on one server is refused on the other; a session opened on one holds on both", async () => {
    const [a, b] = servers as [AppServer, AppServer];
    const signIn = await signedIn(a, "198.51.100.10");
    const first = await verify(b, "198.51.100.10", signIn);
    expect(first.status, await first.clone().text()).toBe(200);
    const cookie = first.headers.get("set-cookie") ?? "";
    // https as the proxy said: the cookie is Secure.
    expect(cookie).toMatch(/; Secure/);
    const replayed = await verify(a, "198.51.100.10", signIn);
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: string }).error).toMatch(/already used/);
    const session = await viaProxy(a, "/api/auth/session", "198.51.100.10", {
      headers: { cookie: cookie.split(";")[0] ?? "" },
    });
    expect(await session.json()).toMatchObject({ address: account.address });
  });

  test("a rate limit holds across both servers, for the client the proxy names", async () => {
    const [a, b] = servers as [AppServer, AppServer];
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await viaProxy(i % 2 === 0 ? a : b, "/api/auth/nonce", "198.51.100.77")).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await viaProxy(b, "/api/auth/nonce", "198.51.100.78")).status).toBe(200);
  });

  test("over https through the proxy, pages carry HSTS", async () => {
    const [a] = servers as [AppServer];
    const page = await viaProxy(a, "/", "198.51.100.10");
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const plain = await viaProxy(a, "/", "198.51.100.10", { headers: { "x-forwarded-proto": "http" } });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});

test.describe("a server reached directly, with no public origin configured", () => {
  let server: AppServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startAppServer("no-origin", { env: { COMMONS_PUBLIC_ORIGIN: "" } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("refuses to sign anyone in, naming the setting", async () => {
    const response = await fetch(`${server?.url}/api/auth/nonce`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/COMMONS_PUBLIC_ORIGIN/);
  });

  test("counts a client by its socket, whatever X-Forwarded-For it invents", async ({ env }) => {
    // Adding a discussion link is limited per client before the server reads the chain.
    const url = `${server?.url}/api/daos/${env.dao.slug}/proposals/${hexToBigInt("0x1234")}/discussion-links`;
    const link = `https://${env.dao.forumHosts?.[0] ?? "forum.example.org"}/t/1`;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.${i}.0.1`, "x-real-ip": `10.${i}.0.2` },
        body: JSON.stringify({ url: link, signature: "0x1234" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  test("takes no scheme from the client: no HSTS for a forged X-Forwarded-Proto", async () => {
    const response = await fetch(`${server?.url}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});
