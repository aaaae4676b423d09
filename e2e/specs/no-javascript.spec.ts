/**
 * Without JavaScript every page is there in the HTML — no skeleton waiting for a script to swap
 * it out — and what does not exist answers 404, not a 200 sent before the page knew.
 */
import type { Browser, BrowserContext } from "@playwright/test";
import type { Address } from "viem";
import { proposalsFromChain } from "../fixtures/governor";
import { anvilAccounts, expect, test } from "../fixtures/test";

let context: BrowserContext;

async function withoutJavaScript(browser: Browser, baseURL: string | undefined) {
  context ??= await browser.newContext({ javaScriptEnabled: false, baseURL });
  return context.newPage();
}

test.afterAll(async () => {
  await context?.close();
});

test("every page renders its content without JavaScript", async ({ browser, baseURL, chain, env }) => {
  const page = await withoutJavaScript(browser, baseURL);
  const [proposal] = await proposalsFromChain(chain, env.dao.governor, BigInt(env.dao.startBlock));
  const delegate = anvilAccounts[1] as Address;
  const slug = env.dao.slug;
  const pages: [string, string | RegExp, (() => Promise<void>)?][] = [
    // With one DAO the home page is that DAO's proposals (app/page.tsx redirects).
    ["/", env.daos.length === 1 ? "Proposals" : "Commons"],
    [
      `/${slug}`,
      "Proposals",
      () => expect(page.getByRole("list", { name: "Proposals" }).getByRole("link").first()).toBeVisible(),
    ],
    [
      `/${slug}/proposals/${proposal?.id}`,
      /\S/,
      () => expect(page.getByRole("region", { name: "Results" })).toBeVisible(),
    ],
    [`/${slug}/delegates`, "Delegates", () => expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible()],
    [`/${slug}/delegates/${delegate}`, /\S/, () => expect(page.getByText(delegate)).toBeVisible()],
    [`/${slug}/treasury`, "Treasury"],
    [`/${slug}/about`, /^About /],
    [`/${slug}/account`, "Your account"],
    [`/${slug}/drafts`, "My drafts"],
    [`/${slug}/proposals/new`, "New proposal"],
  ];
  for (const [path, heading, more] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    // Nothing is left behind a skeleton: no busy region, no "Loading…" status.
    await expect(page.locator("[aria-busy='true']"), path).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: /^Loading/ }), path).toHaveCount(0);
    await more?.();
  }
});

test("an unknown proposal, delegate, draft or DAO answers 404", async ({ browser, baseURL, env }) => {
  const page = await withoutJavaScript(browser, baseURL);
  const slug = env.dao.slug;
  // What cannot exist by its form or its DAO: the not-found page, in full.
  for (const path of [
    `/${slug}/proposals/not-a-number`,
    `/${slug}/proposals/1234/discussion-x`,
    `/${slug}/delegates/0x1234`,
    `/${slug}/drafts/nope`,
    "/no-such-dao",
    "/no-such-dao/proposals/1",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page not found");
  }
  // Well-formed but absent (the page asks the index and the chain): 404 too. Next leaves the
  // body of a notFound() thrown while rendering to JavaScript, so only the status is checked here.
  for (const path of [`/${slug}/proposals/1234567890`, `/${slug}/drafts/${"0".repeat(32)}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
