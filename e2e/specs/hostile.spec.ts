/**
 * What a hostile chain or client sends stays inert: markup in a proposal's title, a forged cookie,
 * NUL bytes, bidi and invisible characters in titles and searches; and pages run no script but
 * those carrying the response's Content Security Policy nonce.
 */
import type { Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { anvilKeys } from "../../lib/server/auth/testing";
import { proposalsFromChain } from "../fixtures/governor";
import { anvilAccounts, expect, test } from "../fixtures/test";
import { connectFromPanel, findProposal, hasVotedOnChain, votesAtSnapshot } from "../fixtures/writes";

test("a hostile proposal's title renders as inert text, in the list and on its page", async ({
  page,
  chain,
  env,
  pageProblems,
}) => {
  const proposals = await proposalsFromChain(chain, env.dao.governor, BigInt(env.dao.startBlock));
  const hostile = proposals.find((proposal) => /<script|onerror=/i.test(proposal.description));
  test.skip(!hostile, "this DAO has no proposal with markup in its description");
  if (!hostile) return;
  const title = proposalTitle(hostile.description);
  expect(title).not.toMatch(/[<>]/);

  await page.goto(`/${env.dao.slug}`);
  const link = page.getByRole("list", { name: "Proposals" }).getByRole("link", { name: title, exact: true });
  await expect(link).toBeVisible();
  // Nothing from the description became an element: no images, scripts, iframes or handlers.
  await expect(page.locator("main img, main iframe, main svg[onload], main [onerror], main [onclick]")).toHaveCount(0);

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${hostile.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(
    page.locator("main img, main iframe, main form, main [onerror], main [onload], main [onclick]"),
  ).toHaveCount(0);
  const unsafeLinks = await page
    .locator("a[href]")
    .evaluateAll((anchors) =>
      anchors.map((a) => a.getAttribute("href") ?? "").filter((href) => !/^(\/|https?:|mailto:|#|\?)/i.test(href)),
    );
  expect(unsafeLinks).toEqual([]);
  expect(pageProblems).toEqual([]);
});

test("a forged session cookie and NUL bytes answer plainly, never with a server error", async ({ page, env }) => {
  const forged = await page.request.get("/api/auth/session", { headers: { cookie: "commons_session=%E0%A4%A" } });
  expect(forged.status()).toBe(200);
  expect(await forged.json()).toEqual({ address: null });

  // A search holding U+0000: the page drops it like any control character and searches the rest.
  const search = await page.goto(`/${env.dao.slug}?q=${encodeURIComponent("grants\u0000")}`);
  expect(search?.status()).toBe(200);
  await expect(page.getByRole("searchbox")).toHaveValue("grants");
  await expect(page.getByText(/The indexer/)).toHaveCount(0);
  // Asked directly, the indexer refuses it by name.
  const indexer = await page.request.get(
    `${process.env.E2E_INDEXER_URL}/api/daos/${env.dao.slug}/proposals?q=${encodeURIComponent("a\u0000")}`,
  );
  expect(indexer.status()).toBe(400);
  expect(await indexer.json()).toEqual({ error: "q must not contain control characters" });
});

test("bidi and invisible characters in a draft's title and a search are dropped, as in proposal titles", async ({
  page,
  playwright,
  env,
}) => {
  // Signed in through the API as dev account #0 (a token holder, so it may save drafts).
  const account = privateKeyToAccount(anvilKeys[0]);
  const base = new URL(env.baseUrl);
  const api = await playwright.request.newContext({ baseURL: env.baseUrl, extraHTTPHeaders: { origin: base.origin } });
  const { nonce } = (await (await api.get("/api/auth/nonce")).json()) as { nonce: string };
  const message = createSiweMessage({
    domain: base.host,
    uri: base.origin,
    address: account.address,
    chainId: env.chainId,
    nonce,
    version: "1",
  });
  const verified = await api.post("/api/auth/verify", {
    data: { message, signature: await account.signMessage({ message }) },
  });
  expect(verified.status()).toBe(200);
  const hostileTitle = "Pay the \u202Egnirts\u202C team\u200B now\u2066";
  const created = await api.post(`/api/daos/${env.dao.slug}/drafts`, {
    data: { title: hostileTitle, body: "", discussionUrl: "", actions: [], nextId: 1 },
  });
  expect(created.status()).toBe(201);
  const { draft } = (await created.json()) as { draft: { id: string } };
  const clean = "Pay the gnirts team now";
  const hidden = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;

  // Anyone with the link: the read-only draft, its heading and the page's <title>.
  await page.goto(`/${env.dao.slug}/drafts/${draft.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(clean);
  expect(await page.title()).toContain(`Draft: ${clean}`);
  expect(await page.title()).not.toMatch(hidden);
  // Its author's list of drafts.
  await page.context().addCookies((await api.storageState()).cookies);
  await page.goto(`/${env.dao.slug}/drafts`);
  await expect(page.getByRole("link", { name: clean })).toBeVisible();
  expect(await page.locator("main").textContent()).not.toMatch(hidden);
  await api.dispose();

  await page.goto(`/${env.dao.slug}?q=${encodeURIComponent("\u202Enothing such\u202C")}`);
  await expect(page.getByText("Nothing matches “nothing such”.")).toBeVisible();
  expect(await page.locator("main").textContent()).not.toMatch(hidden);
});

test("pages run only scripts carrying the response's nonce, and still hydrate, connect and vote", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const violations: string[] = [];
  page.on("console", (entry) => {
    if (/Content Security Policy/i.test(entry.text())) violations.push(entry.text());
  });
  const first = await page.request.get(`/${env.dao.slug}`);
  const second = await page.request.get(`/${env.dao.slug}`);
  const policy = first.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src ")) ?? "";
  expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  const nonceOf = (header: string) => /'nonce-([^']+)'/.exec(header)?.[1];
  expect(nonceOf(second.headers()["content-security-policy"] ?? "")).not.toBe(nonceOf(policy));

  const voter = anvilAccounts[1] as Address;
  const proposal = await findProposal(
    chain,
    env.dao,
    "Active",
    async (p) =>
      !(await hasVotedOnChain(chain, env.dao.governor, p.id, voter)) &&
      (await votesAtSnapshot(chain, env.dao.governor, p.id, voter)) > 0n,
  );
  test.skip(!proposal, "no Active proposal dev account #1 can vote on");
  if (!proposal) return;
  await injectWallet({ address: voter });
  const response = await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
  const pageNonce = nonceOf(response?.headers()["content-security-policy"] ?? "");
  // Every script Next rendered carries this response's nonce (the DOM hides the attribute; the property keeps it).
  const nonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => script.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([pageNonce]));

  const vote = page.getByRole("region", { name: "Vote", exact: true });
  await connectFromPanel(page, vote, "vote");
  await vote.getByRole("radio", { name: "For" }).check();
  await vote.getByRole("button", { name: "Vote For" }).click();
  await expect(vote.getByRole("region", { name: "Your vote" })).toContainText("You voted For");
  expect(await hasVotedOnChain(chain, env.dao.governor, proposal.id, voter)).toBe(true);
  expect(violations).toEqual([]);
  expect(pageProblems).toEqual([]);
});
