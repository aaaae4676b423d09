/**
 * A DAO on a chain our seed never touched (issue 11): a plain anvil with chain id 1337 and no
 * Multicall3 at any address, where a Governor was deployed the usual way (harness/fixtures/
 * plainChain.ts). Every live read there goes as a JSON-RPC batch from one block; the pages, a
 * delegation and a proposal's whole life (propose, vote, queue, execute) work through the browser,
 * checked against the chain.
 */
import { type Address, getAddress, parseAbi, parseEther } from "viem";
import { resolveDao } from "../../lib/config/resolveDao";
import type { DaoConfig } from "../../lib/config/schema";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { proposalStateOnChain } from "../fixtures/governor";
import {
  anvilAccounts,
  test as base,
  chainClientFor,
  connectWithTestWallet,
  expect,
  withChainSnapshot,
} from "../fixtures/test";
import { connectFromPanel, submitProposal } from "../fixtures/writes";

const multicall3 = "0xcA11bde05977b3631167028862bE2a173976CA11";
const governorAbi = parseAbi([
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function proposalEta(uint256 proposalId) view returns (uint256)",
  "function castVote(uint256 proposalId, uint8 support) returns (uint256)",
  "function hasVoted(uint256 proposalId, address account) view returns (bool)",
  "function proposalVotes(uint256 proposalId) view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)",
]);
const tokenAbi = parseAbi([
  "function delegates(address account) view returns (address)",
  "function getVotes(address account) view returns (uint256)",
  "function balanceOf(address account) view returns (uint256)",
]);

type PlainChain = ReturnType<typeof chainClientFor>;

const test = base.extend<{ plain: { dao: DaoConfig; chain: PlainChain } }>({
  plain: async ({ env }, use) => {
    const dao = env.daos.find((candidate) => candidate.slug === "plain");
    test.skip(!dao, "no plain-chain DAO in this config (only the demo harness deploys one)");
    if (!dao) return;
    await withChainSnapshot(chainClientFor(dao.rpcUrl, dao.chainId), dao.chainId, (chain) => use({ dao, chain }));
  },
});

const proposer = getAddress(anvilAccounts[1] as Address);
const secondVoter = getAddress(anvilAccounts[0] as Address);
const undelegated = getAddress(anvilAccounts[4] as Address);

