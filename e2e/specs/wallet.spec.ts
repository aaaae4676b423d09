import type { Page } from "@playwright/test";
import type { Address } from "viem";
import { resolveDao } from "../../lib/config/resolveDao";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { votesOnChain } from "../fixtures/governor";
import { anvilAccounts, connectWithTestWallet, expect, test } from "../fixtures/test";

test("the test wallet connects through RainbowKit; the header shows its address and voting power from chain @phone", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const dao = await resolveDao(env.dao);
  // The dev account with the most votes on this chain (on the demo, the seeded delegate).
  const votes = await Promise.all(anvilAccounts.map((account) => votesOnChain(chain, dao.token, account)));
  const best = votes.reduce((top, value, index) => (value > (votes[top] ?? 0n) ? index : top), 0);
  const account = anvilAccounts[best] as Address;
  const expectedPower = `${formatTokenAmount(votes[best] ?? 0n, dao.tokenDecimals)} ${dao.tokenSymbol}`;
  if (env.isDemo) expect(votes[best]).toBeGreaterThan(0n);

  await injectWallet({ address: account });
  await page.goto(`/${env.dao.slug}`);
  await connectWithTestWallet(page);

  const banner = page.getByRole("banner");
  await expect(
    banner.getByRole("button", { name: new RegExp(`${account.slice(0, 4)}.*${account.slice(-4)}`, "i") }),
  ).toBeVisible();
  await expect(banner.getByLabel("Your voting power")).toHaveText(expectedPower);

  // The connection survives a reload (wagmi state restored from the cookie).
  await page.reload();
  await expect(banner.getByLabel("Your voting power")).toHaveText(expectedPower);
  expect(pageProblems).toEqual([]);
});

test("a wallet that rejects the connection leaves the page usable and nothing sent", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const blockBefore = await chain.getBlockNumber();
  await injectWallet({ mode: "reject" });
  await page.goto(`/${env.dao.slug}`);
  await connectWithTestWallet(page);

  // The wallet was asked and said no; closing the modal returns to the page, still disconnected.
  await expect.poll(() => page.evaluate(() => window.__commonsTestWallet.rejected)).toBeGreaterThan(0);
  const dialog = page.getByRole("dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("banner").getByRole("button", { name: "Connect wallet" })).toBeVisible();
  await expect(page.getByRole("banner").getByLabel("Your voting power")).toHaveCount(0);
  // The page still works: the proposal list is there and its links navigate.
  await page.getByRole("list", { name: "Proposals" }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/${env.dao.slug}/proposals/\\d+$`));
  expect(await chain.getBlockNumber()).toBe(blockBefore);
  expect(pageProblems).toEqual([]);
});

test("the wallet code loads only when needed; the server remembers a connected wallet without it @phone", async ({
  page,
  browser,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const dao = await resolveDao(env.dao);
  const account = await injectWallet({ address: anvilAccounts[0] });
  const expectedPower = `${formatTokenAmount(await votesOnChain(chain, dao.token, account), dao.tokenDecimals)} ${dao.tokenSymbol}`;
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });

  await page.goto(`/${env.dao.slug}`);
  await expect(page.getByRole("list", { name: "Proposals" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  // A reader who never touches the wallet gets no wallet stack: its code arrives with the first click.
  const scriptsBeforeConnect = scripts.length;
  // Loading it must not remount the page: what the reader typed and the very same elements stay.
  const search = page.getByRole("searchbox", { name: "Search proposals" });
  await search.fill("treasury");
  await page.evaluate(() => {
    (window as unknown as { commonsMain?: Element | null }).commonsMain = document.querySelector("main");
  });

  await connectWithTestWallet(page);
  const banner = page.getByRole("banner");
  await expect(banner.getByLabel("Your voting power")).toHaveText(expectedPower);
  expect(scripts.length).toBeGreaterThan(scriptsBeforeConnect);
  await expect(search).toHaveValue("treasury");
  expect(
    await page.evaluate(
      () => (window as unknown as { commonsMain?: Element | null }).commonsMain === document.querySelector("main"),
    ),
  ).toBe(true);

  // Moving to another page keeps the one wallet stack and the connection.
  await page.getByRole("list", { name: "Proposals" }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/${env.dao.slug}/proposals/\\d+$`));
  await expect(banner.getByLabel("Your voting power")).toHaveText(expectedPower);

  // Without any JavaScript, the server already shows the remembered account from wagmi's cookie.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: env.baseUrl });
  try {
    await noScript.addCookies(await page.context().cookies());
    const plain = await noScript.newPage();
    await plain.goto(`/${env.dao.slug}`);
    const plainBanner = plain.getByRole("banner");
    await expect(
      plainBanner.getByRole("button", { name: new RegExp(`${account.slice(0, 4)}.*${account.slice(-4)}`) }),
    ).toBeVisible();
    await expect(plainBanner.getByLabel("Your voting power")).toHaveText("…");
  } finally {
    await noScript.close();
  }
  expect(pageProblems).toEqual([]);
});

/** Picks the injected test wallet in RainbowKit's open modal; the header then shows the account. */
async function pickTestWallet(page: Page, account: Address) {
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Commons Test Wallet|Browser Wallet/ })
    .first()
    .click();
  await expect(
    page
      .getByRole("banner")
      .getByRole("button", { name: new RegExp(`${account.slice(0, 4)}.*${account.slice(-4)}`, "i") }),
  ).toBeVisible();
}

test("a click on the connect button before the page's code has run still opens the wallet modal", async ({
  page,
  env,
  injectWallet,
  pageProblems,
}) => {
  const account = await injectWallet({ address: anvilAccounts[1] });
  // Hold every script of the page until the button has been clicked: the page is server-rendered
  // and visible, but nothing is hydrated (React would drop this click).
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"),
    async (route) => {
      await released;
      await route.continue();
    },
  );
  await page.goto(`/${env.dao.slug}`, { waitUntil: "commit" });
  await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
  release();

  await pickTestWallet(page, account);
  expect(pageProblems).toEqual([]);
});

test("a connect button replaced by the loaded wallet code while pressed still opens the modal", async ({
  page,
  env,
  injectWallet,
  pageProblems,
}) => {
  const account = await injectWallet({ address: anvilAccounts[1] });
  await page.goto(`/${env.dao.slug}`);
  const fallback = page.getByRole("banner").getByRole("button", { name: "Connect wallet" });
  await expect(fallback).toBeVisible();
  const pressed = await fallback.elementHandle();
  const box = await fallback.boundingBox();
  if (!pressed || !box) throw new Error("no connect button to press");
  // Pointing at the button starts loading the wallet code; the press begins on the fallback, the
  // loaded button takes its place, and the release lands on the new one: the browser sends the
  // click to an ancestor of both.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForFunction((element) => !element.isConnected, pressed);
  await page.mouse.up();

  await pickTestWallet(page, account);
  expect(pageProblems).toEqual([]);
});
