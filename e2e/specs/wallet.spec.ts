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
