import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { proposalsFromChain } from "../fixtures/governor";
import { expect, test } from "../fixtures/test";

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
