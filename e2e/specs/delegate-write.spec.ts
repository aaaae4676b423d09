/**
 * Delegating through the real UI and the injected test wallet: to yourself from the account view
 * (after the "not counted" warning), to a listed delegate from the directory, to any address typed
 * in the account view's form. Each write is checked on chain (`delegates`, `getVotes`) and on the
 * page, which shows the new delegate and voting power at once from live reads. Bad input and a
 * wallet that rejects leave the chain untouched.
 */
import type { Locator } from "@playwright/test";
import { type Address, erc20Abi, getAddress, isAddressEqual, parseAbi, zeroAddress } from "viem";
import { resolveDao } from "../../lib/config/resolveDao";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { shortAddress } from "../../lib/format/shortAddress";
import { votesOnChain } from "../fixtures/governor";
import { anvilAccounts, type ChainClient, connectWithTestWallet, expect, test } from "../fixtures/test";

const tokenAbi = parseAbi(["function delegates(address account) view returns (address)"]);

type Reader = Pick<ChainClient, "readContract">;

function delegateOf(chain: Reader, token: Address, account: Address): Promise<Address> {
  return chain.readContract({ address: token, abi: tokenAbi, functionName: "delegates", args: [account] });
}

function balanceOf(chain: Reader, token: Address, account: Address): Promise<bigint> {
  return chain.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] });
}

