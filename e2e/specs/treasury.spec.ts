/**
 * The treasury and the DAO overview, checked against the contracts: balances from getBalance and
 * balanceOf, outflows decoded here from the executed proposals' calldata, parameters from the
 * governor and timelock. Nothing here moves the chain.
 */
import { type Address, decodeFunctionData, erc20Abi, getAddress, parseAbi, parseAbiItem } from "viem";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { shortAddress } from "../../lib/format/shortAddress";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { proposalCreatedEvent } from "../fixtures/governor";
import { logsInRanges } from "../fixtures/logs";
import { type ChainClient, expect, test } from "../fixtures/test";

/** Executed proposals per page of the treasury's outflows (app/[dao]/treasury/page.tsx). */
const outflowsPageSize = 50;

const governorAbi = parseAbi([
  "function token() view returns (address)",
  "function timelock() view returns (address)",
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function proposalThreshold() view returns (uint256)",
  "function quorumNumerator() view returns (uint256)",
  "function quorumDenominator() view returns (uint256)",
]);
const timelockAbi = parseAbi(["function getMinDelay() view returns (uint256)"]);
const proposalExecutedEvent = parseAbiItem("event ProposalExecuted(uint256 proposalId)");

type Reader = Pick<ChainClient, "readContract">;

async function treasuryOf(chain: Reader, env: { dao: { governor: Address; timelock?: Address } }): Promise<Address> {
  if (env.dao.timelock) return env.dao.timelock;
  try {
    return await chain.readContract({ address: env.dao.governor, abi: governorAbi, functionName: "timelock" });
  } catch {
    return env.dao.governor;
  }
}

/** symbol and decimals, or undefined for a contract that is not an ERC20. */
async function erc20Info(chain: Reader, address: Address) {
  try {
    const [symbol, decimals] = await Promise.all([
      chain.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
      chain.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
    ]);
    return { symbol, decimals };
  } catch {
    return undefined;
  }
}

