/**
 * The delegate-statement API on both store backends, signed in through SIWE (signatures checked
 * on a real anvil): create, read, update with history; someone else gets 403; no session or an
 * expired one gets 401; oversized and malformed input is refused naming the field.
 */
import { type Client, createPublicClient, http } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort, startAnvil } from "../../../harness/anvil";
import { createTestStore, hasPostgres } from "../../../harness/testStore";
import { type Auth, createAuth, sessionTtlMs } from "../auth/auth";
import { anvilKeys, signInForTest, testOrigin } from "../auth/testing";
import { resetRateLimits } from "../rateLimit";
import type { StoreBackend } from "../store/types";
import { getStatementSummaries, statementRoutes } from "./statements";

const alice = privateKeyToAccount(anvilKeys[1]);
const bob = privateKeyToAccount(anvilKeys[2]);
const carol = privateKeyToAccount(anvilKeys[3]);
/** Holds nothing in the DAO (the test's hasStake says so). */
const stranger = privateKeyToAccount(generatePrivateKey());
const dao = "commons";

let anvil: Awaited<ReturnType<typeof startAnvil>>;
let client: Client;

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort() });
  client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
});
afterAll(async () => {
  await anvil?.stop();
});

const postgres = await hasPostgres();

for (const kind of ["pglite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && !postgres)(`statements API on ${kind}`, () => {
    let store: StoreBackend;
    let auth: Auth;
    let routes: ReturnType<typeof statementRoutes>;
    let clock: Date;
    let aliceCookie: string;
    let bobCookie: string;
    let carolCookie: string;

    beforeAll(async () => {
      store = await createTestStore(kind);
      clock = new Date();
      auth = createAuth({
        store: async () => store,
        clientFor: (chainId) => (chainId === 31337 ? client : undefined),
        now: () => clock,
      });
      routes = statementRoutes({
        store: async () => store,
        auth,
        daoExists: (slug) => slug === dao,
        hasStake: async (_slug, address) => address !== stranger.address,
        now: () => clock,
      });
      aliceCookie = await signInForTest(auth, alice);
      bobCookie = await signInForTest(auth, bob);
      carolCookie = await signInForTest(auth, carol);
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      clock = new Date();
      await resetRateLimits(store);
    });

    const url = (address: string, query = "") => `${testOrigin}/api/daos/${dao}/statements/${address}${query}`;

    function put(address: string, body: unknown, cookie?: string, raw = false) {
      const headers: Record<string, string> = { "content-type": "application/json", origin: testOrigin };
      if (cookie) headers.cookie = cookie;
      const request = new Request(url(address), {
        method: "PUT",
        headers,
        body: raw ? (body as string) : JSON.stringify(body),
      });
      return routes.PUT(request, { dao, address });
    }

    async function get(address: string, query = "") {
      const response = await routes.GET(new Request(url(address, query)), { dao, address });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }

    it("creates, reads, and updates a statement, keeping every version", async () => {
      expect((await get(alice.address)).body).toEqual({ statement: null });

      const created = await put(
        alice.address,
        { statement: "# Alice\n\nI vote for **public goods**.", links: [] },
        aliceCookie,
      );
      expect(created.status).toBe(200);
      expect(await created.json()).toMatchObject({ statement: { address: alice.address, version: 1, links: [] } });

      // The path's address may be lowercase; the statement is stored under the checksummed one.
      const updated = await put(
        alice.address.toLowerCase(),
        {
          statement: "I vote for public goods and against spending without a budget.",
          links: ["https://forum.example.org/t/alice"],
        },
        aliceCookie,
      );
      expect(updated.status).toBe(200);

      const read = await get(alice.address, "?history=1");
      expect(read.status).toBe(200);
      expect(read.body.statement).toMatchObject({
        dao,
        address: alice.address,
        statement: "I vote for public goods and against spending without a budget.",
        links: ["https://forum.example.org/t/alice"],
        version: 2,
      });
      const history = read.body.history as { version: number; statement: string }[];
      expect(history.map((entry) => entry.version)).toEqual([2, 1]);
      expect(history[1]?.statement).toBe("# Alice\n\nI vote for **public goods**.");

      const summaries = await getStatementSummaries(store, dao, [alice.address.toLowerCase(), bob.address]);
      expect(summaries.get(alice.address.toLowerCase())).toBe(
        "I vote for public goods and against spending without a budget.",
      );
      expect(summaries.has(bob.address.toLowerCase())).toBe(false);
    });

    it("refuses to let another address write someone's statement (403) and anyone without a session (401)", async () => {
      const forged = await put(alice.address, { statement: "Bob was here", links: [] }, bobCookie);
      expect(forged.status).toBe(403);
      expect(((await forged.json()) as { error: string }).error).toMatch(/only 0x70997970/);
      const anonymous = await put(alice.address, { statement: "Nobody was here", links: [] });
      expect(anonymous.status).toBe(401);
      expect(((await get(alice.address)).body.statement as { statement: string }).statement).not.toMatch(/was here/);
    });

    it("refuses an expired session", async () => {
      clock = new Date(Date.now() + sessionTtlMs + 60_000);
      const response = await put(bob.address, { statement: "Too late", links: [] }, bobCookie);
      expect(response.status).toBe(401);
      clock = new Date();
      expect((await get(bob.address)).body).toEqual({ statement: null });
    });

    it("refuses oversized and malformed input with a message naming the field", async () => {
      const cases: [unknown, number, string][] = [
        [{ statement: "x".repeat(20_001), links: [] }, 400, "statement"],
        [{ statement: 42, links: [] }, 400, "statement"],
        [{ links: [] }, 400, "statement"],
        [{ statement: "ok", links: Array.from({ length: 6 }, (_, i) => `https://x.org/${i}`) }, 400, "links"],
        [{ statement: "ok", links: ["javascript:alert(1)"] }, 400, "links[0]"],
        [{ statement: "ok", links: ["https://ok.org", "ftp://x.org/file"] }, 400, "links[1]"],
        [{ statement: "ok", links: [`https://x.org/${"a".repeat(2_000)}`] }, 400, "links[0]"],
        [{ statement: "ok", links: "https://x.org" }, 400, "links"],
        [{ statement: "ok", extra: true }, 400, "body"],
      ];
      for (const [body, status, field] of cases) {
        const response = await put(bob.address, body, bobCookie);
        const json = (await response.json()) as { error: string; field: string };
        expect({ status: response.status, field: json.field }, JSON.stringify(body).slice(0, 80)).toEqual({
          status,
          field,
        });
        if (field !== "body") expect(json.error.startsWith(`${field}:`)).toBe(true);
      }
      const notJson = await put(bob.address, "{nope", bobCookie, true);
      expect(notJson.status).toBe(400);
      expect(await notJson.json()).toMatchObject({ field: "body" });
      const huge = await put(bob.address, { statement: "x".repeat(200_000), links: [] }, bobCookie);
      expect(huge.status).toBe(413);
      const badAddress = await routes.PUT(new Request(url("0x1234"), { method: "PUT" }), { dao, address: "0x1234" });
      expect(await badAddress.json()).toMatchObject({ field: "address" });
      const badDao = await routes.GET(new Request(url(alice.address)), { dao: "nope", address: alice.address });
      expect(badDao.status).toBe(404);
      expect((await get(bob.address)).body).toEqual({ statement: null });
    });

    it("refuses NUL characters with a 400 naming the field, not a server error", async () => {
      const inStatement = await put(bob.address, { statement: "a\u0000b", links: [] }, bobCookie);
      expect(inStatement.status).toBe(400);
      expect(await inStatement.json()).toMatchObject({ field: "statement", error: expect.stringMatching(/NUL/) });
      const inLink = await put(bob.address, { statement: "ok", links: ["https://x.org/\u0000"] }, bobCookie);
      expect(inLink.status).toBe(400);
      expect(await inLink.json()).toMatchObject({ field: "links[0]" });
    });

    it("keeps the newest 50 versions of a statement", async () => {
      for (let i = 1; i <= 55; i++) {
        // A minute apart: the rate limit allows 20 a minute.
        clock = new Date(clock.getTime() + 61_000 * (i % 20 === 0 ? 1 : 0));
        const response = await put(carol.address, { statement: `version ${i}`, links: [] }, carolCookie);
        expect(response.status).toBe(200);
      }
      const rows = await store.query<{ version: number }>(
        "SELECT version FROM statement_revisions WHERE dao = $1 AND address = $2 ORDER BY version",
        [dao, carol.address],
      );
      expect(rows.map((row) => row.version)).toEqual(Array.from({ length: 50 }, (_, i) => i + 6));
      expect(((await get(carol.address)).body.statement as { version: number }).version).toBe(55);
    });

    it("lets only addresses with a stake in the DAO write a statement", async () => {
      const cookie = await signInForTest(auth, stranger);
      const response = await put(stranger.address, { statement: "I hold nothing", links: [] }, cookie);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(/holders of the DAO's token/);
      expect((await get(stranger.address)).body).toEqual({ statement: null });
    });

    it("limits the rate of writes per address", async () => {
      let last = 0;
      for (let i = 0; i < 21; i++) last = (await put(bob.address, { statement: `v${i}`, links: [] }, bobCookie)).status;
      expect(last).toBe(429);
    });
  });
}
