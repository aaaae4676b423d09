/**
 * Delegate statements through the real UI: a delegate signs in with the injected test wallet
 * (SIWE, personal_sign on anvil), writes a markdown statement with a link on the account view, is
 * told what is wrong with a bad link (the text stays), saves, and a second browser context that is
 * not signed in sees the statement rendered on the delegate's page and its summary in the
 * directory — and cannot write it. A save refused because the session ended keeps the text.
 */
import { type Address, getAddress } from "viem";
import { anvilAccounts, connectWithTestWallet, expect, test } from "../fixtures/test";

test("a delegate signs in, writes a statement, and others read it on their page and in the directory", async ({
  page,
  browser,
  env,
  injectWallet,
  pageProblems,
}) => {
  const slug = env.dao.slug;
  // Demo account #1: the largest delegate, on the directory's first page.
  const delegate = getAddress(anvilAccounts[1] as Address);
  const marker = `m${Date.now().toString(36)}`;

  await injectWallet({ address: delegate });
  await page.goto(`/${slug}/account`);
  const section = page.getByRole("region", { name: "Your delegate statement" });
  await expect(section).toBeVisible();
  await connectWithTestWallet(page);

  // Signing in costs nothing on chain: the wallet signs a message (personal_sign).
  await section.getByRole("button", { name: "Sign in with your wallet" }).click();
  await expect(section.getByText(/^Signed in as/)).toBeVisible();
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toMatchObject({ address: delegate });

  const text = `## Why I vote\n\nI back **public goods** and careful budgets (${marker}).\n\n- One\n- Two`;
  const editor = section.getByRole("textbox", { name: /Statement/ });
  await editor.fill(text);
  await section.getByRole("textbox", { name: "Link 1" }).fill("javascript:alert(1)");
  await section.getByRole("button", { name: "Save statement" }).click();
  // Refused before anything is sent, naming the field; the text is still there.
  await expect(section.getByRole("alert")).toContainText("links[0]: must be an http(s) URL");
  await expect(editor).toHaveValue(text);

  await section.getByRole("textbox", { name: "Link 1" }).fill("https://forum.example.org/t/why-i-vote");
  await section.getByRole("button", { name: "Save statement" }).click();
  await expect(section.getByText(/^Saved \(version \d+\)/)).toBeVisible();

  // The session ends (signed out in another tab): the next save is refused by the server, the
  // text stays in place, and signing in again from the form lets it through.
  await page.request.post("/api/auth/logout");
  const edited = `${text}\n\nEdited after signing in again.`;
  await editor.fill(edited);
  await section.getByRole("button", { name: "Save statement" }).click();
  await expect(section.getByRole("alert")).toContainText("Sign in with your wallet first");
  await expect(editor).toHaveValue(edited);
  await section.getByRole("button", { name: "Sign in again" }).click();
  await expect(section.getByText(/^Signed in as/)).toBeVisible();
  await expect(editor).toHaveValue(edited);
  await section.getByRole("button", { name: "Save statement" }).click();
  await expect(section.getByText(/^Saved \(version \d+\)/)).toBeVisible();

  // A second browser, not signed in.
  const reader = await browser.newContext({ baseURL: env.baseUrl });
  try {
    const readerPage = await reader.newPage();
    await readerPage.goto(`/${slug}/delegates/${delegate}`);
    const statement = readerPage.getByRole("region", { name: "Statement" });
    // Rendered markdown: the heading demoted below the page's own, bold as <strong>, a list.
    await expect(statement.getByRole("heading", { name: "Why I vote" })).toBeVisible();
    await expect(statement.locator("strong")).toHaveText("public goods");
    await expect(statement.getByRole("listitem").filter({ hasText: "Two" })).toBeVisible();
    await expect(statement).toContainText(marker);
    // The link shows its host before the reader clicks it.
    await expect(statement.getByRole("link", { name: /forum\.example\.org\/t\/why-i-vote/ })).toHaveAttribute(
      "href",
      "https://forum.example.org/t/why-i-vote",
    );

    await readerPage.goto(`/${slug}/delegates`);
    const row = readerPage
      .getByRole("row")
      .filter({ has: readerPage.locator(`a[href="/${slug}/delegates/${delegate}"]`) });
    await expect(row).toContainText(`Why I vote I back public goods and careful budgets (${marker}).`);

    // Not signed in: the API refuses a write, and the statement is unchanged.
    expect(await (await reader.request.get("/api/auth/session")).json()).toEqual({ address: null });
    const forged = await reader.request.put(`/api/daos/${slug}/statements/${delegate}`, {
      data: { statement: "forged", links: [] },
    });
    expect(forged.status()).toBe(401);
    const stored = await (await reader.request.get(`/api/daos/${slug}/statements/${delegate}`)).json();
    expect(stored.statement.statement).toBe(edited);
  } finally {
    await reader.close();
  }

  // Someone else signed in cannot write #1's statement either.
  const response = await page.request.put(`/api/daos/${slug}/statements/${getAddress(anvilAccounts[2] as Address)}`, {
    data: { statement: "not mine", links: [] },
  });
  expect(response.status()).toBe(403);
  expect(pageProblems).toEqual([]);
});