test.describe("a DAO on a chain without Multicall3", () => {
  test("the chain really has no Multicall3, and every page reads it", async ({ page, plain, pageProblems }) => {
    const { dao: config, chain } = plain;
    expect(await chain.getCode({ address: multicall3 })).toBeUndefined();
    const dao = await resolveDao(config);
    expect(dao.multicall3).toBeNull();
    const chainProblem = page.getByText(/The chain’s RPC|Reading the chain failed|A contract call reverted/);

    // The About page: parameters read live from the governor, token and timelock.
    await page.goto("/plain/about");
    await expect(page.getByRole("region", { name: "Governor" })).toContainText("OpenZeppelin Governor");
    const period = await chain.readContract({ address: dao.governor, abi: governorAbi, functionName: "votingPeriod" });
    await expect(page.getByRole("main")).toContainText(`${period} blocks`);
    await expect(chainProblem).toHaveCount(0);

    // The delegates directory: each delegate's power and share of the live total supply.
    const top = getAddress(anvilAccounts[0] as Address);
    const power = await chain.readContract({
      address: dao.token,
      abi: tokenAbi,
      functionName: "getVotes",
      args: [top],
    });
    await page.goto("/plain/delegates");
    const rows = page.getByRole("table", { name: "Delegates, by voting power" }).getByRole("rowgroup").nth(1);
    await expect(rows.getByRole("row").first()).toContainText(`${formatTokenAmount(power, 18)} ${dao.tokenSymbol}`);
    await expect(rows.getByRole("row").first()).toContainText("of supply");
    await expect(chainProblem).toHaveCount(0);

    // The treasury: the timelock's ETH and tokens, read without Multicall3's getEthBalance.
    const treasury = dao.timelock ?? dao.governor;
    const eth = await chain.getBalance({ address: treasury });
    const tokens = await chain.readContract({
      address: dao.token,
      abi: tokenAbi,
      functionName: "balanceOf",
      args: [treasury],
    });
    await page.goto("/plain/treasury");
    const balances = page.getByRole("table", { name: "Balances" });
    await expect(balances).toContainText(`${formatTokenAmount(eth, 18)} ETH`);
    await expect(balances).toContainText(formatTokenAmount(tokens, 18));
    await expect(chainProblem).toHaveCount(0);
    expect(pageProblems).toEqual([]);
  });

  test("a holder whose tokens are not counted delegates to themself", async ({ page, plain, injectWallet }) => {
    const { dao: config, chain } = plain;
    const dao = await resolveDao(config);
    const delegates = () =>
      chain.readContract({ address: dao.token, abi: tokenAbi, functionName: "delegates", args: [undelegated] });
    expect(await delegates()).not.toBe(undelegated);
    await injectWallet({ address: undelegated, rpcUrl: config.rpcUrl, chainId: config.chainId });
    await page.goto("/plain/account");
    await connectWithTestWallet(page);
    const warning = page.getByRole("status").filter({ hasText: "Your tokens are not counted" });
    await warning.getByRole("button", { name: "Delegate to yourself" }).click();
    await expect.poll(delegates).toBe(undelegated);
    const power = await chain.readContract({
      address: dao.token,
      abi: tokenAbi,
      functionName: "getVotes",
      args: [undelegated],
    });
    expect(power).toBeGreaterThan(0n);
    await expect(page.getByRole("main")).toContainText(formatTokenAmount(power, dao.tokenDecimals));
  });

  test("propose, vote, queue and execute through the browser", async ({ page, plain, injectWallet, pageProblems }) => {
    test.setTimeout(180_000);
    const { dao: config, chain } = plain;
    const dao = await resolveDao(config);
    const recipient = getAddress(`0x${"d1".repeat(19)}07`);
    const title = `Pay from a chain without Multicall3 (${Date.now()})`;
    const read = <T>(functionName: string, args: unknown[] = []) =>
      chain.readContract({ address: dao.governor, abi: governorAbi, functionName, args } as never) as Promise<T>;

    // 1. Propose an ETH transfer from the treasury.
    await injectWallet({ address: proposer, rpcUrl: config.rpcUrl, chainId: config.chainId });
    await page.goto("/plain/proposals/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Body (markdown)").fill("Pays the recipient **0.5 ETH**.");
    await page.getByRole("button", { name: "+ ETH transfer" }).click();
    const action = page.getByRole("group", { name: "Action 1 · ETH transfer" });
    await action.getByLabel("Recipient").fill(recipient);
    await action.getByLabel("Amount (ETH)").fill("0.5");
    const submit = page.getByRole("region", { name: "Submit" });
    await connectFromPanel(page, submit, "propose");
    await expect(submit.getByText("The governor would accept this proposal.")).toBeVisible();
    const created = await submitProposal(page, chain, dao.governor);
    const id = created.args.proposalId as bigint;
    expect(created.args.values?.[0]).toBe(parseEther("0.5"));

    // 2. Vote For once voting opens; a second delegate votes from their own wallet.
    await chain.mine({ blocks: Number((await read<bigint>("votingDelay")) + 1n) });
    expect(await proposalStateOnChain(chain, dao.governor, id)).toBe("Active");
    await page.goto(`/plain/proposals/${id}`);
    await expect(page.locator("main article > header")).toContainText("Active");
    const form = page.getByRole("form", { name: "Cast your vote" });
    await form.getByText("For", { exact: true }).click();
    await form.getByLabel(/Reason/).fill("Works without Multicall3.");
    await form.getByRole("button", { name: "Vote For" }).click();
    await expect(page.getByRole("region", { name: "Your vote" })).toContainText("You voted For", { timeout: 30_000 });
    expect(await read<boolean>("hasVoted", [id, proposer])).toBe(true);
    await chain.writeContract({
      address: dao.governor,
      abi: governorAbi,
      functionName: "castVote",
      args: [id, 1],
      account: secondVoter,
      chain: null,
    });

    // 3. After the voting period, queue it.
    await chain.mine({ blocks: Number(await read<bigint>("votingPeriod")) });
    await expect.poll(() => proposalStateOnChain(chain, dao.governor, id)).toBe("Succeeded");
    await page.reload();
    const next = page.getByRole("region", { name: "Next step" });
    await next.getByRole("button", { name: "Queue proposal" }).click();
    await expect.poll(() => proposalStateOnChain(chain, dao.governor, id)).toBe("Queued");

    // 4. Past the timelock's delay, execute it.
    const eta = await read<bigint>("proposalEta", [id]);
    await chain.setNextBlockTimestamp({ timestamp: eta });
    await chain.mine({ blocks: 1 });
    const before = await chain.getBalance({ address: recipient });
    await page.reload();
    await next.getByRole("button", { name: "Execute proposal" }).click();
    await expect.poll(() => proposalStateOnChain(chain, dao.governor, id)).toBe("Executed");
    expect((await chain.getBalance({ address: recipient })) - before).toBe(parseEther("0.5"));
    await expect(page.locator("main article > header")).toContainText("Executed");
    const [, forVotes] = await read<readonly [bigint, bigint, bigint]>("proposalVotes", [id]);
    await expect(page.getByRole("region", { name: "Results" })).toContainText(formatTokenAmount(forVotes, 18));
    expect(pageProblems).toEqual([]);
  });
});
