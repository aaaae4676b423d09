/**
 * Propose, vote, queue and execute through the browser on the two governors whose voting periods
 * are thousands of blocks (issue 11): the "compound" DAO's GovernorBravo (5,760 blocks, Compound's
 * minimum) and the "alpha" DAO's GovernorAlpha (a fixed 40,320 blocks). The whole period is mined
 * on the fork (cheap there: it keeps the last 128 blocks' states only, see scripts/e2e.ts), and
 * checked on chain: each state, the recipient's ETH and UNI, and the treasury's ETH untouched —
 * these governors forward each action's ETH from whoever executes (here the proposer's wallet),
 * which the page says before the click.
 *
 * Reverting that many blocks would break the indexer's live sync, and it needs minutes to follow
 * them: these tests keep the chain (`keepChain`), run last of all (the long-windows project, see
 * playwright.config.ts) and read the proposal's page from its creating transaction (`?tx=`), which
 * needs no index. The votes list (the index) is checked on both flavours in flavours.spec.
 */
import { type Address, erc20Abi, getAddress, parseEther, parseUnits } from "viem";
import { type ResolvedDao, resolveDao } from "../../lib/config/resolveDao";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import type { ContractRead } from "../../lib/governor/adapter";
import { governorAdapterFor, readResult } from "../../lib/governor/families";
import type { VoteParts } from "../../lib/proposals/voteParts";
import { proposalStateOnChain } from "../fixtures/governor";
import { anvilAccounts, type ChainClient, expect, test } from "../fixtures/test";
import { connectFromPanel, submitProposal } from "../fixtures/writes";

test.use({ keepChain: true });

const proposer = getAddress(anvilAccounts[1] as Address);
const secondVoter = getAddress(anvilAccounts[0] as Address);

async function adapterRead<T>(chain: ChainClient, call: ContractRead): Promise<T> {
  return readResult(call, await chain.readContract(call)) as T;
}

/** Mines `blocks` in slices (one request for 40,320 blocks can outlast the client's timeout). */
async function mineBlocks(chain: ChainClient, blocks: number) {
  for (let left = blocks; left > 0; left -= 2_000) await chain.mine({ blocks: Math.min(left, 2_000) });
}

async function sent(chain: ChainClient, hash: `0x${string}`) {
  expect((await chain.waitForTransactionReceipt({ hash })).status).toBe("success");
}

