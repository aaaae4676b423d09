import { parseAbi } from "viem";
import { proposalStateFilters } from "../../lib/chain/proposalStates";
import { resolveDao } from "../../lib/config/resolveDao";
import { formatShare } from "../../lib/format/formatShare";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { quorumProgress } from "../../lib/proposals/quorumProgress";
import { proposalSnapshotOnChain, proposalStateOnChain, proposalsFromChain } from "../fixtures/governor";
import { expect, test } from "../fixtures/test";

const pageSize = 20;

test("lists the DAO's proposals newest first, each with the state the governor reports @phone", async ({
  page,
  chain,
  env,
}) => {
  const proposals = (await proposalsFromChain(chain, env.dao.governor, BigInt(env.dao.startBlock))).slice(0, pageSize);
  const states = await Promise.all(
    proposals.map((proposal) => proposalStateOnChain(chain, env.dao.governor, proposal.id)),
  );

  await page.goto(`/${env.dao.slug}`);
  const items = page.getByRole("list", { name: "Proposals" }).getByRole("listitem");
  await expect(items).toHaveCount(proposals.length);
  for (const [index, proposal] of proposals.entries()) {
    const item = items.nth(index);
    const link = item.getByRole("link");
    await expect(link).toHaveText(proposalTitle(proposal.description));
    await expect(link).toHaveAttribute("href", `/${env.dao.slug}/proposals/${proposal.id}`);
    await expect(item).toContainText(states[index] ?? "missing state");
  }

  if (env.isDemo) {
    // The seeded history covers every state an OZ Governor with a timelock can show.
    expect(new Set(states)).toEqual(
      new Set(["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Executed"]),
    );
  }

  // Nothing overflows sideways, on a desktop or a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a state change on chain shows on the next load, without waiting for the indexer", async ({
  page,
  chain,
  env,
}) => {
  test.skip(!env.isDemo, "needs the demo's Pending proposal");
  const proposals = await proposalsFromChain(chain, env.dao.governor, BigInt(env.dao.startBlock));
  const states = await Promise.all(
    proposals.map((proposal) => proposalStateOnChain(chain, env.dao.governor, proposal.id)),
  );
  const pendingIndex = states.indexOf("Pending");
  const pending = proposals[pendingIndex];
  if (!pending) throw new Error("the demo has no Pending proposal");

  await page.goto(`/${env.dao.slug}`);
  const item = page.getByRole("list", { name: "Proposals" }).getByRole("listitem").nth(pendingIndex);
  await expect(item).toContainText("Pending");

  // Mine past the voting delay: the proposal becomes Active on chain.
  const voteStart = await proposalSnapshotOnChain(chain, env.dao.governor, pending.id);
  const head = await chain.getBlockNumber();
  await chain.mine({ blocks: Number(voteStart - head + 1n) });
  expect(await proposalStateOnChain(chain, env.dao.governor, pending.id)).toBe("Active");

  await page.reload();
  await expect(page.getByRole("list", { name: "Proposals" }).getByRole("listitem").nth(pendingIndex)).toContainText(
    "Active",
  );
});

const liveAbi = parseAbi([
  "function quorum(uint256 timepoint) view returns (uint256)",
  "function proposalVotes(uint256 proposalId) view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)",
]);

