/**
 * Queue, execute and cancel through the proposal page's "Next step" panel, with the injected test
 * wallet: each button appears exactly when the governor accepts the call, and what it sent lands
 * on chain. Proposals are picked by their live state on chain.
 */
import type { Address } from "viem";
import { proposalStateOnChain } from "../fixtures/governor";
import { anvilAccounts, expect, test } from "../fixtures/test";
import { connectFromPanel, findProposal, proposalEtaOnChain } from "../fixtures/writes";

const anyone = anvilAccounts[0] as Address;

test.describe("queue, execute, cancel", () => {
  test("a Succeeded proposal is queued through the UI, then counts down to its ETA with no execute button @phone", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const { governor } = env.dao;
    const proposal = await findProposal(chain, env.dao, "Succeeded");
    test.skip(!proposal, "no Succeeded proposal on this chain");
    if (!proposal) return;
    const blockBefore = await chain.getBlockNumber();

    await injectWallet({ address: anyone });
    await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
    const next = page.getByRole("region", { name: "Next step" });
    await expect(next).toContainText("This proposal passed");
    await connectFromPanel(page, next, "queue it");
    await next.getByRole("button", { name: "Queue proposal" }).click();

    await expect.poll(() => proposalStateOnChain(chain, governor, proposal.id)).toBe("Queued");
    expect(await chain.getBlockNumber()).toBe(blockBefore + 1n);
    const eta = await proposalEtaOnChain(chain, governor, proposal.id);
    const { timestamp } = await chain.getBlock();
    expect(eta).toBeGreaterThan(timestamp);

    await expect(page.locator("main article > header")).toContainText("Queued");
    await expect(next.getByRole("timer")).toContainText(/Executable in \d+ (minute|second)/);
    await expect(next.getByRole("button", { name: "Execute proposal" })).toHaveCount(0);
    expect(pageProblems).toEqual([]);
  });

  test("a Queued proposal whose ETA has passed is executed through the UI", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const { governor } = env.dao;
    const { timestamp: now } = await chain.getBlock();
    const proposal = await findProposal(chain, env.dao, "Queued", async (p) => {
      const eta = await proposalEtaOnChain(chain, governor, p.id);
      return eta > 0n && eta <= now;
    });
    test.skip(!proposal, "no Queued proposal past its ETA on this chain");
    if (!proposal) return;

    await injectWallet({ address: anyone });
    await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
    const next = page.getByRole("region", { name: "Next step" });
    await expect(next).toContainText("Ready to execute");
    await expect(next.getByRole("timer")).toHaveCount(0);
    await connectFromPanel(page, next, "execute it");
    await next.getByRole("button", { name: "Execute proposal" }).click();

    await expect.poll(() => proposalStateOnChain(chain, governor, proposal.id)).toBe("Executed");
    await expect(page.locator("main article > header")).toContainText("Executed");
    // Nothing is left to do: the panel is gone.
    await expect(next).toHaveCount(0);
    expect(pageProblems).toEqual([]);
  });

  test("only the proposer is offered to cancel a Pending proposal, after confirming", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const { governor } = env.dao;
    const proposal = await findProposal(chain, env.dao, "Pending");
    test.skip(!proposal, "no Pending proposal on this chain");
    if (!proposal) return;
    const proposer = (await chain.readContract({
      address: governor,
      abi: [
        {
          type: "function",
          name: "proposalProposer",
          stateMutability: "view",
          inputs: [{ name: "proposalId", type: "uint256" }],
          outputs: [{ name: "", type: "address" }],
        },
      ],
      functionName: "proposalProposer",
      args: [proposal.id],
    })) as Address;
    const proposerIndex = anvilAccounts.findIndex((account) => account.toLowerCase() === proposer.toLowerCase());
    test.skip(proposerIndex < 0, "the Pending proposal was not made by a dev account");

    await injectWallet({ address: proposer });
    await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
    const vote = page.getByRole("region", { name: "Vote", exact: true });
    await expect(vote).toContainText(/Voting opens at block \d+/);
    // The server does not know the reader yet: no step is offered until the wallet says who it is.
    const next = page.getByRole("region", { name: "Next step" });
    await expect(next).toHaveCount(0);
    await page.getByRole("banner").getByRole("button", { name: "Connect wallet" }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /Commons Test Wallet|Browser Wallet/ })
      .first()
      .click();

    await next.getByRole("button", { name: "Cancel proposal" }).click();
    await next.getByRole("button", { name: "Yes, cancel the proposal" }).click();
    await expect.poll(() => proposalStateOnChain(chain, governor, proposal.id)).toBe("Canceled");
    await expect(page.locator("main article > header")).toContainText("Canceled");
    await expect(vote).toContainText("Voting is closed: this proposal was canceled.");
    expect(pageProblems).toEqual([]);
  });
});