/** The figure under `term` in the account's "Your delegation" figures (the <dd> after its <dt>). */
function figure(scope: Locator, term: string): Locator {
  return scope
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

test("a holder who never delegated is warned their tokens are not counted, and delegates to themself @phone", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const dao = await resolveDao(env.dao);
  const account = getAddress(anvilAccounts[3] as Address);
  const balance = await balanceOf(chain, dao.token, account);
  const startDelegate = await delegateOf(chain, dao.token, account);
  test.skip(balance === 0n || startDelegate !== zeroAddress, "needs a holder who never delegated (demo account #3)");
  const amount = (value: bigint) => `${formatTokenAmount(value, dao.tokenDecimals)} ${dao.tokenSymbol}`;

  await injectWallet({ address: account });
  await page.goto(`/${env.dao.slug}`);
  // The account view is one click away in the DAO's sections.
  await page.getByRole("navigation", { name: "DAO sections" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(new RegExp(`/${env.dao.slug}/account$`));
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await connectWithTestWallet(page);

  const figures = page.getByRole("region", { name: "Your delegation" });
  await expect(figure(figures, "Balance")).toHaveText(amount(balance));
  await expect(figure(figures, "Delegating to")).toHaveText("Nobody");
  await expect(figure(figures, "Voting power")).toHaveText(amount(0n));
  const warning = page.getByRole("status").filter({ hasText: "Your tokens are not counted" });
  await expect(warning).toContainText(`You hold ${amount(balance)} but have not delegated them`);

  await warning.getByRole("button", { name: "Delegate to yourself" }).click();
  await expect.poll(() => votesOnChain(chain, dao.token, account)).toBe(balance);
  expect(await delegateOf(chain, dao.token, account)).toBe(account);

  // The page shows it at once, from the chain (the indexer may still be catching up).
  await expect(page.locator("[data-tx-status]")).toHaveAttribute("data-tx-status", "confirmed");
  await expect(figure(figures, "Voting power")).toHaveText(amount(balance));
  await expect(figure(figures, "Delegating to")).toHaveText("Yourself");
  await expect(warning).toHaveCount(0);
  const again = page.getByRole("button", { name: "Delegate to yourself" });
  await expect(again).toBeDisabled();
  await expect(page.getByText("Your votes already count for yourself.")).toBeVisible();
  // The header's voting power follows too.
  await expect(page.getByRole("banner").getByLabel("Your voting power")).toHaveText(amount(balance));

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(pageProblems).toEqual([]);
});

test("a holder delegates to a listed delegate from the directory @phone", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const dao = await resolveDao(env.dao);
  const account = await injectWallet({ address: anvilAccounts[0] });
  const balance = await balanceOf(chain, dao.token, account);
  await page.goto(`/${env.dao.slug}/delegates`);
  await connectWithTestWallet(page);

  // The largest delegate that is not already this account's delegate.
  const current = await delegateOf(chain, dao.token, account);
  const rows = page.getByRole("table", { name: "Delegates, by voting power" }).getByRole("rowgroup").nth(1);
  const links = await rows.getByRole("link").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
  const target = links
    .map((href) => getAddress(/\/delegates\/(0x[0-9a-fA-F]{40})$/.exec(href ?? "")?.[1] ?? zeroAddress))
    .find((address) => address !== zeroAddress && !isAddressEqual(address, current));
  if (!target) throw new Error("no listed delegate to delegate to");
  const targetVotes = await votesOnChain(chain, dao.token, target);
  const row = rows.getByRole("row").filter({ has: page.locator(`a[href$="/delegates/${target}"]`) });

  await row.getByRole("button", { name: /^Delegate to / }).click();
  const dialog = page.getByRole("dialog", { name: /^Delegate to / });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(target);
  const send = dialog.getByRole("button", { name: /^Delegate to / });
  await expect(send).toBeEnabled();
  await send.click();

  await expect.poll(() => delegateOf(chain, dao.token, account)).toBe(target);
  expect(await votesOnChain(chain, dao.token, target)).toBe(
    targetVotes + (isAddressEqual(current, target) ? 0n : balance),
  );
  await expect(dialog.locator("[data-tx-status]")).toHaveAttribute("data-tx-status", "confirmed");
  // The dialog's figures are live: the new delegate at once, and the same button now says why not.
  await expect(figure(dialog, "Delegating to")).toHaveText(shortAddress(target));
  await expect(send).toBeDisabled();
  await expect(dialog).toContainText("Your votes are already delegated to");

  // Escape closes the dialog and gives the focus back to the row's button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("button", { name: /^Delegate to / })).toBeFocused();
  expect(pageProblems).toEqual([]);
});

test("the account form refuses a malformed address, naming the field, and delegates to a typed one", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const dao = await resolveDao(env.dao);
  const account = await injectWallet({ address: anvilAccounts[0] });
  const other = getAddress(anvilAccounts[5] as Address);
  await page.goto(`/${env.dao.slug}/account`);
  await connectWithTestWallet(page);
  // The field's label, which every message starts with (ENS names only on Ethereum mainnet).
  const label = env.chainId === 1 ? "Delegate address or ENS name" : "Delegate address";
  const field = page.getByRole("textbox", { name: label, exact: true });
  await expect(field).toBeVisible();
  const blockBefore = await chain.getBlockNumber();

  // One letter's case flipped: still mixed case, so the checksum no longer matches.
  const letter = other.slice(2).search(/[a-fA-F]/) + 2;
  const flipped =
    other[letter] === other[letter]?.toUpperCase() ? other[letter]?.toLowerCase() : other[letter]?.toUpperCase();
  const badChecksum = `${other.slice(0, letter)}${flipped}${other.slice(letter + 1)}`;
  const cases: [string, string][] = [
    [badChecksum, `${label} has a bad checksum`],
    ["0x1234", `${label} is not an address: it has 4 hex digits after 0x, an address has 40.`],
    [zeroAddress, `${label} is the zero address`],
  ];
  // Off Ethereum mainnet an ENS name is refused with the reason.
  if (env.chainId !== 1) cases.push(["lina.eth", `${label}: ENS names are not available on `]);
  for (const [text, message] of cases) {
    await field.fill(text);
    // Keyboard only: Enter submits the form.
    await field.press("Enter");
    const alert = page.getByRole("alert").filter({ hasText: label });
    await expect(alert, text).toContainText(message);
    expect(await alert.textContent()).toMatch(new RegExp(`^${label}`));
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toBeFocused();
  }
  expect(await chain.getBlockNumber()).toBe(blockBefore);
  expect(await delegateOf(chain, dao.token, account)).toBe(account);

  // Any address works once it is well formed (lowercase carries no checksum).
  await field.fill(other.toLowerCase());
  await expect(field).not.toHaveAttribute("aria-invalid");
  await page.getByRole("button", { name: "Delegate", exact: true }).click();
  await expect.poll(() => delegateOf(chain, dao.token, account)).toBe(other);
  const figures = page.getByRole("region", { name: "Your delegation" });
  await expect(figure(figures, "Delegating to")).toHaveText(shortAddress(other));
  await expect(figure(figures, "Voting power")).toHaveText(
    `${formatTokenAmount(await votesOnChain(chain, dao.token, account), dao.tokenDecimals)} ${dao.tokenSymbol}`,
  );
  expect(pageProblems).toEqual([]);
});

