/**
 * The delegates directory and a delegate's page, checked against the contracts: order and voting
 * power from `getVotes`, shares from `totalSupply`, votes from VoteCast logs, delegators from
 * DelegateChanged logs confirmed by `delegates()`. Nothing here moves the chain.
 */
import type { Page } from "@playwright/test";
import { type Address, erc20Abi, getAddress, parseAbi, parseAbiItem } from "viem";
import { formatShare } from "../../lib/format/formatShare";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { shortAddress } from "../../lib/format/shortAddress";
import { splitInvisible } from "../../lib/markdown/invisibleCharacters";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { proposalsFromChain, votesOnChain } from "../fixtures/governor";
import { logsInRanges } from "../fixtures/logs";
import { type ChainClient, expect, test } from "../fixtures/test";

const pageSize = 20;
const tokenAbi = parseAbi([
  "function delegates(address account) view returns (address)",
  "function getVotes(address account) view returns (uint256)",
]);
const governorTokenAbi = parseAbi(["function token() view returns (address)"]);
const voteCastEvent = parseAbiItem(
  "event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)",
);
const voteCastWithParamsEvent = parseAbiItem(
  "event VoteCastWithParams(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params)",
);
const delegateChangedEvent = parseAbiItem(
  "event DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate)",
);

type Reader = Pick<ChainClient, "readContract" | "getLogs">;

async function tokenOf(chain: Reader, governor: Address, configured: Address | undefined) {
  const address =
    configured ?? (await chain.readContract({ address: governor, abi: governorTokenAbi, functionName: "token" }));
  const [decimals, symbol, totalSupply] = await Promise.all([
    chain.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
    chain.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
    chain.readContract({ address, abi: erc20Abi, functionName: "totalSupply" }),
  ]);
  return { address, decimals, symbol, totalSupply };
}

/** The address a delegate link points to (`/<slug>/delegates/<address>`). */
/** The directory's first row (the most voting power): its link and address. */
async function largestDelegate(page: Page) {
  const firstLink = page
    .getByRole("table", { name: "Delegates, by voting power" })
    .getByRole("rowgroup")
    .nth(1)
    .getByRole("link")
    .first();
  return { firstLink, address: addressOfHref(await firstLink.getAttribute("href")) };
}

function addressOfHref(href: string | null): Address {
  const match = /\/delegates\/(0x[0-9a-fA-F]{40})$/.exec(href ?? "");
  if (!match?.[1]) throw new Error(`not a delegate link: ${href}`);
  return getAddress(match[1]);
}

