/**
 * A proposal's whole life, every step clicked in the browser by one holder (demo account #3, who
 * starts with tokens but no voting power): delegate to yourself, propose an ETH transfer and a
 * token transfer from the treasury to a fresh address, vote For with a reason once voting opens
 * (two other delegates vote from their own wallets, one Against), queue it when it has passed,
 * execute it after the timelock delay. Checked on chain (the recipient's balances, every state)
 * and on the page (Executed, the tallies).
 *
 * It mines ~80 blocks, so it runs last, in its own Playwright project (see playwright.config.ts):
 * reverting that far breaks the indexer's live sync for any spec after it.
 */
import { type Address, erc20Abi, getAddress, parseAbi, parseEther, parseUnits } from "viem";
import { resolveDao } from "../../lib/config/resolveDao";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { proposalStateOnChain } from "../fixtures/governor";
import { anvilAccounts, connectWithTestWallet, expect, test } from "../fixtures/test";
import { proposalEtaOnChain, submitProposal, tallyOnChain } from "../fixtures/writes";

const governorAbi = parseAbi([
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function castVote(uint256 proposalId, uint8 support) returns (uint256)",
]);
const tokenAbi = parseAbi(["function delegates(address account) view returns (address)"]);

test("delegate, propose, vote, queue and execute, all through the browser", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  test.skip(!env.isDemo, "uses the demo's dev accounts and treasury tokens");
  test.setTimeout(240_000);
  const dao = await resolveDao(env.dao);
  const holder = getAddress(anvilAccounts[3] as Address);
  const bigDelegate = getAddress(anvilAccounts[1] as Address);
  const smallDelegate = getAddress(anvilAccounts[0] as Address);
  const recipient = getAddress(`0x${"c0".repeat(19)}de`);
  const title = `Fund the lifecycle test (${Date.now()})`;

  // 1. Delegate to yourself, from the account view.
  await injectWallet({ address: holder });
  await page.goto(`/${env.dao.slug}/account`);
  await connectWithTestWallet(page);
  const warning = page.getByRole("status").filter({ hasText: "Your tokens are not counted" });
  await warning.getByRole("button", { name: "Delegate to yourself" }).click();
  await expect
    .poll(() => chain.readContract({ address: dao.token, abi: tokenAbi, functionName: "delegates", args: [holder] }))
    .toBe(holder);

  // 2. Propose: an ETH transfer and a token transfer from the treasury.
  await page.goto(`/${env.dao.slug}/proposals/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Body (markdown)").fill("Pays the **lifecycle test** recipient in ETH and mUSDC.");
  await page.getByRole("button", { name: "+ ETH transfer" }).click();
  const ethAction = page.getByRole("group", { name: "Action 1 · ETH transfer" });
  await ethAction.getByLabel("Recipient").fill(recipient);
  await ethAction.getByLabel("Amount (ETH)").fill("1.5");
  await page.getByRole("button", { name: "+ Token transfer" }).click();
  const tokenAction = page.getByRole("group", { name: "Action 2 · Token transfer" });
  const tokenSelect = tokenAction.getByLabel("Token");
  const musdc = await tokenSelect.locator("option", { hasText: /^mUSDC/ }).getAttribute("value");
  if (!musdc) throw new Error("the treasury's mUSDC is not offered");
  await tokenSelect.selectOption(musdc);
  await tokenAction.getByLabel("Recipient").fill(recipient);
  await tokenAction.getByLabel("Amount (mUSDC)").fill("250.5");
  const submit = page.getByRole("region", { name: "Submit" });
  // Votes delegated in the latest block count from the next one; the check says so, then clears
  // by itself when a block is mined.
  await expect(submit).toContainText("Your votes were delegated in the latest block and count from the next one.");
  await chain.mine({ blocks: 1 });
  await expect(submit.getByText("The governor would accept this proposal.")).toBeVisible();
  const created = await submitProposal(page, chain, dao.governor);
  const id = created.args.proposalId as bigint;
  expect(created?.args.proposer).toBe(holder);
  expect(created?.args.targets).toEqual([getAddress(recipient), getAddress(musdc)]);
  expect(created?.args.values).toEqual([parseEther("1.5"), 0n]);

  // 3. Voting opens after the voting delay; vote For with a reason in the browser.
  const votingDelay = await chain.readContract({
    address: dao.governor,
    abi: governorAbi,
    functionName: "votingDelay",
  });
  await chain.mine({ blocks: Number(votingDelay) + 1 });
  expect(await proposalStateOnChain(chain, dao.governor, id)).toBe("Active");
  await page.goto(`/${env.dao.slug}/proposals/${id}`);
  const form = page.getByRole("form", { name: "Cast your vote" });
  await form.getByText("For", { exact: true }).click();
  await form.getByLabel(/Reason/).fill("Tested end to end; worth funding.");
  await form.getByRole("button", { name: "Vote For" }).click();
  await expect(page.getByRole("region", { name: "Your vote" })).toContainText("You voted For", { timeout: 30_000 });
  // Two more delegates vote from their own wallets (anvil signs for its dev accounts).
  for (const [voter, support] of [
    [bigDelegate, 1],
    [smallDelegate, 0],
  ] as const) {
    const hash = await chain.writeContract({
      address: dao.governor,
      abi: governorAbi,
      functionName: "castVote",
      args: [id, support],
      account: voter,
      chain: null,
    });
    expect((await chain.waitForTransactionReceipt({ hash })).status).toBe("success");
  }

  // 4. After the voting period it has passed; queue it.
  const votingPeriod = await chain.readContract({
    address: dao.governor,
    abi: governorAbi,
    functionName: "votingPeriod",
  });
  await chain.mine({ blocks: Number(votingPeriod) });
  expect(await proposalStateOnChain(chain, dao.governor, id)).toBe("Succeeded");
  await page.reload();
  const next = page.getByRole("region", { name: "Next step" });
  await next.getByRole("button", { name: "Queue proposal" }).click();
  await expect.poll(() => proposalStateOnChain(chain, dao.governor, id)).toBe("Queued");
  await expect(next.getByRole("timer")).toBeVisible();

  // 5. Past the timelock delay, execute it.
  const eta = await proposalEtaOnChain(chain, dao.governor, id);
  await chain.setNextBlockTimestamp({ timestamp: eta });
  await chain.mine({ blocks: 1 });
  const ethBefore = await chain.getBalance({ address: recipient });
  const usdcBefore = await chain.readContract({
    address: musdc as Address,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [recipient],
  });
  await page.reload();
  await next.getByRole("button", { name: "Execute proposal" }).click();
  await expect.poll(() => proposalStateOnChain(chain, dao.governor, id)).toBe("Executed");

  expect((await chain.getBalance({ address: recipient })) - ethBefore).toBe(parseEther("1.5"));
  const usdcAfter = await chain.readContract({
    address: musdc as Address,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [recipient],
  });
  expect(usdcAfter - usdcBefore).toBe(parseUnits("250.5", 6));

  // The page says Executed and shows the tallies the chain holds.
  await expect(page.locator("main article > header")).toContainText("Executed");
  const tally = await tallyOnChain(chain, dao.governor, id);
  const results = page.getByRole("region", { name: "Results" });
  await expect(results).toContainText(formatTokenAmount(tally.forVotes, dao.tokenDecimals));
  await expect(results).toContainText(formatTokenAmount(tally.againstVotes, dao.tokenDecimals));
  expect(pageProblems).toEqual([]);
});