test("a wallet that rejects the delegation leaves the page usable and nothing sent", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const dao = await resolveDao(env.dao);
  const account = getAddress(anvilAccounts[3] as Address);
  await injectWallet({ address: account });
  await page.goto(`/${env.dao.slug}/account`);
  await connectWithTestWallet(page);
  const button = page.getByRole("button", { name: "Delegate to yourself" });
  await expect(button).toBeEnabled();
  const blockBefore = await chain.getBlockNumber();
  const delegateBefore = await delegateOf(chain, dao.token, account);

  await page.evaluate(() => window.__commonsTestWallet.setMode("reject"));
  await button.click();
  await expect.poll(() => page.evaluate(() => window.__commonsTestWallet.rejected)).toBe(1);
  await expect(page.getByText("You rejected the request in your wallet.")).toBeVisible();
  // Back where it was: the button works again, nothing reached the chain.
  await expect(button).toBeEnabled();
  expect(await chain.getBlockNumber()).toBe(blockBefore);
  expect(await delegateOf(chain, dao.token, account)).toBe(delegateBefore);

  await page.evaluate(() => window.__commonsTestWallet.setMode("approve"));
  await button.click();
  await expect.poll(() => delegateOf(chain, dao.token, account)).toBe(account);
  expect(pageProblems).toEqual([]);
});

test("from a delegate's page, a wallet on another network is asked to switch, then delegates; the page shows the new power at once", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const dao = await resolveDao(env.dao);
  const account = getAddress(anvilAccounts[3] as Address);
  const target = getAddress(anvilAccounts[1] as Address);
  const balance = await balanceOf(chain, dao.token, account);
  const before = await votesOnChain(chain, dao.token, target);
  test.skip(
    isAddressEqual(await delegateOf(chain, dao.token, account), target),
    "the account already delegates to the target",
  );
  const amount = (value: bigint) => `${formatTokenAmount(value, dao.tokenDecimals)} ${dao.tokenSymbol}`;
  test.skip(env.chainId === 1, "the DAO is on mainnet, the wallet's other network");
  await injectWallet({ address: account, startChainId: 1 });
  await page.goto(`/${env.dao.slug}/delegates/${target}`);
  const summaryPower = page.getByRole("region", { name: "Summary" }).getByRole("definition").first();
  await expect(summaryPower).toHaveText(amount(before));

  // The server-rendered button loads the wallet code on the first click and asks to connect.
  const panel = page.getByRole("region", { name: "Delegate your votes" });
  await panel.getByRole("button", { name: `Delegate to ${shortAddress(target)}` }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Commons Test Wallet|Browser Wallet/ })
    .first()
    .click();
  const send = panel.getByRole("button", { name: `Delegate to ${shortAddress(target)}` });
  await expect(send).toBeEnabled();
  await expect(send).toBeFocused();
  // RainbowKit's connect asked the wallet onto the DAO's chain; after a reload the test wallet
  // starts on mainnet again and wagmi reconnects there: the write is replaced by a switch prompt.
  await page.reload();
  await expect(panel).toContainText("Your wallet is on another network");
  await expect(send).toHaveCount(0);
  const blockBefore = await chain.getBlockNumber();
  await panel.getByRole("button", { name: /^Switch to / }).click();
  await expect(send).toBeEnabled();
  expect(await chain.getBlockNumber()).toBe(blockBefore);
  await send.click();

  await expect.poll(() => delegateOf(chain, dao.token, account)).toBe(target);
  // Live figures: the summary (re-rendered from the chain) and the panel, before any indexer catch-up matters.
  await expect(summaryPower).toHaveText(amount(before + balance));
  await expect(figure(panel, "Delegating to")).toHaveText(shortAddress(target));
  await expect(send).toBeDisabled();
  await expect(panel).toContainText(`Your votes are already delegated to ${shortAddress(target)}.`);
  expect(pageProblems).toEqual([]);
});