test("the directory lists delegates by the voting power the token reports, with shares of its supply @phone", async ({
  page,
  chain,
  env,
}, testInfo) => {
  const token = await tokenOf(chain, env.dao.governor, env.dao.token);
  await page.goto(`/${env.dao.slug}/delegates`);
  const table = page.getByRole("table", { name: "Delegates, by voting power" });
  const rows = table.getByRole("rowgroup").nth(1).getByRole("row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(pageSize);
  if (env.isDemo) expect(count).toBeGreaterThanOrEqual(10);

  const phone = testInfo.project.name === "phone";
  let previous: bigint | undefined;
  for (let index = 0; index < count; index++) {
    const cells = rows.nth(index).getByRole("cell");
    const address = addressOfHref(await cells.first().getByRole("link").getAttribute("href"));
    const votes = await votesOnChain(chain, token.address, address);
    // Largest first, as the token counts votes now.
    if (previous !== undefined) expect(votes, `row ${index + 1} (${address})`).toBeLessThanOrEqual(previous);
    previous = votes;

    const share = formatShare(votes, token.totalSupply);
    if (phone) {
      // The share folds under the voting power on a phone.
      await expect(cells.nth(1)).toHaveText(`${formatTokenAmount(votes, token.decimals)} ${share} of supply`, {
        useInnerText: true,
      });
    } else {
      await expect(cells.nth(1)).toHaveText(`${formatTokenAmount(votes, token.decimals)} ${token.symbol}`, {
        useInnerText: true,
      });
      await expect(cells.nth(2)).toHaveText(share);
    }
  }

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the directory's and a delegate's CSV downloads answer with what the pages list", async ({ page, chain, env }) => {
  const token = await tokenOf(chain, env.dao.governor, env.dao.token);
  await page.goto(`/${env.dao.slug}/delegates`);
  const { firstLink, address } = await largestDelegate(page);

  const directory = await page.request.get(
    (await page.getByRole("link", { name: "Download every delegate (CSV)" }).getAttribute("href")) ?? "",
  );
  expect(directory.status()).toBe(200);
  expect(directory.headers()["content-type"]).toContain("text/csv");
  const lines = (await directory.text()).split("\r\n").filter((line) => line !== "");
  expect(lines[0]).toBe(
    "address,voting_power,delegators,votes_cast,proposals_voted,proposals_eligible,last_vote,missed_in_a_row",
  );
  // Largest first, as on the page: the first row is the page's first delegate, with its power now.
  const [first, power] = (lines[1] ?? "").split(",");
  expect(first?.toLowerCase()).toBe(address.toLowerCase());
  expect(power).toBe((await votesOnChain(chain, token.address, address)).toString());

  await firstLink.click();
  await expect(page).toHaveURL(new RegExp(`/delegates/${address}$`));
  const download = page.getByRole("link", { name: "Download every vote (CSV)" });
  if (env.isDemo) await expect(download).toBeVisible();
  if ((await download.count()) > 0) {
    const votes = await page.request.get((await download.getAttribute("href")) ?? "");
    expect(votes.status()).toBe(200);
    expect(votes.headers()["content-type"]).toContain("text/csv");
    expect((await votes.text()).split("\r\n").filter((line) => line !== "").length).toBeGreaterThan(1);
  }
});

test("searching by the start of an address narrows the directory, through a plain GET form", async ({ page, env }) => {
  await page.goto(`/${env.dao.slug}/delegates`);
  const table = page.getByRole("table", { name: "Delegates, by voting power" });
  const href = await table.getByRole("rowgroup").nth(1).getByRole("row").nth(1).getByRole("link").getAttribute("href");
  const prefix = addressOfHref(href).slice(0, 8);

  // A native form submission (no client-side handler): search and pages are plain URLs.
  const search = page.getByRole("searchbox", { name: "Search delegates" });
  await expect(page.locator("form").filter({ has: search })).toHaveAttribute("method", "get");
  await search.fill(prefix);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
  const links = table.getByRole("rowgroup").nth(1).getByRole("link");
  await expect(links.first()).toBeVisible();
  for (const link of await links.all()) {
    expect(
      addressOfHref(await link.getAttribute("href"))
        .toLowerCase()
        .startsWith(prefix.toLowerCase()),
    ).toBe(true);
  }

  await page.getByRole("searchbox", { name: "Search delegates" }).fill("0xzz");
  await page.getByRole("searchbox", { name: "Search delegates" }).press("Enter");
  await expect(page.getByText("No delegate matches “0xzz”")).toBeVisible();
});

test("a delegate's page shows their live voting power, every vote they cast and who delegates to them", async ({
  page,
  chain,
  env,
  pageProblems,
}) => {
  const token = await tokenOf(chain, env.dao.governor, env.dao.token);
  const fromBlock = BigInt(env.dao.startBlock);
  const head = await chain.getBlockNumber();
  await page.goto(`/${env.dao.slug}/delegates`);
  // The delegate with the most voting power, opened from the directory as a person would.
  const { firstLink, address } = await largestDelegate(page);
  await firstLink.click();
  await expect(page).toHaveURL(new RegExp(`/delegates/${address}$`));

  const votes = await votesOnChain(chain, token.address, address);
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByRole("definition").first()).toHaveText(
    `${formatTokenAmount(votes, token.decimals)} ${token.symbol}`,
  );
  await expect(summary).toContainText(formatShare(votes, token.totalSupply));

  // Votes: one entry per proposal voted on (VoteCast and VoteCastWithParams logs of this voter).
  const [plain, withParams, proposals] = await Promise.all([
    logsInRanges(
      (range) => chain.getLogs({ address: env.dao.governor, event: voteCastEvent, args: { voter: address }, ...range }),
      fromBlock,
      head,
    ),
    logsInRanges(
      (range) =>
        chain.getLogs({
          address: env.dao.governor,
          event: voteCastWithParamsEvent,
          args: { voter: address },
          ...range,
        }),
      fromBlock,
      head,
    ),
    proposalsFromChain(chain, env.dao.governor, fromBlock),
  ]);
  // Newest first, as the page lists them.
  const voteLogs = [...plain, ...withParams].sort(
    (a, b) => Number(b.blockNumber - a.blockNumber) || b.logIndex - a.logIndex,
  );
  const votedIds = [...new Set(voteLogs.map((log) => log.args.proposalId ?? 0n))];
  const votesSection = page.getByRole("region", { name: /^Votes/ });
  await expect(votesSection.getByRole("heading", { level: 2 })).toHaveText(`Votes ${votedIds.length}`);
  const items = votesSection.getByRole("list", { name: "Votes" }).getByRole("listitem");
  await expect(items).toHaveCount(Math.min(votedIds.length, pageSize));
  for (const [index, id] of votedIds.slice(0, pageSize).entries()) {
    const proposal = proposals.find((candidate) => candidate.id === id);
    const link = items.nth(index).getByRole("link");
    await expect(link).toHaveAttribute("href", `/${env.dao.slug}/proposals/${id}`);
    if (proposal) await expect(link).toHaveText(proposalTitle(proposal.description));
    const reason = voteLogs.find((log) => log.args.proposalId === id)?.args.reason ?? "";
    if (reason && splitInvisible(reason).every((part) => typeof part === "string")) {
      await expect(items.nth(index).locator("blockquote")).toHaveText(`Reason: ${reason}`);
    }
  }

  // Delegators: whoever ever delegated to this address and still does.
  const delegations = await logsInRanges(
    (range) =>
      chain.getLogs({ address: token.address, event: delegateChangedEvent, args: { toDelegate: address }, ...range }),
    fromBlock,
    head,
  );
  const candidates = [...new Set(delegations.map((log) => getAddress(log.args.delegator ?? "0x")))];
  const current = (
    await Promise.all(
      candidates.map(async (candidate) => {
        const delegate = await chain.readContract({
          address: token.address,
          abi: tokenAbi,
          functionName: "delegates",
          args: [candidate],
        });
        return delegate.toLowerCase() === address.toLowerCase() ? candidate : undefined;
      }),
    )
  ).filter((candidate): candidate is Address => candidate !== undefined);
  const delegatorsSection = page.getByRole("region", { name: /^Delegators/ });
  await expect(delegatorsSection.getByRole("heading", { level: 2 })).toHaveText(
    `Delegators ${current.length.toLocaleString("en-US")}`,
  );
  const delegatorRows = delegatorsSection.getByRole("table").getByRole("rowgroup").nth(1).getByRole("row");
  await expect(delegatorRows).toHaveCount(Math.min(current.length, pageSize));
  const shown = await delegatorRows
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const shownAddresses = shown.map(addressOfHref);
  if (current.length <= pageSize) expect(new Set(shownAddresses)).toEqual(new Set(current));
  // A longer list shows its first page (largest balances first): each row one of the delegators.
  else expect(shownAddresses.filter((shownAddress) => !current.includes(shownAddress))).toEqual([]);
  const checkedDelegators = current.length <= pageSize ? current.slice(0, 5) : shownAddresses.slice(0, 5);
  for (const delegator of checkedDelegators) {
    const balance = await chain.readContract({
      address: token.address,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [delegator],
    });
    const row = delegatorRows.filter({ has: page.locator(`a[href$="/delegates/${delegator}"]`) });
    await expect(row.getByRole("cell").nth(1)).toHaveText(
      `${formatTokenAmount(balance, token.decimals)} ${token.symbol}`,
    );
    if (env.isDemo) await expect(row.getByRole("cell").first()).toContainText(shortAddress(delegator));
  }

  // The chart is an image with a text alternative.
  await expect(page.getByRole("img", { name: /Voting power over time/ })).toBeVisible();
  expect(pageProblems).toEqual([]);
});