test("each state filter lists exactly the proposals the governor reports in those states @phone", async ({
  page,
  chain,
  env,
}) => {
  const proposals = await proposalsFromChain(chain, env.dao.governor, BigInt(env.dao.startBlock));
  const states = await Promise.all(
    proposals.map((proposal) => proposalStateOnChain(chain, env.dao.governor, proposal.id)),
  );

  const shown: number[] = [];
  for (const [filter, { label, states: filterStates }] of Object.entries(proposalStateFilters)) {
    const expected = proposals
      .filter((_, index) => (filterStates as readonly string[]).includes(states[index] ?? ""))
      .slice(0, pageSize)
      .map((proposal) => `/${env.dao.slug}/proposals/${proposal.id}`);

    await page.goto(`/${env.dao.slug}`);
    // Reached as a person would: the filter's link, which then says it is the current one.
    const nav = page.getByRole("navigation", { name: "Filter by state" });
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]state=${filter}(&|$)`));
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");

    const list = page.getByRole("list", { name: "Proposals" });
    shown.push(expected.length);
    if (expected.length === 0) {
      await expect(list).toHaveCount(0);
      await expect(page.getByText(`No ${label.toLowerCase()} proposals`)).toBeVisible();
      continue;
    }
    const links = list.getByRole("listitem").getByRole("link");
    await expect(links).toHaveCount(expected.length);
    expect(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")))).toEqual(expected);
    const rowStates = await list
      .getByRole("listitem")
      .evaluateAll((items) => items.map((item) => item.querySelector("h2 + *")?.textContent ?? ""));
    for (const state of rowStates) expect(filterStates as readonly string[]).toContain(state);
  }

  // The demo has proposals in every state a timelocked OZ Governor shows: no filter is empty there.
  if (env.isDemo) expect(shown.every((count) => count > 0)).toBe(true);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("each row's quorum is the governor's quorum at the snapshot, with the votes that count towards it", async ({
  page,
  chain,
  env,
}) => {
  const dao = await resolveDao(env.dao);
  const all = await proposalsFromChain(chain, env.dao.governor, BigInt(env.dao.startBlock));
  let checked = 0;
  // The newest page may hold only Pending proposals (the large DAO's last round): then the next.
  for (let pageNumber = 1; checked === 0 && (pageNumber - 1) * pageSize < all.length; pageNumber++) {
    const proposals = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    await page.goto(pageNumber === 1 ? `/${env.dao.slug}` : `/${env.dao.slug}?page=${pageNumber}`);
    const items = page.getByRole("list", { name: "Proposals" }).getByRole("listitem");
    await expect(items).toHaveCount(proposals.length);
    for (const [index, proposal] of proposals.entries()) {
      const item = items.nth(index);
      const state = await proposalStateOnChain(chain, env.dao.governor, proposal.id);
      const meter = item.getByRole("meter", { name: "Quorum" });
      if (state === "Pending") {
        // Voting has not started: the quorum at a future snapshot cannot be read yet.
        await expect(meter).toHaveCount(0);
        continue;
      }
      const snapshot = await proposalSnapshotOnChain(chain, env.dao.governor, proposal.id);
      const quorum = await chain.readContract({
        address: env.dao.governor,
        abi: liveAbi,
        functionName: "quorum",
        args: [snapshot],
      });
      const [againstVotes, forVotes, abstainVotes] = await chain.readContract({
        address: env.dao.governor,
        abi: liveAbi,
        functionName: "proposalVotes",
        args: [proposal.id],
      });
      const progress = quorumProgress({ forVotes, againstVotes, abstainVotes }, quorum, dao.countingMode);
      const amount = (value: bigint) => formatTokenAmount(value, dao.tokenDecimals, { compact: true });
      const figures = `${amount(progress.counted)} / ${amount(quorum)} ${dao.tokenSymbol}`;
      const share = progress.reached ? "reached" : formatShare(progress.counted, quorum, 0);
      await expect(meter).toHaveAttribute("aria-valuetext", `${share}: ${figures}`);
      await expect(item).toContainText(`Quorum ${share} · ${figures}`);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
});

test("deadlines: an active proposal says when voting ends, a finished one when it ended", async ({
  page,
  chain,
  env,
}) => {
  const proposals = (await proposalsFromChain(chain, env.dao.governor, BigInt(env.dao.startBlock))).slice(0, pageSize);
  const states = await Promise.all(
    proposals.map((proposal) => proposalStateOnChain(chain, env.dao.governor, proposal.id)),
  );
  await page.goto(`/${env.dao.slug}`);
  const items = page.getByRole("list", { name: "Proposals" }).getByRole("listitem");
  for (const [index, state] of states.entries()) {
    const time = items.nth(index).locator("time");
    if (state === "Active") await expect(time).toHaveText(/^Ends in ~?\d+ \w+|^Ends in ~?less than a minute/);
    else if (state === "Pending") await expect(time).toHaveText(/^Voting starts in /);
    else if (state === "Defeated" || state === "Executed")
      await expect(time).toHaveText(/^Ended [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  }
});
