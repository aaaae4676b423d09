/**
 * Every page passes axe (@axe-core/playwright, pinned) with no serious or critical violation; the
 * delegate dialog keeps the keyboard inside it until closed; a tooltip goes away with Escape.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { anvilKeys } from "../../lib/server/auth/testing";
import { proposalsFromChain } from "../fixtures/governor";
import { anvilAccounts, expect, test } from "../fixtures/test";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

/**
 * A draft to look at, saved through the API as dev account #0; undefined on a DAO where that account
 * holds no stake (a real network, the large DAO), as only holders and delegates may draft.
 */
async function aDraft(page: Page, baseUrl: string, slug: string, chainId: number): Promise<string | undefined> {
  const account = privateKeyToAccount(anvilKeys[0]);
  const base = new URL(baseUrl);
  const { nonce } = (await (await page.request.get("/api/auth/nonce")).json()) as { nonce: string };
  const message = createSiweMessage({
    domain: base.host,
    uri: base.origin,
    address: account.address,
    chainId,
    nonce,
    version: "1",
  });
  await page.request.post("/api/auth/verify", {
    headers: { origin: base.origin },
    data: { message, signature: await account.signMessage({ message }) },
  });
  const created = await page.request.post(`/api/daos/${slug}/drafts`, {
    headers: { origin: base.origin },
    data: { title: "Fund the docs sprint", body: "## Why\n\nDocs.", discussionUrl: "", actions: [], nextId: 1 },
  });
  if (created.status() === 403 && /holders of the DAO's token/.test(await created.text())) return undefined;
  expect(created.status()).toBe(201);
  return ((await created.json()) as { draft: { id: string } }).draft.id;
}

test("no page has a serious or critical accessibility violation", async ({ page, chain, env }) => {
  test.setTimeout(180_000);
  const slug = env.dao.slug;
  const [proposal] = await proposalsFromChain(chain, env.dao.governor, BigInt(env.dao.startBlock));
  const draftId = await aDraft(page, env.baseUrl, slug, env.chainId);
  if (env.isDemo) expect(draftId).toBeDefined();
  const paths = [
    "/",
    `/${slug}`,
    `/${slug}/proposals/${proposal?.id}`,
    `/${slug}/proposals/${proposal?.id}/discussion`,
    `/${slug}/proposals/new`,
    `/${slug}/delegates`,
    `/${slug}/delegates/${anvilAccounts[1]}`,
    `/${slug}/treasury`,
    `/${slug}/about`,
    `/${slug}/account`,
    `/${slug}/drafts`,
    ...(draftId === undefined ? [] : [`/${slug}/drafts/${draftId}`]),
    "/no-such-page",
  ];
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[path] = violations;
  }
  expect(found).toEqual({});
});

test("the delegate dialog keeps Tab and Shift+Tab inside it, and Escape returns to its button", async ({
  page,
  env,
}) => {
  await page.goto(`/${env.dao.slug}/delegates`);
  const opener = page.getByRole("button", { name: /^Delegate to / }).first();
  await opener.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: /Connect a wallet/ })).toBeVisible();
  const inside = () => dialog.evaluate((element) => element.contains(document.activeElement));
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(key);
      expect(await inside(), `${key} #${i + 1}`).toBe(true);
    }
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("a tooltip shown by hover or focus goes away with Escape, and comes back next time", async ({ page, env }) => {
  const delegate = anvilAccounts[1] as Address;
  await page.goto(`/${env.dao.slug}/delegates/${delegate}`);
  const button = page.getByRole("button", { name: "How the share is computed" });
  const tip = page.getByRole("tooltip").filter({ hasText: "total supply" });
  await button.focus();
  await expect(tip).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(tip).toBeHidden();
  await expect(button).toBeFocused();
  // Hovered, with the keyboard focus elsewhere: Escape still dismisses it.
  await page.getByRole("heading", { level: 1 }).click();
  await button.hover();
  await expect(tip).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(tip).toBeHidden();
  await page.mouse.move(0, 0);
  await button.hover();
  await expect(tip).toBeVisible();
});
