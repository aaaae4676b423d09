/**
 * Voting through the proposal page's vote panel, with the injected test wallet: a vote with a
 * reason lands on chain (hasVoted, tallies) and shows at once; a second vote, a vote outside the
 * voting period and a wallet that rejects are all handled with the reason shown and nothing sent.
 * Proposals are picked by what the chain says (state, hasVoted, votes at the snapshot).
 */
import type { Address } from "viem";
import { resolveDao } from "../../lib/config/resolveDao";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { anvilAccounts, connectWithTestWallet, expect, test } from "../fixtures/test";
import { connectFromPanel, findProposal, hasVotedOnChain, tallyOnChain, votesAtSnapshot } from "../fixtures/writes";

const delegate = anvilAccounts[1] as Address;
const votedDelegate = anvilAccounts[2] as Address;

test.describe("the vote panel", () => {
  test("a delegate votes For with a reason: on chain, in the tallies, and shown at once @phone", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const { governor } = env.dao;
    const dao = await resolveDao(env.dao);
    const amount = (value: bigint) => `${formatTokenAmount(value, dao.tokenDecimals)} ${dao.tokenSymbol}`;
    const proposal = await findProposal(
      chain,
      env.dao,
      "Active",
      async (p) =>
        !(await hasVotedOnChain(chain, governor, p.id, delegate)) &&
        (await votesAtSnapshot(chain, governor, p.id, delegate)) > 0n,
    );
    test.skip(!proposal, "no Active proposal dev account #1 can vote on");
    if (!proposal) return;
    const power = await votesAtSnapshot(chain, governor, proposal.id, delegate);
    const before = await tallyOnChain(chain, governor, proposal.id);
    const blockBefore = await chain.getBlockNumber();

    await injectWallet({ address: delegate });
    await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
    const vote = page.getByRole("region", { name: "Vote", exact: true });
    await connectFromPanel(page, vote, "vote");
    await expect(vote.getByLabel("Your voting power at the snapshot")).toHaveText(amount(power));

    const reason = "Good for the commons: <b>ship it</b>";
    await vote.getByRole("radio", { name: "For" }).check();
    await vote.getByLabel("Reason (optional)").fill(reason);
    await vote.getByRole("button", { name: "Vote For" }).click();

    // Shown at once, from the receipt.
    const yourVote = vote.getByRole("region", { name: "Your vote" });
    await expect(yourVote).toContainText(`You voted For with ${amount(power)}`);
    await expect(yourVote).toContainText(reason);
    await expect(vote.getByRole("button", { name: /^Vote (For|Against|Abstain)$/ })).toHaveCount(0);

    expect(await hasVotedOnChain(chain, governor, proposal.id, delegate)).toBe(true);
    const after = await tallyOnChain(chain, governor, proposal.id);
    expect(after.forVotes).toBe(before.forVotes + power);
    expect(after.againstVotes).toBe(before.againstVotes);
    const forRow = page.getByRole("region", { name: "Results" }).getByRole("row", { name: /^For\b/ });
    await expect(forRow).toContainText(amount(after.forVotes));
    expect(await chain.getBlockNumber()).toBe(blockBefore + 1n);

    // After a reload the vote still shows (hasVoted from the chain, side and reason from the index).
    await page.reload();
    await expect(yourVote).toContainText("You voted For");
    await expect(yourVote).toContainText(reason);
    await expect(vote).toContainText("You have already voted on this proposal");
    expect(pageProblems).toEqual([]);
  });

  test("a wallet on another network is asked to switch first, then can vote", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const { governor } = env.dao;
    const proposal = await findProposal(
      chain,
      env.dao,
      "Active",
      async (p) =>
        !(await hasVotedOnChain(chain, governor, p.id, delegate)) &&
        (await votesAtSnapshot(chain, governor, p.id, delegate)) > 0n,
    );
    test.skip(!proposal, "no Active proposal dev account #1 can vote on");
    if (!proposal) return;
    test.skip(env.chainId === 1, "the DAO is on mainnet, the wallet's other network");

    await injectWallet({ address: delegate, startChainId: 1 });
    await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
    const vote = page.getByRole("region", { name: "Vote", exact: true });
    // RainbowKit's connect asks the wallet onto the DAO's chain; after a reload the test wallet
    // starts on mainnet again and wagmi reconnects to it there: a wallet left on another network.
    await connectFromPanel(page, vote, "vote");
    await expect(vote.getByRole("radio", { name: "For" })).toBeVisible();
    await page.reload();

    await expect(vote).toContainText("Your wallet is on another network");
    await expect(vote.getByRole("radio")).toHaveCount(0);
    await vote.getByRole("button", { name: /^Switch to / }).click();
    await expect(vote.getByRole("radio", { name: "For" })).toBeVisible();
    await expect(vote.getByRole("button", { name: "Choose For, Against or Abstain" })).toBeDisabled();
    await vote.getByRole("radio", { name: "Abstain" }).check();
    await expect(vote.getByRole("button", { name: "Vote Abstain" })).toBeEnabled();
    expect(await hasVotedOnChain(chain, governor, proposal.id, delegate)).toBe(false);
    expect(pageProblems).toEqual([]);
  });

  test("a second vote is prevented, with the reason and the first vote shown", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const { governor } = env.dao;
    const proposal = await findProposal(chain, env.dao, "Active", (p) =>
      hasVotedOnChain(chain, governor, p.id, votedDelegate),
    );
    test.skip(!proposal, "no Active proposal dev account #2 has voted on");
    if (!proposal) return;

    await injectWallet({ address: votedDelegate });
    await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
    const vote = page.getByRole("region", { name: "Vote", exact: true });
    await connectFromPanel(page, vote, "vote");

    await expect(vote).toContainText("You have already voted on this proposal");
    await expect(vote.getByRole("region", { name: "Your vote" })).toContainText(/You voted (For|Against|Abstain)/);
    await expect(vote.getByRole("radio")).toHaveCount(0);
    await expect(vote.getByRole("button", { name: /^Vote / })).toHaveCount(0);
    expect(pageProblems).toEqual([]);
  });

  test("outside the voting period the panel says voting has not opened or has ended", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const pending = await findProposal(chain, env.dao, "Pending");
    const ended = await findProposal(chain, env.dao, "Executed");
    test.skip(!pending || !ended, "needs a Pending and an Executed proposal");
    if (!pending || !ended) return;
    const vote = page.getByRole("region", { name: "Vote", exact: true });

    // Before any wallet code has loaded: the server says it.
    await page.goto(`/${env.dao.slug}/proposals/${ended.id}`);
    await expect(vote).toContainText("Voting has ended: this proposal was executed.");
    await expect(vote.getByRole("button")).toHaveCount(0);

    // With a connected wallet that has voting power, still closed.
    await injectWallet({ address: delegate });
    await page.goto(`/${env.dao.slug}/proposals/${pending.id}`);
    await expect(vote).toContainText(/Voting opens at block \d+/);
    await connectWithTestWallet(page);
    await expect(vote.getByLabel("Your voting power at the snapshot")).toContainText("counted at the snapshot");
    await expect(vote).toContainText(/Voting opens at block \d+/);
    await expect(vote.getByRole("radio")).toHaveCount(0);
    await expect(vote.getByRole("button", { name: /^Vote / })).toHaveCount(0);
    expect(pageProblems).toEqual([]);
  });

  test("a wallet that rejects the vote leaves the panel usable and nothing sent", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const { governor } = env.dao;
    const proposal = await findProposal(
      chain,
      env.dao,
      "Active",
      async (p) =>
        !(await hasVotedOnChain(chain, governor, p.id, delegate)) &&
        (await votesAtSnapshot(chain, governor, p.id, delegate)) > 0n,
    );
    test.skip(!proposal, "no Active proposal dev account #1 can vote on");
    if (!proposal) return;
    const blockBefore = await chain.getBlockNumber();

    await injectWallet({ address: delegate });
    await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
    const vote = page.getByRole("region", { name: "Vote", exact: true });
    await connectFromPanel(page, vote, "vote");
    await page.evaluate(() => window.__commonsTestWallet.setMode("reject"));

    await vote.getByRole("radio", { name: "Against" }).check();
    await vote.getByLabel("Reason (optional)").fill("Not like this");
    await vote.getByRole("button", { name: "Vote Against" }).click();

    await expect(vote.getByText("You rejected the request in your wallet")).toBeVisible();
    expect(await page.evaluate(() => window.__commonsTestWallet.rejected)).toBeGreaterThan(0);
    // Back where it was: the choice and the reason kept, the button ready for another try.
    await expect(vote.getByRole("radio", { name: "Against" })).toBeChecked();
    await expect(vote.getByLabel("Reason (optional)")).toHaveValue("Not like this");
    await expect(vote.getByRole("button", { name: "Vote Against" })).toBeEnabled();
    expect(await chain.getBlockNumber()).toBe(blockBefore);
    expect(await hasVotedOnChain(chain, governor, proposal.id, delegate)).toBe(false);
    expect(pageProblems).toEqual([]);
  });
});
