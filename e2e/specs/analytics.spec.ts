/**
 * The analytics page checked against the contracts: for the latest proposal whose snapshot has
 * passed, every delegate's getPastVotes at the snapshot (delegates found from the token's
 * DelegateVotesChanged logs), the quorum and the past total supply are read from the chain, and
 * the Nakamoto coefficients, the Gini coefficient and the turnout the page shows must be what they
 * give. Nothing here moves the chain.
 */
import { type Address, createPublicClient, http, parseAbi, parseAbiItem } from "viem";
import { gini } from "../../lib/analytics/gini";
import { majorityNakamoto, nakamoto } from "../../lib/analytics/nakamoto";
import { shareOf } from "../../lib/analytics/topShare";
import { proposalsFromChain } from "../fixtures/governor";
import { logsInRanges } from "../fixtures/logs";
import { expect, test } from "../fixtures/test";

const governorAbi = parseAbi([
  "function token() view returns (address)",
  "function proposalSnapshot(uint256 proposalId) view returns (uint256)",
  "function quorum(uint256 timepoint) view returns (uint256)",
  "function proposalVotes(uint256 proposalId) view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)",
  "function clock() view returns (uint48)",
]);
const tokenAbi = parseAbi([
  "function getPastVotes(address account, uint256 timepoint) view returns (uint256)",
  "function getPastTotalSupply(uint256 timepoint) view returns (uint256)",
]);
const delegateVotesChanged = parseAbiItem(
  "event DelegateVotesChanged(address indexed delegate, uint256 previousVotes, uint256 newVotes)",
);

const percent = (share: number | undefined) => (share === undefined ? "—" : `${(share * 100).toFixed(1)}%`);

test("Nakamoto, Gini and turnout of the latest proposal match the contracts at its snapshot @phone", async ({
  page,
  chain,
  env,
}) => {
  const governor = env.dao.governor as Address;
  const token =
    (env.dao.token as Address | undefined) ??
    (await chain.readContract({ address: governor, abi: governorAbi, functionName: "token" }));
  const clock = await chain.readContract({ address: governor, abi: governorAbi, functionName: "clock" });
  // Newest first; the latest whose snapshot is past (getPastVotes refuses the present).
  const proposals = await proposalsFromChain(chain, governor, BigInt(env.dao.startBlock));
  let latest: { id: bigint; snapshot: bigint; index: number } | undefined;
  for (const [index, proposal] of proposals.entries()) {
    const snapshot = await chain.readContract({
      address: governor,
      abi: governorAbi,
      functionName: "proposalSnapshot",
      args: [proposal.id],
    });
    if (snapshot < BigInt(clock) - 1n) {
      latest = { id: proposal.id, snapshot, index };
      break;
    }
  }
  if (latest === undefined) throw new Error("no proposal of the demo DAO has a past snapshot");

  const logs = await logsInRanges(
    (range) => chain.getLogs({ address: token, event: delegateVotesChanged, ...range }),
    0n,
    await chain.getBlockNumber(),
  );
  const delegates = [...new Set(logs.map((log) => log.args.delegate as Address))];
  const snapshot = latest.snapshot;
  // One read per delegate, sent in JSON-RPC batches (a DAO of 20,000 delegates: 40 requests, not
  // 20,000 sockets at once).
  const batched = createPublicClient({ transport: http(env.rpcUrl, { batch: { batchSize: 500 } }) });
  const powers = await Promise.all(
    delegates.map((delegate) =>
      batched.readContract({ address: token, abi: tokenAbi, functionName: "getPastVotes", args: [delegate, snapshot] }),
    ),
  );
  const [quorum, supply, tally] = await Promise.all([
    chain.readContract({ address: governor, abi: governorAbi, functionName: "quorum", args: [snapshot] }),
    chain.readContract({ address: token, abi: tokenAbi, functionName: "getPastTotalSupply", args: [snapshot] }),
    chain.readContract({ address: governor, abi: governorAbi, functionName: "proposalVotes", args: [latest.id] }),
  ]);
  const positive = powers.filter((power) => power > 0n).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const total = positive.reduce((sum, power) => sum + power, 0n);
  const cast = tally[0] + tally[1] + tally[2];
  const expected = {
    gini: gini(positive).toFixed(2),
    quorumNakamoto: nakamoto(positive, quorum),
    majorityNakamoto: majorityNakamoto(positive, total),
    ofVotingPower: percent(shareOf(cast, total)),
    ofSupply: percent(shareOf(cast, supply)),
  };
  expect(positive.length, "the demo has delegates with power at the snapshot").toBeGreaterThan(1);

  // The page lists proposals newest first, 50 a page (app/[dao]/analytics/page.tsx): on the large
  // DAO the newest pages hold only Pending ones, so the latest with a past snapshot is further on.
  const analyticsPage = Math.floor(latest.index / 50) + 1;
  await page.goto(`/${env.dao.slug}/analytics${analyticsPage === 1 ? "" : `?page=${analyticsPage}`}`);
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Analytics", exact: true }).first()).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("img", { name: /Turnout per proposal/ })).toBeVisible();

  // The tables open by keyboard like any disclosure.
  const disclosures = page.getByText("Show the data as a table");
  await expect(disclosures).toHaveCount(2);
  for (const index of [0, 1]) {
    await disclosures.nth(index).focus();
    await page.keyboard.press("Enter");
  }
  const rowOf = (table: string) =>
    page
      .getByRole("table", { name: table })
      .getByRole("row")
      .filter({ has: page.locator(`a[href$="/proposals/${latest.id}"]`) });

  const participation = rowOf("Participation per proposal, oldest first").getByRole("cell");
  // Proposal, created, snapshot, votes cast, of voting power, of supply, voters.
  await expect(participation.nth(2)).toHaveText(String(snapshot));
  await expect(participation.nth(4)).toHaveText(expected.ofVotingPower);
  await expect(participation.nth(5)).toHaveText(expected.ofSupply);

  const concentration = rowOf("Concentration at each proposal's snapshot, oldest first").getByRole("cell");
  // Proposal, snapshot, delegates, Gini, top-10 share, quorum, Nakamoto (quorum), Nakamoto (majority).
  await expect(concentration.nth(2)).toHaveText(positive.length.toLocaleString("en-US"));
  await expect(concentration.nth(3)).toHaveText(expected.gini);
  // The index keeps the 100 largest powers a snapshot: a quorum needing more reads "over 100".
  const shown = (value: number | undefined, capped: boolean) =>
    value === undefined ? "—" : capped && value > 100 ? "over 100" : value.toLocaleString("en-US");
  await expect(concentration.nth(6)).toHaveText(shown(expected.quorumNakamoto, true));
  await expect(concentration.nth(7)).toHaveText(shown(expected.majorityNakamoto, false));

  // The CSV holds every proposal under a header row, with the same figures.
  const csv = await page.request.get(`/${env.dao.slug}/analytics/concentration.csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).split("\r\n").filter((line) => line !== "");
  expect(lines[0]).toBe(
    "proposal_id,title,created,snapshot,delegates,gini,top10_share,quorum,nakamoto_quorum,nakamoto_majority",
  );
  expect(lines).toHaveLength(proposals.length + 1);
  const line = lines.find((text) => text.startsWith(`${latest.id},`));
  const inCsv = (value: number | undefined, capped: boolean) =>
    value === undefined ? "" : capped && value > 100 ? ">100" : String(value);
  expect(
    line?.endsWith(`,${quorum},${inCsv(expected.quorumNakamoto, true)},${inCsv(expected.majorityNakamoto, false)}`),
  ).toBe(true);
});