// Bravo first: the Alpha's 40,320 blocks are left for the very end.
for (const slug of ["compound", "alpha"] as const) {
  test(`${slug}: propose, vote, queue and execute through the browser across the whole voting period`, async ({
    page,
    chain,
    env,
    injectWallet,
    pageProblems,
  }) => {
    test.setTimeout(300_000);
    const config = env.daos.find((dao) => dao.slug === slug);
    test.skip(!config, `no "${slug}" DAO in this config (only the seeded demo chain has it)`);
    const dao: ResolvedDao = await resolveDao(config as NonNullable<typeof config>);
    const adapter = governorAdapterFor(dao.flavour, dao);
    expect(dao.flavour.family).toBe(slug === "alpha" ? "alpha" : "bravo");
    const recipient = getAddress(`0x${"e1".repeat(19)}${slug === "alpha" ? "0a" : "0b"}`);
    const treasury = dao.timelock as Address;

    // 1. Propose an ETH transfer and a token transfer (sent as a function signature).
    await injectWallet({ address: proposer });
    await page.goto(`/${slug}/proposals/new`);
    await page.getByLabel("Title").fill(`Pay the ${slug} long-window test (${Date.now()})`);
    await page.getByLabel("Body (markdown)").fill(`Runs through the **${slug}** governor's whole voting period.`);
    await page.getByRole("button", { name: "+ ETH transfer" }).click();
    const ethAction = page.getByRole("group", { name: "Action 1 · ETH transfer" });
    await ethAction.getByLabel("Recipient").fill(recipient);
    await ethAction.getByLabel("Amount (ETH)").fill("0.25");
    await page.getByRole("button", { name: "+ Token transfer" }).click();
    const tokenAction = page.getByRole("group", { name: "Action 2 · Token transfer" });
    const select = tokenAction.getByLabel("Token");
    const option = await select.locator("option", { hasText: new RegExp(`^${dao.tokenSymbol}`) }).getAttribute("value");
    if (!option) throw new Error(`the treasury's ${dao.tokenSymbol} is not offered`);
    await select.selectOption(option);
    await tokenAction.getByLabel("Recipient").fill(recipient);
    await tokenAction.getByLabel(`Amount (${dao.tokenSymbol})`).fill("12.5");
    const submit = page.getByRole("region", { name: "Submit" });
    await connectFromPanel(page, submit, "propose");
    await expect(submit.getByText("The governor would accept this proposal.")).toBeVisible();
    const created = await submitProposal(page, chain, dao.governor);
    const id = created.args.proposalId as bigint;
    expect(created.args.signatures).toEqual(["", "transfer(address,uint256)"]);
    // The page of the new proposal, read from its creating transaction: no index needed.
    const proposalUrl = new URL(page.url()).pathname + new URL(page.url()).search;

    // 2. Voting opens the block after startBlock: vote For in the browser; #0 votes For over RPC.
    const startBlock = await adapterRead<bigint>(chain, adapter.proposalSnapshot(id));
    await mineBlocks(chain, Number(startBlock - (await chain.getBlockNumber())) + 1);
    expect(await proposalStateOnChain(chain, dao.governor, id)).toBe("Active");
    await page.goto(proposalUrl);
    const form = page.getByRole("form", { name: "Cast your vote" });
    if (slug === "alpha") {
      await expect(form).toContainText(
        "This governor (GovernorAlpha) counts only For and Against and keeps no reasons.",
      );
      await expect(form.getByLabel(/Reason/)).toHaveCount(0);
    } else {
      await form.getByLabel(/Reason/).fill("Worth the whole voting period.");
    }
    await form.getByText("For", { exact: true }).click();
    await form.getByRole("button", { name: "Vote For" }).click();
    await expect(page.getByRole("region", { name: "Your vote" })).toContainText("You voted For", { timeout: 30_000 });
    const second = adapter.castVote(id, 1);
    await sent(chain, await chain.writeContract({ ...second, account: secondVoter, chain: null } as never));
    const tallies = await adapterRead<VoteParts>(chain, adapter.proposalVotes(id));
    expect(tallies.againstVotes).toBe(0n);
    expect(tallies.forVotes).toBeGreaterThan(0n);

    // 3. The whole voting period (5,760 or 40,320 blocks), then queue it in the browser.
    const endBlock = await adapterRead<bigint>(chain, adapter.proposalDeadline(id));
    expect(endBlock - startBlock).toBe(slug === "alpha" ? 40_320n : 5_760n);
    const started = Date.now();
    await mineBlocks(chain, Number(endBlock - (await chain.getBlockNumber())) + 1);
    console.log(`[long-windows] ${slug}: mined ${endBlock - startBlock} blocks in ${Date.now() - started} ms`);
    expect(await proposalStateOnChain(chain, dao.governor, id)).toBe("Succeeded");
    await page.goto(proposalUrl);
    const next = page.getByRole("region", { name: "Next step" });
    await next.getByRole("button", { name: "Queue proposal" }).click();
    await expect.poll(() => proposalStateOnChain(chain, dao.governor, id)).toBe("Queued");
    await expect(next.getByRole("timer")).toBeVisible();

    // 4. Past the timelock's delay, execute it in the browser: the executor sends the 0.25 ETH.
    const eta = await adapterRead<bigint>(chain, adapter.proposalEta(id));
    await chain.setNextBlockTimestamp({ timestamp: eta });
    await chain.mine({ blocks: 1 });
    const ethBefore = await chain.getBalance({ address: recipient });
    const treasuryBefore = await chain.getBalance({ address: treasury });
    const proposerBefore = await chain.getBalance({ address: proposer });
    await page.goto(proposalUrl);
    await expect(next).toContainText("Executing sends 0.25 ETH from your wallet");
    await next.getByRole("button", { name: "Execute proposal" }).click();
    await expect.poll(() => proposalStateOnChain(chain, dao.governor, id)).toBe("Executed");
    expect((await chain.getBalance({ address: recipient })) - ethBefore).toBe(parseEther("0.25"));
    expect(await chain.getBalance({ address: treasury })).toBe(treasuryBefore);
    // The proposer's wallet, which executed, paid the 0.25 ETH (and the gas).
    expect(proposerBefore - (await chain.getBalance({ address: proposer }))).toBeGreaterThan(parseEther("0.25"));
    expect(
      await chain.readContract({ address: dao.token, abi: erc20Abi, functionName: "balanceOf", args: [recipient] }),
    ).toBe(parseUnits("12.5", dao.tokenDecimals));
    await expect(page.locator("main article > header")).toContainText("Executed");
    const final = await adapterRead<VoteParts>(chain, adapter.proposalVotes(id));
    await expect(page.getByRole("region", { name: "Results" })).toContainText(
      formatTokenAmount(final.forVotes, dao.tokenDecimals),
    );
    expect(pageProblems).toEqual([]);
  });
}
