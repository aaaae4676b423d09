/**
 * The drafts and discussion-link APIs against both backends of the app's store (PGlite in memory
 * and a throwaway PostgreSQL): create / read / update with a session, another address refused,
 * oversized and malformed input refused naming the field, a stale version refused with 409, the
 * proposal id recorded only when the chain says the author proposed it, and a discussion link
 * with a bad signature refused.
 *
 * Over 300 lines: one suite of the drafts API, sharing its store and session fixtures.
 */
import { type Address, createClient, custom, type Hex, verifyMessage } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { createSiweMessage } from "viem/siwe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, hasPostgres } from "../../../harness/testStore";
import { discussionLinkMessage } from "../../proposals/discussionLinks";
import { type Auth, createAuth } from "../auth/auth";
import { anvilKeys } from "../auth/testing";
import { addDiscussionLink, type DiscussionLinkDeps, listDiscussionLinks } from "../discussionLinks/discussionLinksApi";
import { createRateLimiter, type RateLimit, resetRateLimits } from "../rateLimit";
import type { StoreBackend } from "../store/types";
import { type ApiDeps, createMyDraft, listMyDrafts, readDraft, recordDraftProposal, updateMyDraft } from "./draftsApi";
import { draftsOfProposal } from "./draftsStore";

// Anvil's well-known dev keys (public; never hold value).
const alice = privateKeyToAccount(anvilKeys[0]);
const bob = privateKeyToAccount(anvilKeys[1]);
const slug = "commons";
const forum = "forum.commons.example";
const governor = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

// Signing in never needs the chain for an EOA: viem falls back to recovering the signer.
const offline = createClient({
  chain: foundry,
  transport: custom({ request: () => Promise.reject(new Error("no chain in unit tests")) }, { retryCount: 0 }),
});