test("the treasury's balances are what the chain holds for the timelock @phone", async ({ page, chain, env }) => {
  const treasury = await treasuryOf(chain, env);
  const governanceToken =
    env.dao.token ?? (await chain.readContract({ address: env.dao.governor, abi: governorAbi, functionName: "token" }));
  const candidates = [...new Set([governanceToken, ...Object.keys(env.dao.labels ?? {})].map((a) => getAddress(a)))];

  await page.goto(`/${env.dao.slug}/treasury`);
  const table = page.getByRole("table", { name: "Balances" });
  await expect(table).toBeVisible();

  const eth = await chain.getBalance({ address: treasury });
  const ethRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^ETH\b/ }) });
  await expect(ethRow.getByRole("cell")).toHaveText(`${formatTokenAmount(eth, 18)} ETH`);

  const symbols: string[] = [];
  for (const token of candidates) {
    const info = await erc20Info(chain, token);
    if (!info) continue;
    const balance = await chain.readContract({
      address: token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [treasury],
    });
    if (balance === 0n && token !== governanceToken) continue;
    symbols.push(info.symbol);
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${info.symbol}\\b`) }) });
    await expect(row.getByRole("cell")).toHaveText(`${formatTokenAmount(balance, info.decimals)} ${info.symbol}`);
  }
  if (env.isDemo) expect(symbols).toEqual(expect.arrayContaining(["COMM", "mUSDC", "mWETH"]));

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the outflows list every transfer executed proposals made, decoded from their calldata", async ({
  page,
  chain,
  env,
}) => {
  const fromBlock = BigInt(env.dao.startBlock);
  const treasury = await treasuryOf(chain, env);
  const head = await chain.getBlockNumber();
  const [executedLogs, createdLogs] = await Promise.all([
    logsInRanges(
      (range) => chain.getLogs({ address: env.dao.governor, event: proposalExecutedEvent, ...range }),
      fromBlock,
      head,
    ),
    logsInRanges(
      (range) => chain.getLogs({ address: env.dao.governor, event: proposalCreatedEvent, ...range }),
      fromBlock,
      head,
    ),
  ]);
  const executed = new Set(executedLogs.map((log) => log.args.proposalId));
  const labels = new Map(
    Object.entries(env.dao.labels ?? {}).map(([address, label]) => [address.toLowerCase(), label]),
  );
  const recipient = (address: Address) => labels.get(address.toLowerCase()) ?? shortAddress(getAddress(address));

  type Expected = { title: string; id: bigint; text: string; to: string };
  const expected: Expected[] = [];
  for (const log of createdLogs) {
    const { proposalId, targets = [], values = [], calldatas = [], description = "" } = log.args;
    if (proposalId === undefined || !executed.has(proposalId)) continue;
    const title = proposalTitle(description);
    for (const [index, target] of targets.entries()) {
      const value = values[index] ?? 0n;
      if (value > 0n)
        expected.push({ title, id: proposalId, text: `${formatTokenAmount(value, 18)} ETH`, to: recipient(target) });
      const data = calldatas[index] ?? "0x";
      let decoded: ReturnType<typeof decodeFunctionData<typeof erc20Abi>> | undefined;
      try {
        decoded = decodeFunctionData({ abi: erc20Abi, data });
      } catch {
        decoded = undefined;
      }
      if (decoded?.functionName !== "transfer" && decoded?.functionName !== "transferFrom") continue;
      const [to, amount] =
        decoded.functionName === "transfer" ? decoded.args : ([decoded.args[1], decoded.args[2]] as const);
      if (decoded.functionName === "transferFrom" && getAddress(decoded.args[0]) !== getAddress(treasury)) continue;
      const info = await erc20Info(chain, target);
      if (!info || amount === 0n) continue;
      expected.push({
        title,
        id: proposalId,
        text: `${formatTokenAmount(amount, info.decimals)} ${info.symbol}`,
        to: recipient(to),
      });
    }
  }
  if (env.isDemo) expect(expected.length).toBeGreaterThanOrEqual(8);

  // The page lists executed proposals newest first, 50 a page: the first page and, on a DAO with
  // more, the last one (the oldest outflows).
  const executedNewestFirst = createdLogs
    .map((log) => log.args.proposalId)
    .filter((id): id is bigint => id !== undefined && executed.has(id))
    .reverse();
  const pageCount = Math.max(1, Math.ceil(executedNewestFirst.length / outflowsPageSize));
  for (const pageNumber of new Set([1, pageCount])) {
    const onPage = new Set(
      executedNewestFirst.slice((pageNumber - 1) * outflowsPageSize, pageNumber * outflowsPageSize),
    );
    await page.goto(`/${env.dao.slug}/treasury${pageNumber === 1 ? "" : `?page=${pageNumber}`}`);
    const list = page.getByRole("list", { name: "Outflows" });
    for (const outflow of expected.filter((item) => onPage.has(item.id))) {
      const item = list
        .getByRole("listitem")
        .filter({ has: page.locator(`a[href="/${env.dao.slug}/proposals/${outflow.id}"]`) });
      await expect(item.getByRole("link")).toHaveText(outflow.title);
      const row = item.getByRole("row").filter({ hasText: outflow.text });
      await expect(row.first()).toBeVisible();
      await expect(row.first()).toContainText(outflow.to);
    }
    // Only executed proposals of this page are listed.
    const listed = await list
      .getByRole("listitem")
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    for (const href of listed) expect(onPage.has(BigInt(href?.split("/").pop() ?? "0"))).toBe(true);
  }
});

test("the DAO overview shows the governor's parameters as the contracts report them", async ({ page, chain, env }) => {
  const read = <
    F extends "votingDelay" | "votingPeriod" | "proposalThreshold" | "quorumNumerator" | "quorumDenominator",
  >(
    functionName: F,
  ) => chain.readContract({ address: env.dao.governor, abi: governorAbi, functionName });
  const token =
    env.dao.token ?? (await chain.readContract({ address: env.dao.governor, abi: governorAbi, functionName: "token" }));
  const [delay, period, threshold, numerator, denominator, decimals, symbol] = await Promise.all([
    read("votingDelay"),
    read("votingPeriod"),
    read("proposalThreshold"),
    read("quorumNumerator"),
    read("quorumDenominator"),
    chain.readContract({ address: token, abi: erc20Abi, functionName: "decimals" }),
    chain.readContract({ address: token, abi: erc20Abi, functionName: "symbol" }),
  ]);
  const treasury = await treasuryOf(chain, env);
  const minDelay = await chain.readContract({ address: treasury, abi: timelockAbi, functionName: "getMinDelay" });

  await page.goto(`/${env.dao.slug}/about`);
  const value = (term: string) =>
    page
      .getByRole("term")
      .filter({ hasText: new RegExp(`^${term}`) })
      .locator("+ dd");
  await expect(value("Voting delay")).toContainText(`${delay.toLocaleString("en-US")} blocks`);
  await expect(value("Voting period")).toContainText(`${period.toLocaleString("en-US")} blocks`);
  await expect(value("Proposal threshold")).toContainText(`${formatTokenAmount(threshold, decimals)} ${symbol}`);
  await expect(value("Quorum")).toContainText(`${numerator} / ${denominator}`);
  await expect(value("Timelock delay")).toContainText(`${minDelay.toLocaleString("en-US")} seconds`);
  await expect(
    page.getByRole("navigation", { name: "DAO sections" }).getByRole("link", { name: "About" }),
  ).toHaveAttribute("aria-current", "page");
});
