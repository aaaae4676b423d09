/**
 * Drafts, end to end with the injected test wallet: sign in (SIWE), create a draft, type into it
 * (autosaved: "Saved"; its actions simulated on a fork of the chain), reload (the text survives,
 * from the server), read it from a second browser context that is not signed in (read-only, with
 * the author and the same simulation), submit it on-chain through the propose flow pre-filled
 * from it, and see the proposal page show the draft link and the discussion link from the
 * description; then the proposer adds a signed discussion link and the page shows it with its
 * host. One transaction in all.
 */
import { type Address, getAddress, parseAbi } from "viem";
import { anvilAccounts, expect, test } from "../fixtures/test";
import { connectFromPanel, submitProposal } from "../fixtures/writes";

const thresholdAbi = parseAbi(["function proposalThreshold() view returns (uint256)"]);
const tokenAbi = parseAbi([
  "function getVotes(address account) view returns (uint256)",
  "function token() view returns (address)",
]);

test.describe("drafts", () => {
  test("write a draft, reload, share it, submit it on-chain, and find both ways between draft and proposal", async ({
    page,
    browser,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const author = getAddress(anvilAccounts[0] as Address);
    const token = await chain.readContract({ address: env.dao.governor, abi: tokenAbi, functionName: "token" });
    const [votes, threshold] = await Promise.all([
      chain.readContract({ address: token, abi: tokenAbi, functionName: "getVotes", args: [author] }),
      chain.readContract({ address: env.dao.governor, abi: thresholdAbi, functionName: "proposalThreshold" }),
    ]);
    test.skip(votes < threshold, "dev account #0 is below the proposal threshold on this chain");
    const forum = env.dao.forumHosts?.[0] ?? "forum.example.org";
    const title = `Draft: fund the builders (${Date.now()})`;
    const body = "We pay **the builders** for Q3.";
    const discussion = `https://${forum}/t/fund-the-builders/${Date.now() % 100_000}`;
    const recipient = getAddress(`0x${"be".repeat(19)}02`);
    const slug = env.dao.slug;

    // Sign in: connect the test wallet, then sign the SIWE message.
    await injectWallet({ address: author });
    await page.goto(`/${slug}/drafts`);
    await expect(page.getByRole("heading", { level: 1, name: "My drafts" })).toBeVisible();
    await page.getByRole("button", { name: "Connect a wallet to sign in" }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /Commons Test Wallet|Browser Wallet/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Sign in with your wallet" }).click();
    await expect(page.getByRole("button", { name: "New draft" })).toBeVisible({ timeout: 20_000 });

    // Create a draft and write it.
    await page.getByRole("button", { name: "New draft" }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/drafts/[0-9a-f]{32}$`));
    const draftId = new URL(page.url()).pathname.split("/").pop() as string;
    await expect(page.getByRole("heading", { level: 1, name: "Edit draft" })).toBeVisible();
    const status = page.getByRole("status", { name: "Save status" });
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Body (markdown)").fill(body);
    await page.getByLabel("Discussion URL (optional)").fill(discussion);
    await page.getByRole("button", { name: "+ ETH transfer" }).click();
    const action = page.getByRole("group", { name: "Action 1 · ETH transfer" });
    await action.getByLabel("Recipient").fill(recipient);
    await action.getByLabel("Amount (ETH)").fill("0.25");
    await expect(status).toHaveText("Saved", { timeout: 10_000 });
    // The server has it (not only this device).
    const saved = await page.request.get(`/api/daos/${slug}/drafts/${draftId}`);
    expect(((await saved.json()) as { draft: { title: string; actions: unknown[] } }).draft).toMatchObject({
      title,
      actions: [{ kind: "eth", to: recipient, amount: "0.25" }],
    });

    // A reload brings the text back.
    await page.reload();
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expect(page.getByLabel("Body (markdown)")).toHaveValue(body);
    await expect(page.getByRole("group", { name: "Action 1 · ETH transfer" }).getByLabel("Amount (ETH)")).toHaveValue(
      "0.25",
    );
    await expect(status).toHaveText("Saved");
    // Its actions are simulated on a fork of the chain: the recipient gets exactly the 0.25 ETH.
    const simulated = page
      .getByRole("region", { name: "Simulated execution" })
      .getByRole("table", { name: "Balance changes" })
      .getByRole("row")
      .filter({ hasText: recipient });
    await expect(simulated).toContainText("0 ETH0.25 ETH+0.25 ETH", { timeout: 30_000 });

    // Typing and closing the tab at once: the edit survives from this device's copy.
    await page.getByLabel("Body (markdown)").fill(`${body}\n\nOne more line.`);
    await page.reload();
    await expect(page.getByLabel("Body (markdown)")).toHaveValue(`${body}\n\nOne more line.`);
    await expect(status).toHaveText("Saved", { timeout: 10_000 });

    // Someone else with the link reads it, and cannot edit it.
    const reader = await browser.newContext({ baseURL: env.baseUrl });
    try {
      const other = await reader.newPage();
      await other.goto(`/${slug}/drafts/${draftId}`);
      await expect(other.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(other.getByTestId("draft-author")).toContainText(author);
      await expect(other.getByLabel("Title")).toHaveCount(0);
      // The reader sees the same simulation of its actions.
      await expect(
        other
          .getByRole("region", { name: "Simulated execution" })
          .getByRole("table", { name: "Balance changes" })
          .getByRole("row")
          .filter({ hasText: recipient }),
      ).toContainText("0 ETH0.25 ETH+0.25 ETH", { timeout: 30_000 });
      const put = await other.request.put(`/api/daos/${slug}/drafts/${draftId}`, {
        data: { title: "Hijacked", body: "", discussionUrl: "", actions: [], nextId: 1, version: 1 },
      });
      expect(put.status()).toBe(401);
    } finally {
      await reader.close();
    }

    // Submit on-chain: the propose flow, pre-filled from the draft.
    await page.getByRole("button", { name: "Submit on-chain" }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/proposals/new\\?draft=${draftId}$`));
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expect(page.getByLabel("Discussion URL (optional)")).toHaveValue(discussion);
    const submit = page.getByRole("region", { name: "Submit" });
    // Still connected from signing in, or connect again from the panel.
    const connectOrSubmit = submit.getByRole("button", { name: /^(Connect a wallet to propose|Submit proposal)$/ });
    await expect(connectOrSubmit).toBeVisible({ timeout: 20_000 });
    if ((await connectOrSubmit.textContent()) !== "Submit proposal") await connectFromPanel(page, submit, "propose");
    await expect(submit.getByText("The governor would accept this proposal.")).toBeVisible({ timeout: 20_000 });
    const created = (await submitProposal(page, chain, env.dao.governor)).args;
    expect(page.url()).toContain(`/${slug}/proposals/`);
    expect(created?.proposer).toBe(author);
    expect(created?.description).toBe(`# ${title}\n\n${body}\n\nOne more line.\n\nDiscussion: ${discussion}`);
    const proposalId = String(created?.proposalId);
    expect(new URL(page.url()).pathname).toBe(`/${slug}/proposals/${proposalId}`);

    // The draft recorded the proposal (checked on chain by the server)…
    const recorded = await page.request.get(`/api/daos/${slug}/drafts/${draftId}`);
    expect(((await recorded.json()) as { draft: { proposalId: string } }).draft.proposalId).toBe(proposalId);
    // …and the proposal page links to the draft and shows the description's discussion link with its host.
    const section = page.getByRole("region", { name: "Discussion" });
    await expect(section.getByRole("link", { name: title })).toHaveAttribute("href", `/${slug}/drafts/${draftId}`);
    const link = section.getByRole("link", { name: discussion });
    await expect(link).toHaveAttribute("href", discussion);
    await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
    await expect(section.getByTestId("link-host").first()).toHaveText(forum);

    // The draft page links to the proposal.
    await page.goto(`/${slug}/drafts/${draftId}`);
    await expect(page.getByRole("link", { name: /^proposal #/ })).toHaveAttribute(
      "href",
      `/${slug}/proposals/${proposalId}`,
    );

    // The proposer adds a second discussion link, signed with the wallet.
    const later = `https://${forum}/t/fund-the-builders-summary/${Date.now() % 100_000}`;
    await page.goto(`/${slug}/proposals/${proposalId}/discussion`);
    await page.getByLabel("Link").fill(later);
    await page.getByRole("button", { name: "Sign and add the link" }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/proposals/${proposalId}#discussion$`), { timeout: 20_000 });
    const links = page.getByRole("region", { name: "Discussion" }).getByRole("link", { name: later });
    await expect(links).toHaveAttribute("href", later);
    const stored = await page.request.get(`/api/daos/${slug}/proposals/${proposalId}/discussion-links`);
    expect(((await stored.json()) as { links: { url: string; signer: string }[] }).links).toEqual([
      expect.objectContaining({ url: later, signer: author.toLowerCase() }),
    ]);
    expect(pageProblems).toEqual([]);
  });
});