/** Signs in through the real SIWE routes (lib/server/auth) and returns the session cookie. */
async function signIn(auth: Auth, account: typeof alice): Promise<string> {
  const nonce = await auth.issueNonce();
  const message = createSiweMessage({
    address: account.address,
    chainId: 31337,
    domain: "commons.test",
    nonce,
    uri: "http://commons.test",
    version: "1",
  });
  const signature = await account.signMessage({ message });
  const response = await auth.routes.verify(
    new Request("http://commons.test/api/auth/verify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message, signature }),
    }),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

const cookies = new Map<Address, string>();
const base = "http://commons.test/api/daos/commons/drafts";
function req(method: string, url: string, as: Address | null, body?: unknown): Request {
  const cookie = as ? cookies.get(as) : undefined;
  return new Request(url, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

const fields = {
  title: "Fund the grants program",
  body: "## Summary\n\nWe fund it.",
  discussionUrl: `https://${forum}/t/1`,
  actions: [{ id: "a1", kind: "eth", to: "0x0000000000000000000000000000000000000001", amount: "1.5" }],
  nextId: 2,
};

const backends = [
  { kind: "pglite" as const, available: true },
  { kind: "postgres" as const, available: await hasPostgres() },
];

for (const backend of backends) {
  describe.skipIf(!backend.available)(`drafts API on ${backend.kind}`, () => {
    let store: StoreBackend;
    let deps: ApiDeps;
    const proposers = new Map<bigint, Address>();
    let limitedKey: string | null = null;
    const holders = new Set<string>([alice.address, bob.address]);

    beforeAll(async () => {
      store = await createTestStore(backend.kind);
      const auth = createAuth({ store: async () => store, clientFor: () => offline });
      for (const account of [alice, bob]) cookies.set(account.address, await signIn(auth, account));
      deps = {
        store,
        session: (request) => auth.requireSession(request),
        forumHosts: (name) => (name === slug ? [forum] : null),
        proposer: async (_slug, id) => proposers.get(id) ?? null,
        rateLimit: async (key) =>
          limitedKey !== null && key.includes(limitedKey)
            ? Response.json({ error: "Too many requests" }, { status: 429 })
            : null,
        hasStake: async (_slug, address) => holders.has(address),
      };
    });
    afterAll(async () => {
      await store?.close();
    });

    it("creates, reads (publicly), lists and updates a draft for its author", async () => {
      const created = await createMyDraft(deps, req("POST", base, alice.address, fields), slug);
      expect(created.status).toBe(201);
      const { draft } = (await created.json()) as { draft: { id: string; version: number; author: string } };
      expect(draft.id).toMatch(/^[0-9a-f]{32}$/);
      expect(draft.version).toBe(1);
      expect(draft.author).toBe(alice.address.toLowerCase());

      // Anyone with the link reads it, signed in or not.
      const read = await readDraft(deps, slug, draft.id);
      expect(read.status).toBe(200);
      expect(((await read.json()) as { draft: typeof fields }).draft).toMatchObject(fields);

      const mine = await listMyDrafts(deps, req("GET", base, alice.address), slug);
      expect(((await mine.json()) as { drafts: { id: string }[] }).drafts.map((d) => d.id)).toContain(draft.id);
      const bobs = await listMyDrafts(deps, req("GET", base, bob.address), slug);
      expect(((await bobs.json()) as { drafts: unknown[] }).drafts).toEqual([]);

      const put = await updateMyDraft(
        deps,
        req("PUT", `${base}/${draft.id}`, alice.address, { ...fields, title: "Fund grants, v2", version: 1 }),
        slug,
        draft.id,
      );
      expect(put.status).toBe(200);
      const updated = ((await put.json()) as { draft: { title: string; version: number } }).draft;
      expect(updated).toMatchObject({ title: "Fund grants, v2", version: 2 });
    });

    it("refuses without a session (401), another address (403) and a stale version (409)", async () => {
      const created = await createMyDraft(deps, req("POST", base, alice.address, fields), slug);
      const { draft } = (await created.json()) as { draft: { id: string } };
      const url = `${base}/${draft.id}`;

      expect((await createMyDraft(deps, req("POST", base, null, fields), slug)).status).toBe(401);
      expect((await listMyDrafts(deps, req("GET", base, null), slug)).status).toBe(401);
      expect((await updateMyDraft(deps, req("PUT", url, null, { ...fields, version: 1 }), slug, draft.id)).status).toBe(
        401,
      );

      const foreign = await updateMyDraft(
        deps,
        req("PUT", url, bob.address, { ...fields, title: "Hijacked", version: 1 }),
        slug,
        draft.id,
      );
      expect(foreign.status).toBe(403);
      expect(((await foreign.json()) as { error: string }).error).toMatch(/only its author/);

      const first = await updateMyDraft(
        deps,
        req("PUT", url, alice.address, { ...fields, version: 1 }),
        slug,
        draft.id,
      );
      expect(first.status).toBe(200);
      const stale = await updateMyDraft(
        deps,
        req("PUT", url, alice.address, { ...fields, title: "From an old tab", version: 1 }),
        slug,
        draft.id,
      );
      expect(stale.status).toBe(409);
      const conflict = (await stale.json()) as { field: string; draft: { version: number; title: string } };
      expect(conflict.field).toBe("version");
      expect(conflict.draft).toMatchObject({ version: 2, title: fields.title });

      // Nothing of the refused writes landed.
      const read = (await (await readDraft(deps, slug, draft.id)).json()) as { draft: { title: string } };
      expect(read.draft.title).toBe(fields.title);
      // An unknown or malformed id is not found.
      expect((await readDraft(deps, slug, "0".repeat(32))).status).toBe(404);
      expect((await readDraft(deps, slug, "../etc")).status).toBe(404);
      expect((await readDraft(deps, "nope", draft.id)).status).toBe(404);
    });

    it.each([
      ["title", { ...fields, title: "x".repeat(201) }, "Title: must be at most 200 characters"],
      ["title", { ...fields, title: "two\nlines" }, "Title: must be a single line"],
      ["title", { ...fields, title: 42 }, "Title: must be text"],
      ["body", { ...fields, body: "x".repeat(50_001) }, "Body: must be at most 50,000 characters"],
      [
        "discussionUrl",
        { ...fields, discussionUrl: "javascript:alert(1)" },
        "Discussion URL: must start with https://",
      ],
      [
        "discussionUrl",
        { ...fields, discussionUrl: "https://evil.example/t/1" },
        `Discussion URL: must be on ${forum}`,
      ],
      [
        "actions",
        {
          ...fields,
          actions: Array.from({ length: 21 }, (_, i) => ({ id: `a${i}`, kind: "eth", to: "", amount: "" })),
        },
        "Actions: at most 20 in one proposal",
      ],
      [
        "actions.0.kind",
        { ...fields, actions: [{ id: "a1", kind: "selfdestruct" }] },
        "Action 1 · kind: must be one of",
      ],
      [
        "actions.0.to",
        { ...fields, actions: [{ id: "a1", kind: "eth", to: "0x".padEnd(3_000, "0"), amount: "" }] },
        "Action 1 · recipient: must be at most 2,000 characters",
      ],
      ["actions", { ...fields, actions: "all of them" }, "Actions: must be a list"],
    ])("refuses a bad %s with a message naming it", async (field, body, message) => {
      const response = await createMyDraft(deps, req("POST", base, alice.address, body), slug);
      expect(response.status).toBe(400);
      const error = (await response.json()) as { error: string; field: string };
      expect(error.field).toBe(field);
      expect(error.error).toContain(message);
    });

    it("refuses malformed JSON, an oversized request and a missing version", async () => {
      const malformed = await createMyDraft(deps, req("POST", base, alice.address, "{ not json"), slug);
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { error: string }).error).toMatch(/not valid JSON/);
      const huge = await createMyDraft(
        deps,
        req("POST", base, alice.address, { ...fields, body: "x".repeat(1_100_000) }),
        slug,
      );
      expect(huge.status).toBe(413);
      const created = await createMyDraft(deps, req("POST", base, alice.address, fields), slug);
      const { draft } = (await created.json()) as { draft: { id: string } };
      const noVersion = await updateMyDraft(
        deps,
        req("PUT", `${base}/${draft.id}`, alice.address, fields),
        slug,
        draft.id,
      );
      expect(noVersion.status).toBe(400);
      expect(((await noVersion.json()) as { field: string }).field).toBe("version");
    });

    it("rate limits writes per address", async () => {
      limitedKey = alice.address.toLowerCase();
      try {
        expect((await createMyDraft(deps, req("POST", base, alice.address, fields), slug)).status).toBe(429);
        expect((await createMyDraft(deps, req("POST", base, bob.address, fields), slug)).status).toBe(201);
      } finally {
        limitedKey = null;
      }
    });

    it("records the proposal only when the chain says the draft's author proposed it", async () => {
      const created = await createMyDraft(deps, req("POST", base, alice.address, fields), slug);
      const { draft } = (await created.json()) as { draft: { id: string } };
      const url = `${base}/${draft.id}`;
      proposers.set(101n, bob.address);
      proposers.set(102n, alice.address);

      const missing = await recordDraftProposal(
        deps,
        req("PATCH", url, alice.address, { proposalId: "100" }),
        slug,
        draft.id,
      );
      expect(missing.status).toBe(422);
      const foreign = await recordDraftProposal(
        deps,
        req("PATCH", url, alice.address, { proposalId: "101" }),
        slug,
        draft.id,
      );
      expect(foreign.status).toBe(403);
      const bad = await recordDraftProposal(
        deps,
        req("PATCH", url, alice.address, { proposalId: "0x66" }),
        slug,
        draft.id,
      );
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { field: string }).field).toBe("proposalId");

      const ok = await recordDraftProposal(
        deps,
        req("PATCH", url, alice.address, { proposalId: "102", tx: `0x${"ab".repeat(32)}` }),
        slug,
        draft.id,
      );
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { draft: { proposalId: string } }).draft.proposalId).toBe("102");
      const linked = await draftsOfProposal(store, slug, "102");
      expect(linked.map((d) => d.id)).toEqual([draft.id]);
    });

    it("links a draft to its proposal only for the author's session", async () => {
      const created = await createMyDraft(deps, req("POST", base, alice.address, fields), slug);
      const { draft } = (await created.json()) as { draft: { id: string } };
      const url = `${base}/${draft.id}`;
      proposers.set(103n, alice.address);
      const anonymous = await recordDraftProposal(deps, req("PATCH", url, null, { proposalId: "103" }), slug, draft.id);
      expect(anonymous.status).toBe(401);
      const other = await recordDraftProposal(
        deps,
        req("PATCH", url, bob.address, { proposalId: "103" }),
        slug,
        draft.id,
      );
      expect(other.status).toBe(403);
      expect(((await other.json()) as { error: string }).error).toMatch(/only its author/);
      expect(
        ((await (await readDraft(deps, slug, draft.id)).json()) as { draft: { proposalId: null } }).draft,
      ).toMatchObject({ proposalId: null });
    });

    it("refuses NUL characters with a 400 naming the field, in a new draft and an edit", async () => {
      const nul = await createMyDraft(deps, req("POST", base, alice.address, { ...fields, body: "a\u0000b" }), slug);
      expect(nul.status).toBe(400);
      expect(await nul.json()).toMatchObject({ field: "body", error: expect.stringMatching(/NUL/) });
      const created = await createMyDraft(deps, req("POST", base, alice.address, fields), slug);
      const { draft } = (await created.json()) as { draft: { id: string } };
      const edit = await updateMyDraft(
        deps,
        req("PUT", `${base}/${draft.id}`, alice.address, {
          ...fields,
          actions: [{ id: "a1", kind: "eth", to: "0x\u0000", amount: "" }],
          version: 1,
        }),
        slug,
        draft.id,
      );
      expect(edit.status).toBe(400);
      expect(await edit.json()).toMatchObject({ field: "actions[0].to" });
    });

    it("lets only addresses with a stake in the DAO create drafts", async () => {
      const stranger = privateKeyToAccount(anvilKeys[3]);
      const auth = createAuth({ store: async () => store, clientFor: () => offline });
      cookies.set(stranger.address, await signIn(auth, stranger));
      const refused = await createMyDraft(deps, req("POST", base, stranger.address, fields), slug);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: string }).error).toMatch(/holders of the DAO's token/);
      const failing = { ...deps, hasStake: () => Promise.reject(new Error("chain down")) };
      expect((await createMyDraft(failing, req("POST", base, alice.address, fields), slug)).status).toBe(503);
    });

    it("caps the bytes one address keeps and the drafts the store keeps", async () => {
      const big = { ...fields, body: "x".repeat(40_000) };
      const capped = { ...deps, limits: { bytesPerAuthor: (await bytesOf(bob.address)) + 85_000 } };
      expect((await createMyDraft(capped, req("POST", base, bob.address, big), slug)).status).toBe(201);
      expect((await createMyDraft(capped, req("POST", base, bob.address, big), slug)).status).toBe(201);
      const third = await createMyDraft(capped, req("POST", base, bob.address, big), slug);
      expect(third.status).toBe(413);
      expect(await third.json()).toMatchObject({ field: "drafts", error: expect.stringMatching(/MB per address/) });
      // Growing a kept draft past the cap is refused too; shrinking one is fine.
      const mine = (await (await listMyDrafts(deps, req("GET", base, bob.address), slug)).json()) as {
        drafts: { id: string; version: number }[];
      };
      const [first] = mine.drafts;
      if (!first) throw new Error("no draft");
      const grow = { ...fields, body: "y".repeat(50_000), version: first.version };
      expect(
        (await updateMyDraft(capped, req("PUT", `${base}/${first.id}`, bob.address, grow), slug, first.id)).status,
      ).toBe(413);
      const shrink = { ...fields, version: first.version };
      expect(
        (await updateMyDraft(capped, req("PUT", `${base}/${first.id}`, bob.address, shrink), slug, first.id)).status,
      ).toBe(200);

      const total = Number((await store.query<{ n: string }>("SELECT count(*)::text AS n FROM drafts"))[0]?.n);
      const full = { ...deps, limits: { draftsInStore: total } };
      const refused = await createMyDraft(full, req("POST", base, alice.address, fields), slug);
      expect(refused.status).toBe(507);
    });

    async function bytesOf(address: Address): Promise<number> {
      const { draftBytesOfAuthor } = await import("./draftsStore");
      return draftBytesOfAuthor(store, address);
    }
  });

  describe.skipIf(!backend.available)(`discussion links API on ${backend.kind}`, () => {
    let store: StoreBackend;
    let deps: DiscussionLinkDeps;
    let limiter: RateLimit;
    const proposalId = "4242";
    const linkUrl = `${base.replace("/drafts", "")}/proposals/${proposalId}/discussion-links`;
    const sign = (account: typeof alice, url: string, id = proposalId): Promise<Hex> =>
      account.signMessage({ message: discussionLinkMessage({ slug, chainId: 31337, governor, proposalId: id, url }) });

    beforeAll(async () => {
      store = await createTestStore(backend.kind);
      limiter = createRateLimiter({ store: async () => store });
      deps = {
        store,
        dao: (name) => (name === slug ? { chainId: 31337, governor, forumHosts: [forum] } : null),
        proposer: async (_slug, id) => (id === 4242n ? alice.address : null),
        verify: (_slug, args) => verifyMessage(args),
        rateLimit: (key, limit, windowMs) => limiter(key, limit, windowMs),
      };
    });
    afterAll(async () => {
      await store?.close();
    });

    it("stores a link the proposer signed, with its signature, once", async () => {
      const url = `https://${forum}/t/fund-grants/7`;
      const signature = await sign(alice, url);
      for (let i = 0; i < 2; i++) {
        const response = await addDiscussionLink(
          deps,
          req("POST", linkUrl, null, { url, signature }),
          slug,
          proposalId,
        );
        expect(response.status).toBe(201);
      }
      const list = (await (await listDiscussionLinks(deps, slug, proposalId)).json()) as {
        links: { url: string; signer: string; signature: string }[];
      };
      expect(list.links).toEqual([expect.objectContaining({ url, signer: alice.address.toLowerCase(), signature })]);
    });

    it("refuses a bad signature, someone else's, one for another link, and bad URLs", async () => {
      const url = `https://${forum}/t/other/8`;
      const cases: [unknown, number, string][] = [
        [{ url, signature: await sign(bob, url) }, 403, "signature"],
        [{ url, signature: await sign(alice, `https://${forum}/t/else/9`) }, 403, "signature"],
        [{ url, signature: await sign(alice, url, "4243") }, 403, "signature"],
        [{ url, signature: `0x${"11".repeat(65)}` }, 403, "signature"],
        [{ url, signature: "not hex" }, 400, "signature"],
        [{ url: "https://evil.example/t/1", signature: await sign(alice, "https://evil.example/t/1") }, 400, "url"],
        [{ url: "javascript:alert(1)", signature: "0x00" }, 400, "url"],
        [{ signature: "0x00" }, 400, "url"],
      ];
      for (const [body, status, field] of cases) {
        const response = await addDiscussionLink(deps, req("POST", linkUrl, null, body), slug, proposalId);
        expect(response.status, JSON.stringify(body)).toBe(status);
        expect(((await response.json()) as { field: string }).field).toBe(field);
      }
      const unknown = await addDiscussionLink(
        deps,
        req("POST", linkUrl, null, { url, signature: await sign(alice, url, "7") }),
        slug,
        "7",
      );
      expect(unknown.status).toBe(404);
      const list = (await (await listDiscussionLinks(deps, slug, proposalId)).json()) as { links: { url: string }[] };
      expect(list.links.map((link) => link.url)).not.toContain(url);
    });

    const from = (ip: string, body: unknown, id = proposalId) =>
      new Request(`${linkUrl.replace(proposalId, id)}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify(body),
      });

    it("never locks the proposer out: failed attempts count against their client, not the proposer", async () => {
      await resetRateLimits(store);
      const url = `https://${forum}/t/lockout/1`;
      const forged = await sign(bob, url);
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        statuses.push(
          (await addDiscussionLink(deps, from("198.51.100.66", { url, signature: forged }), slug, proposalId)).status,
        );
      }
      expect(statuses.slice(0, 30).every((status) => status === 403)).toBe(true);
      expect(statuses[30]).toBe(429);
      const real = await addDiscussionLink(
        deps,
        from("203.0.113.5", { url, signature: await sign(alice, url) }),
        slug,
        proposalId,
      );
      expect(real.status).toBe(201);
    });

    it("limits a client before it makes the server read the chain", async () => {
      await resetRateLimits(store);
      let chainReads = 0;
      const counting: DiscussionLinkDeps = {
        ...deps,
        proposer: async (...args) => {
          chainReads += 1;
          return deps.proposer(...args);
        },
      };
      const url = `https://${forum}/t/nothing/1`;
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) {
        statuses.push(
          (await addDiscussionLink(counting, from("198.51.100.77", { url, signature: "0x00" }, "77"), slug, "77"))
            .status,
        );
      }
      expect(statuses.filter((status) => status === 404)).toHaveLength(30);
      expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
      expect(chainReads).toBe(30);
    });

    it("counts the proposer's own added links against their limit", async () => {
      await resetRateLimits(store);
      await store.query("DELETE FROM discussion_links");
      const many: DiscussionLinkDeps = { ...deps, proposer: async () => alice.address };
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const id = String(5000 + (i % 2));
        const url = `https://${forum}/t/many/${i}`;
        // Each from another client, so only the per-proposer count can stop the 31st.
        const body = { url, signature: await sign(alice, url, id) };
        statuses.push((await addDiscussionLink(many, from(`203.0.113.${i}`, body, id), slug, id)).status);
      }
      expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
      expect(statuses[30]).toBe(429);
    });
  });
}
