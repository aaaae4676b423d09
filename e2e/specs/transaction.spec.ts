/**
 * The one transaction mechanism, seen from the browser: a transaction sped up in the wallet (the
 * same nonce sent again with a higher fee) is followed to its replacement, and the page reports
 * the replacement's hash once it is mined. Uses the vote panel as the write, since every write
 * goes through the same `useTransaction`.
 */
import { type Address, type Hash, parseAbi } from "viem";
import { proposalStateOnChain, proposalsFromChain } from "../fixtures/governor";
import { anvilAccounts, connectWithTestWallet, expect, test } from "../fixtures/test";

const governorAbi = parseAbi(["function hasVoted(uint256 proposalId, address account) view returns (bool)"]);

test("a sped-up transaction is followed to its replacement", async ({ page, chain, env, injectWallet }) => {
  test.skip(!env.isDemo, "needs the demo's dev account #1 to hold votes on an active proposal");
  const voter = getVoter();
  const governor = env.dao.governor as Address;
  let target: bigint | undefined;
  for (const proposal of await proposalsFromChain(chain, governor, BigInt(env.dao.startBlock))) {
    if ((await proposalStateOnChain(chain, governor, proposal.id)) !== "Active") continue;
    const voted = await chain.readContract({
      address: governor,
      abi: governorAbi,
      functionName: "hasVoted",
      args: [proposal.id, voter],
    });
    if (!voted) {
      target = proposal.id;
      break;
    }
  }
  if (target === undefined) throw new Error("no Active proposal on which account #1 has not voted");

  await injectWallet({ address: voter });
  await page.goto(`/${env.dao.slug}/proposals/${target}`);
  await connectWithTestWallet(page);
  const form = page.getByRole("form", { name: "Cast your vote" });
  await form.getByText("For", { exact: true }).click();

  const seen: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") seen.push((request.postData() ?? "").slice(0, 200));
  });
  await chain.setAutomine(false);
  try {
    await form.getByRole("button", { name: "Vote For" }).click();
    const pending = form.locator('[data-tx-status="pending"]');
    await expect(pending).toBeVisible();
    const original = (await pending.locator('[title^="0x"]').getAttribute("title")) as Hash;
    const tx = await chain.getTransaction({ hash: original });

    // The page's watcher has looked the pending transaction up (as it does on its first poll).
    await expect
      .poll(() => seen.some((body) => body.includes("eth_getTransactionByHash") && body.includes(original)))
      .toBe(true);

    // The wallet speeds it up: same nonce and call, fees above the new base fee.
    const replacement = await chain.sendTransaction({
      account: voter,
      to: tx.to as Address,
      data: tx.input,
      nonce: tx.nonce,
      gas: tx.gas,
      maxFeePerGas: (tx.maxFeePerGas ?? 1_000_000_000n) * 2n,
      maxPriorityFeePerGas: (tx.maxPriorityFeePerGas ?? 1_000_000_000n) * 2n,
      chain: null,
    });
    expect(replacement).not.toBe(original);
    await chain.mine({ blocks: 1 });

    // The vote shows as cast, from the replacement's receipt.
    const yourVote = page.getByRole("region", { name: "Your vote" });
    await expect(yourVote).toContainText("You voted For", { timeout: 30_000 });
    await expect(yourVote.locator('[title^="0x"]')).toHaveAttribute("title", replacement);
    expect(await chain.getTransactionReceipt({ hash: replacement })).toMatchObject({ status: "success" });
    await expect
      .poll(() =>
        chain.readContract({ address: governor, abi: governorAbi, functionName: "hasVoted", args: [target, voter] }),
      )
      .toBe(true);
  } finally {
    await chain.setAutomine(true);
  }
});

function getVoter(): Address {
  const voter = anvilAccounts[1];
  if (!voter) throw new Error("anvil dev account #1 is missing");
  return voter;
}
