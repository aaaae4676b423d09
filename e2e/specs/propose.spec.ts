/**
 * Proposing through the form at /<dao>/proposals/new with the injected test wallet: an account
 * above the threshold creates a proposal with an ETH transfer from the treasury and lands on its
 * page (ProposalCreated on chain with exactly the targets, values and calldatas typed); an account
 * below the threshold sees submit disabled with the reason; a custom call's malformed address,
 * out-of-range number and bad JSON ABI are each refused in the form with a message naming the
 * field. One transaction in all.
 */
import { type Address, getAddress, parseAbi, parseEther } from "viem";
import { resolveDao } from "../../lib/config/resolveDao";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { anvilAccounts, expect, test } from "../fixtures/test";
import { connectFromPanel, submitProposal } from "../fixtures/writes";

const thresholdAbi = parseAbi(["function proposalThreshold() view returns (uint256)"]);
const tokenAbi = parseAbi(["function getVotes(address account) view returns (uint256)"]);

test.describe("the propose form", () => {
  test("an account above the threshold proposes an ETH transfer and lands on the new proposal @phone", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const dao = await resolveDao(env.dao);
    const proposer = getAddress(anvilAccounts[0] as Address);
    const [votes, threshold] = await Promise.all([
      chain.readContract({ address: dao.token, abi: tokenAbi, functionName: "getVotes", args: [proposer] }),
      chain.readContract({ address: dao.governor, abi: thresholdAbi, functionName: "proposalThreshold" }),
    ]);
    test.skip(votes < threshold, "dev account #0 is below the proposal threshold on this chain");
    // A fresh address: nothing names it, so the summary shows it in full.
    const recipient = getAddress(`0x${"be".repeat(19)}01`);
    const title = `Pay 1.5 ETH to the builders (${Date.now()})`;

    await injectWallet({ address: proposer });
    await page.goto(`/${env.dao.slug}`);
    await page.getByRole("link", { name: "New proposal" }).click();
    await expect(page).toHaveURL(new RegExp(`/${env.dao.slug}/proposals/new$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("New proposal");

    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Body (markdown)").fill("We pay **the builders**.\n\n<script>alert(1)</script>");
    // The live preview goes through the proposal page's safe renderer: markdown rendered, HTML shown as text.
    const preview = page.getByRole("region", { name: /^Preview/ });
    await expect(preview.locator("strong")).toHaveText("the builders");
    await expect(preview).toContainText("<script>alert(1)</script>");

    await page.getByRole("button", { name: "+ ETH transfer" }).click();
    const action = page.getByRole("group", { name: "Action 1 · ETH transfer" });
    await action.getByLabel("Recipient").fill(recipient.toLowerCase());
    await action.getByLabel("Amount (ETH)").fill("1.5");
    await expect(action.getByText(`Sends 1.5 ETH to ${recipient}`)).toBeVisible();

    const submit = page.getByRole("region", { name: "Submit" });
    await connectFromPanel(page, submit, "propose");
    await expect(submit.getByLabel("Your voting power")).toHaveText(
      `${formatTokenAmount(votes, dao.tokenDecimals)} ${dao.tokenSymbol}`,
    );
    await expect(submit.getByText("The governor would accept this proposal.")).toBeVisible();
    await expect(submit.getByText(/Every action runs without reverting/)).toBeVisible();
    const log = await submitProposal(page, chain, dao.governor);
    const created = log.args;
    expect(created?.proposer).toBe(proposer);
    expect(created?.targets).toEqual([recipient]);
    expect(created?.values).toEqual([parseEther("1.5")]);
    expect(created?.calldatas).toEqual(["0x"]);
    expect(created?.description).toBe(`# ${title}\n\nWe pay **the builders**.\n\n<script>alert(1)</script>`);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/${env.dao.slug}/proposals/${created?.proposalId}`);
    expect(url.searchParams.get("tx")).toBe(log.transactionHash);

    // The new proposal's page names it (from the receipt, or from the indexer once it has caught up).
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });

    // The draft was cleared once the proposal was on chain.
    await page.goto(`/${env.dao.slug}/proposals/new`);
    await expect(page.getByLabel("Title")).toHaveValue("");
    expect(pageProblems).toEqual([]);
  });

  test("a submit rejected in the wallet sends nothing and keeps everything typed, also across a reload", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const blockBefore = await chain.getBlockNumber();
    await injectWallet({ address: anvilAccounts[0] });
    await page.goto(`/${env.dao.slug}/proposals/new`);
    await page.getByLabel("Title").fill("Kept when rejected");
    await page.getByLabel("Body (markdown)").fill("Every word stays.");
    const discussion = page.getByLabel("Discussion URL (optional)");
    const forum = env.dao.forumHosts?.[0];
    if (forum) {
      // Only the configured forum's links are accepted.
      await discussion.fill("https://elsewhere.example/t/1");
      await discussion.blur();
      await expect(page.getByText(`Discussion URL: must be on ${forum}`)).toBeVisible();
    }
    const link = `https://${forum ?? "forum.example.org"}/t/1`;
    await discussion.fill(link);
    await page.getByRole("button", { name: "+ ETH transfer" }).click();
    const action = page.getByRole("group", { name: "Action 1 · ETH transfer" });
    await action.getByLabel("Recipient").fill(anvilAccounts[5] as string);
    await action.getByLabel("Amount (ETH)").fill("0.5");
    // A second action the treasury cannot pay: warned about, but the proposal may still be made.
    await page.getByRole("button", { name: "+ ETH transfer" }).click();
    const tooMuch = page.getByRole("group", { name: "Action 2 · ETH transfer" });
    await tooMuch.getByLabel("Recipient").fill(anvilAccounts[5] as string);
    await tooMuch.getByLabel("Amount (ETH)").fill("1,000,000");
    await expect(tooMuch.getByText(/^The treasury holds only [\d,.]+ ETH now\.$/)).toBeVisible();

    const submit = page.getByRole("region", { name: "Submit" });
    await connectFromPanel(page, submit, "propose");
    await expect(submit.getByText("The governor would accept this proposal.")).toBeVisible();
    // The whole sequence is simulated: the first action runs, the second reverts for want of ETH.
    const simulation = submit.getByTestId("simulation-report");
    await expect(simulation.getByRole("alert")).toContainText("Executing these actions would revert: action 2 fails");
    await expect(simulation.getByRole("alert")).toContainText("The timelock holds less ETH than this action sends.");
    await expect(simulation.getByTestId("simulated-action-1")).toHaveAttribute("data-status", "success");
    await expect(simulation.getByTestId("simulated-action-2")).toHaveAttribute("data-status", "reverted");
    await page.evaluate(() => window.__commonsTestWallet.setMode("reject"));
    await submit.getByRole("button", { name: "Submit proposal" }).click();
    await expect(
      submit.getByRole("status").filter({ hasText: "You rejected the request in your wallet" }),
    ).toBeVisible();
    await expect(submit.getByRole("button", { name: "Submit proposal" })).toBeEnabled();
    expect(await page.evaluate(() => window.__commonsTestWallet.rejected)).toBe(1);
    expect(await chain.getBlockNumber()).toBe(blockBefore);

    for (const reload of [false, true]) {
      if (reload) await page.reload();
      await expect(page.getByLabel("Title")).toHaveValue("Kept when rejected");
      await expect(page.getByLabel("Body (markdown)")).toHaveValue("Every word stays.");
      await expect(discussion).toHaveValue(link);
      await expect(action.getByLabel("Amount (ETH)")).toHaveValue("0.5");
    }
    expect(pageProblems).toEqual([]);
  });

  test("an account below the threshold sees submit disabled, with the reason", async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    const dao = await resolveDao(env.dao);
    const account = getAddress(anvilAccounts[6] as Address);
    const [votes, threshold] = await Promise.all([
      chain.readContract({ address: dao.token, abi: tokenAbi, functionName: "getVotes", args: [account] }),
      chain.readContract({ address: dao.governor, abi: thresholdAbi, functionName: "proposalThreshold" }),
    ]);
    test.skip(votes >= threshold, "dev account #6 is not below the proposal threshold on this chain");
    const amount = (value: bigint) => `${formatTokenAmount(value, dao.tokenDecimals)} ${dao.tokenSymbol}`;
    const blockBefore = await chain.getBlockNumber();

    await injectWallet({ address: account });
    await page.goto(`/${env.dao.slug}/proposals/new`);
    await page.getByLabel("Title").fill("Below the threshold");
    await page.getByRole("button", { name: "+ ETH transfer" }).click();
    const action = page.getByRole("group", { name: "Action 1 · ETH transfer" });
    await action.getByLabel("Recipient").fill(account);
    await action.getByLabel("Amount (ETH)").fill("1");

    const submit = page.getByRole("region", { name: "Submit" });
    await connectFromPanel(page, submit, "propose");
    const button = submit.getByRole("button", { name: "Submit proposal" });
    await expect(button).toBeDisabled();
    await expect(submit).toContainText(
      `You cannot propose: your voting power (${amount(votes)}) is below the proposal threshold (${amount(threshold)}).`,
    );
    await expect(button).toHaveAccessibleDescription(/below the proposal threshold/);
    expect(await chain.getBlockNumber()).toBe(blockBefore);
    expect(pageProblems).toEqual([]);
  });

  test("a custom call refuses a malformed address, a number out of range and a bad JSON ABI, naming the field @phone", async ({
    page,
    env,
    pageProblems,
  }) => {
    await page.goto(`/${env.dao.slug}/proposals/new`);
    await page.getByRole("button", { name: "+ Contract call" }).click();
    const action = page.getByRole("group", { name: "Action 1 · Contract call" });

    // A malformed address.
    const target = action.getByLabel("Target contract");
    await target.fill("0x1234");
    await target.blur();
    await expect(
      action.getByText("Action 1 · target contract: must be 40 hex characters after 0x (this has 4)"),
    ).toBeVisible();
    await expect(target).toHaveAttribute("aria-invalid", "true");
    // One letter's case changed in a checksummed address.
    await target.fill(env.dao.governor.replace(/[a-f]/, (c) => c.toUpperCase()));
    await expect(action.getByText(/Action 1 · target contract: has an invalid checksum/)).toBeVisible();
    await target.fill(env.dao.governor);
    await expect(target).not.toHaveAttribute("aria-invalid");

    // A number out of range for its Solidity type.
    await action.getByLabel("Function").selectOption("setVotingPeriod(uint32)");
    const period = action.getByLabel("newVotingPeriod (uint32)");
    await period.fill("4294967296");
    await period.blur();
    await expect(
      action.getByText("Action 1 · newVotingPeriod (uint32): is out of range: a uint32 must be at most 4294967295"),
    ).toBeVisible();
    await period.fill("-5");
    await expect(action.getByText("Action 1 · newVotingPeriod (uint32): must be a whole number ≥ 0")).toBeVisible();
    await period.fill("120");
    // The config may name the governor: the summary shows its label and short address.
    await expect(
      action.getByText(/^Calls setVotingPeriod\(newVotingPeriod: 120\) on .*\(0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}\)$/),
    ).toBeVisible();

    // A pasted ABI that is not valid JSON, then JSON that is not an ABI.
    await action.getByLabel("Contract ABI").selectOption("pasted");
    const abi = action.getByLabel("ABI (JSON)");
    await abi.fill('[{"type": "function", "name": "pay",]');
    await abi.blur();
    await expect(action.getByText(/^Action 1 · ABI: is not valid JSON \(.+\)$/)).toBeVisible();
    await abi.fill('{"hello": "world"}');
    await expect(action.getByText(/^Action 1 · ABI: is not an ABI: expected a JSON array/)).toBeVisible();
    await expect(action.getByLabel("Function")).toHaveCount(0);
    // A valid one offers its state-changing functions.
    await abi.fill(
      JSON.stringify([
        {
          type: "function",
          name: "pay",
          inputs: [{ name: "to", type: "address" }],
          outputs: [],
          stateMutability: "payable",
        },
        {
          type: "function",
          name: "owner",
          inputs: [],
          outputs: [{ name: "", type: "address" }],
          stateMutability: "view",
        },
      ]),
    );
    await expect(action.getByLabel("Function").getByRole("option")).toHaveText([
      "Choose a function…",
      "pay(address) · payable",
    ]);
    expect(pageProblems).toEqual([]);
  });
});
