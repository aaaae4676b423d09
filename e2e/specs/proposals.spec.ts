import { proposalTitle } from "../../lib/proposals/proposalTitle";
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