test("a hostile vote reason shows as inert text on the voter's page", async ({ page, chain, env, pageProblems }) => {
  const logs = await logsInRanges(
    (range) => chain.getLogs({ address: env.dao.governor, event: voteCastEvent, ...range }),
    BigInt(env.dao.startBlock),
    await chain.getBlockNumber(),
  );
  const hostile = logs.find((log) => /<script|onerror=|javascript:/i.test(log.args.reason ?? ""));
  test.skip(!hostile, "no vote reason with markup on this DAO");
  if (!hostile?.args.voter) return;

  await page.goto(`/${env.dao.slug}/delegates/${hostile.args.voter}`);
  const item = page
    .getByRole("list", { name: "Votes" })
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href$="/proposals/${hostile.args.proposalId}"]`) });
  await expect(item.locator("blockquote")).toContainText(hostile.args.reason ?? "");
  await expect(page.locator("main img, main iframe, main form, main [onerror], main [onclick]")).toHaveCount(0);
  const unsafeLinks = await page
    .locator("a[href]")
    .evaluateAll((anchors) =>
      anchors.map((a) => a.getAttribute("href") ?? "").filter((href) => !/^(\/|https?:|mailto:|#|\?)/i.test(href)),
    );
  expect(unsafeLinks).toEqual([]);
  expect(pageProblems).toEqual([]);
});
