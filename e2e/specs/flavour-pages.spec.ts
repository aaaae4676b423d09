/**
 * Every read page on each Governor flavour the seeded chain holds besides the demo (issues 6, 11):
 * OZ 5 with a timestamp clock and fractional counting (ts-fractional), OZ 5 with an ERC721Votes
 * token and late-quorum protection (nft), OZ 4.9 with GovernorCompatibilityBravo and a Compound
 * timelock (bravo), Compound's GovernorAlpha (alpha) and a GovernorBravoDelegator that took over
 * from one (compound). The proposals list, each seeded proposal's page (state, decoded actions,
 * tallies, votes list, timeline), the delegates directory, the treasury and the About page,
 * checked against the contracts (through the app's adapter for the flavour's own reads). Proposals are found by their title in the chain's ProposalCreated
 * logs (titles from the seed's descriptions, scripts/flavours/descriptions), never by a fixed id.
 * Nothing here moves the chain; the write flows are in flavours.spec.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import {
  type Address,
  decodeAbiParameters,
  decodeFunctionData,
  erc20Abi,
  getAddress,
  type Hex,
  parseAbi,
  parseAbiItem,
  toFunctionSelector,
} from "viem";
import { type ResolvedDao, resolveDao } from "../../lib/config/resolveDao";
import type { DaoConfig } from "../../lib/config/schema";
import { formatDate } from "../../lib/format/formatDate";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { governorAdapterFor, readResult } from "../../lib/governor/families";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import type { VoteParts } from "../../lib/proposals/voteParts";
import { proposalCreatedEvent, proposalStateOnChain } from "../fixtures/governor";
import { type ChainClient, expect, test } from "../fixtures/test";

const governorAbi = parseAbi([
  "function proposalVotes(uint256 proposalId) view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)",
  "function proposals(uint256 proposalId) view returns (uint256 id, address proposer, uint256 eta, uint256 startBlock, uint256 endBlock, uint256 forVotes, uint256 againstVotes, uint256 abstainVotes, bool canceled, bool executed)",
  "function proposalSnapshot(uint256 proposalId) view returns (uint256)",
  "function proposalDeadline(uint256 proposalId) view returns (uint256)",
]);
const bravoProposeAbi = parseAbi([
  "function propose(address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, string description) returns (uint256)",
]);
const votesAbi = parseAbi([
  "function getVotes(address account) view returns (uint256)",
  "function getCurrentVotes(address account) view returns (uint96)",
]);
const voteCastEvent = parseAbiItem(
  "event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)",
);
/** GovernorAlpha's VoteCast: voter not indexed, a bool for For/Against, no reason. */
const alphaVoteCastEvent = parseAbiItem(
  "event VoteCast(address voter, uint256 proposalId, bool support, uint256 votes)",
);
const voteCastWithParamsEvent = parseAbiItem(
  "event VoteCastWithParams(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params)",
);

const flavourSlugs = ["ts-fractional", "nft", "bravo", "alpha", "compound"] as const;
type FlavourSlug = (typeof flavourSlugs)[number];

/**
 * The proposals scripts/demo/seedFlavours.ts leaves on each flavour DAO, the state each ends in and
 * what it was seeded to show: split votes, a deadline extended by late quorum, an action given by
 * its function signature (GovernorBravo).
 */
const seededProposals: Record<
  FlavourSlug,
  { key: string; state: string; splitVotes?: true; timestampClock?: true; extended?: true; bySignature?: true }[]
> = {
  "ts-fractional": [{ key: "ts-split-vote", state: "Succeeded", splitVotes: true, timestampClock: true }],
  nft: [{ key: "nft-late-quorum", state: "Executed", extended: true }],
  bravo: [
    { key: "bravo-signature", state: "Expired", bySignature: true },
    { key: "bravo-executed", state: "Executed" },
  ],
  alpha: [
    { key: "alpha-grants", state: "Executed", bySignature: true },
    { key: "alpha-marketing", state: "Defeated", bySignature: true },
    { key: "alpha-relayer", state: "Active" },
  ],
  compound: [
    { key: "compound-docs", state: "Executed" },
    { key: "compound-audit", state: "Expired", bySignature: true },
    { key: "compound-threshold", state: "Defeated" },
    { key: "compound-hackathon", state: "Canceled", bySignature: true },
  ],
};

/** The title the seed's description for `key` gives the proposal. */
function seededTitle(key: string): string {
  return proposalTitle(readFileSync(resolve("scripts/flavours/descriptions", `${key}.md`), "utf8"));
}

type Reader = Pick<ChainClient, "getLogs" | "readContract">;

type CreatedProposal = {
  id: bigint;
  targets: readonly Address[];
  values: readonly bigint[];
  signatures: readonly string[];
  calldatas: readonly Hex[];
  voteEnd: bigint;
  description: string;
  /** The transaction that proposed it. */
  tx: Hex;
};

type Side = "for" | "against" | "abstain";
const sideNames: Record<Side, string> = { for: "For", against: "Against", abstain: "Abstain" };
type VoterTotals = { voter: Address; split: boolean; weight: bigint; support: number } & Record<Side, bigint>;

function daoOf(daos: DaoConfig[], slug: FlavourSlug): DaoConfig | undefined {
  return daos.find((candidate) => candidate.slug === slug);
}

const resolved = new Map<FlavourSlug, Promise<ResolvedDao>>();
/** The flavour DAO, resolved from the chain as the app does; the test is skipped when it is not served. */
async function flavourDao(daos: DaoConfig[], slug: FlavourSlug): Promise<ResolvedDao> {
  const config = daoOf(daos, slug);
  test.skip(!config, `the e2e config has no "${slug}" DAO (only the seeded demo chain has the flavours)`);
  if (!config) throw new Error("unreachable");
  if (!resolved.has(slug)) resolved.set(slug, resolveDao(config));
  return (await resolved.get(slug)) as ResolvedDao;
}

/** The seeded proposal titled as the seed's `key` description, from the governor's ProposalCreated logs. */
async function seededProposal(chain: Reader, dao: ResolvedDao, key: string): Promise<CreatedProposal> {
  const title = seededTitle(key);
  const logs = await chain.getLogs({
    address: dao.governor,
    event: proposalCreatedEvent,
    fromBlock: BigInt(dao.startBlock),
    toBlock: "latest",
  });
  const log = logs.find((candidate) => proposalTitle(candidate.args.description ?? "") === title);
  if (!log) throw new Error(`"${dao.slug}" has no proposal titled "${title}" (seeded "${key}")`);
  const { args } = log;
  return {
    id: args.proposalId ?? 0n,
    targets: args.targets ?? [],
    values: args.values ?? [],
    signatures: args.signatures ?? [],
    calldatas: args.calldatas ?? [],
    voteEnd: args.voteEnd ?? 0n,
    description: args.description ?? "",
    tx: log.transactionHash,
  };
}

/** For/Against/Abstain as the chain counts them, read through the app's adapter for the flavour. */
async function talliesOnChain(chain: Reader, dao: ResolvedDao, id: bigint): Promise<VoteParts> {
  const call = governorAdapterFor(dao.flavour, dao).proposalVotes(id);
  return readResult(call, await chain.readContract(call)) as VoteParts;
}

/** GovernorAlpha and GovernorBravo number proposals with a counter: the id commits to nothing. */
const sequentialIds = (dao: ResolvedDao) => dao.flavour.family === "alpha" || dao.flavour.family === "bravo";

/** The token's live voting power of `account` (getVotes; GovernorBravo-era tokens: getCurrentVotes). */
async function votingPower(chain: Reader, token: Address, account: Address): Promise<bigint> {
  try {
    return await chain.readContract({ address: token, abi: votesAbi, functionName: "getVotes", args: [account] });
  } catch {
    return BigInt(
      await chain.readContract({ address: token, abi: votesAbi, functionName: "getCurrentVotes", args: [account] }),
    );
  }
}

/**
 * Each voter's vote on `id` from the VoteCast and VoteCastWithParams logs, a voter's several
 * (partial) votes added up; a split (support 255) read from its params (three packed uint128s:
 * against, for, abstain).
 */
async function votersOnChain(chain: Reader, dao: ResolvedDao, id: bigint): Promise<VoterTotals[]> {
  const fromBlock = BigInt(dao.startBlock);
  const [plain, withParams, alphaVotes] = await Promise.all([
    chain.getLogs({ address: dao.governor, event: voteCastEvent, fromBlock, toBlock: "latest" }),
    chain.getLogs({ address: dao.governor, event: voteCastWithParamsEvent, fromBlock, toBlock: "latest" }),
    chain.getLogs({ address: dao.governor, event: alphaVoteCastEvent, fromBlock, toBlock: "latest" }),
  ]);
  // GovernorAlpha's For (true) / Against (false), in the numbering of the others.
  const alphaAsNumbered = alphaVotes.map((log) => ({
    ...log,
    args: { ...log.args, support: log.args.support ? 1 : 0, weight: log.args.votes, reason: "" },
  }));
  const voters = new Map<Address, VoterTotals>();
  for (const log of [...plain, ...withParams, ...alphaAsNumbered]) {
    if (log.args.proposalId !== id || !log.args.voter) continue;
    const voter = getAddress(log.args.voter);
    const support = log.args.support ?? 0;
    const weight = log.args.weight ?? 0n;
    const params = "params" in log.args ? (log.args.params ?? "0x") : "0x";
    const totals = voters.get(voter) ?? { voter, split: false, weight: 0n, support, for: 0n, against: 0n, abstain: 0n };
    totals.weight += weight;
    if (support === 255) {
      if (params.length !== 2 + 96) throw new Error(`split vote by ${voter} with params ${params}`);
      const part = (index: number) => BigInt(`0x${params.slice(2 + index * 32, 2 + (index + 1) * 32)}`);
      totals.split = true;
      totals.against += part(0);
      totals.for += part(1);
      totals.abstain += part(2);
    } else {
      const side = (["against", "for", "abstain"] as const)[support];
      if (side) totals[side] += weight;
      if (totals.support !== support) totals.split = true;
    }
    voters.set(voter, totals);
  }
  return [...voters.values()];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function expectNoErrorBoundary(page: Page) {
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
}

/** Title, state, decoded actions, tallies, vote count and id check of a seeded proposal's page. */
async function expectProposalPage(page: Page, chain: Reader, dao: ResolvedDao, proposal: CreatedProposal) {
  const state = await proposalStateOnChain(chain, dao.governor, proposal.id);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(proposalTitle(proposal.description));
  await expect(page.locator("main article > header")).toContainText(state);

  // Every action: target, ETH sent, and a token transfer's recipient and amount, whether the
  // calldata carries the selector or (GovernorBravo) the signature is given beside argument-only calldata.
  const actions = page
    .getByRole("list", { name: "Actions", exact: true })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /^Action \d+/ }) });
  await expect(actions).toHaveCount(proposal.targets.length);
  for (const [index, target] of proposal.targets.entries()) {
    const action = actions.nth(index);
    await expect(action).toContainText(getAddress(target));
    await expect(action.getByText("Not decoded")).toHaveCount(0);
    const value = proposal.values[index] ?? 0n;
    if (value > 0n)
      await expect(action).toContainText(`${formatTokenAmount(value, 18, { maxFractionDigits: 18 })} ETH`);
    const signature = proposal.signatures[index] ?? "";
    const calldata = proposal.calldatas[index] ?? "0x";
    let transfer: readonly [Address, bigint] | undefined;
    if (signature === "transfer(address,uint256)") {
      transfer = decodeAbiParameters([{ type: "address" }, { type: "uint256" }], calldata);
    } else if (signature === "" && calldata.startsWith("0xa9059cbb")) {
      const { args } = decodeFunctionData({ abi: erc20Abi, data: calldata });
      transfer = args as readonly [Address, bigint];
    }
    if (transfer) {
      const [to, amount] = transfer;
      const token =
        getAddress(target) === getAddress(dao.token)
          ? { decimals: dao.tokenDecimals, symbol: dao.tokenSymbol }
          : {
              decimals: await chain.readContract({ address: target, abi: erc20Abi, functionName: "decimals" }),
              symbol: await chain.readContract({ address: target, abi: erc20Abi, functionName: "symbol" }),
            };
      await expect(action).toContainText("transfer(address,uint256)");
      await expect(action).toContainText(getAddress(to));
      await expect(action).toContainText(
        `${formatTokenAmount(amount, token.decimals, { maxFractionDigits: token.decimals })} ${token.symbol}`,
      );
    }
  }

  // The tallies as the chain counts them, in the DAO's decimals; the number of voters.
  const tallies = await talliesOnChain(chain, dao, proposal.id);
  const results = page.getByRole("region", { name: "Results" });
  // GovernorAlpha has no Abstain: its results show For and Against only.
  const alpha = dao.flavour.family === "alpha";
  if (alpha) await expect(results.getByRole("row", { name: /^Abstain\b/ })).toHaveCount(0);
  for (const [side, amount] of [
    ["For", tallies.forVotes],
    ["Against", tallies.againstVotes],
    ...(alpha ? [] : ([["Abstain", tallies.abstainVotes]] as const)),
  ] as const) {
    const cell = results
      .getByRole("row", { name: new RegExp(`^${side}\\b`) })
      .getByRole("cell")
      .first();
    const text = formatTokenAmount(amount, dao.tokenDecimals);
    await expect(cell).toHaveText(new RegExp(`^${escapeRegExp(text)} (${escapeRegExp(dao.tokenSymbol)}|votes?)$`));
  }
  const voters = await votersOnChain(chain, dao, proposal.id);
  const count = `${voters.length} ${voters.length === 1 ? "vote" : "votes"}`;
  await expect(results).toContainText(count);
  await expect(page.getByRole("region", { name: "Votes" })).toContainText(count);
  await expect(page.getByRole("list", { name: "Votes list" }).getByRole("listitem")).toHaveCount(voters.length);

  await expect(page.getByRole("region", { name: "Integrity" })).toContainText(
    sequentialIds(dao) ? "not applicable (sequential ids)" : "Proposal id verified",
  );
  return { state, tallies, voters };
}

/** The votes list's entry for `voter` (the voter's full address is the short form's title). */
function voteItem(page: Page, voter: Address) {
  return page
    .getByRole("list", { name: "Votes list" })
    .getByRole("listitem")
    .filter({ has: page.locator(`[title="${voter}"]`) });
}

for (const slug of flavourSlugs) {
  test.describe(`${slug} pages`, () => {
    test("the proposals list shows the seeded proposals with their states", async ({
      page,
      chain,
      env,
      pageProblems,
    }) => {
      const dao = await flavourDao(env.daos, slug);
      await page.goto(`/${slug}`);
      await expectNoErrorBoundary(page);
      const items = page.getByRole("list", { name: "Proposals" }).getByRole("listitem");
      for (const { key, state } of seededProposals[slug]) {
        const proposal = await seededProposal(chain, dao, key);
        expect(await proposalStateOnChain(chain, dao.governor, proposal.id), `"${key}" on chain`).toBe(state);
        const link = page.getByRole("link", { name: seededTitle(key), exact: true });
        await expect(link).toHaveAttribute("href", `/${slug}/proposals/${proposal.id}`);
        const item = items.filter({ has: link });
        await expect(item).toHaveCount(1);
        await expect(item).toContainText(state);
      }
      expect(pageProblems).toEqual([]);
    });

    for (const seeded of seededProposals[slug]) {
      const { key } = seeded;
      const phone = key === "ts-split-vote" ? " @phone" : "";
      test(`the "${key}" proposal page matches the chain${phone}`, async ({ page, chain, env, pageProblems }) => {
        const dao = await flavourDao(env.daos, slug);
        const proposal = await seededProposal(chain, dao, key);
        await page.goto(`/${slug}/proposals/${proposal.id}`);
        await expectNoErrorBoundary(page);
        const { state, voters } = await expectProposalPage(page, chain, dao, proposal);
        expect(state).toBe(seeded.state);
        if (seeded.splitVotes) expect(dao.flavour.fractional).toBe(true);
        if (seeded.timestampClock) expect(dao.flavour.clock).toBe("timestamp");
        if (seeded.extended) expect(dao.flavour.lateQuorum).toBe(true);
        if (seeded.bySignature) {
          // Proposed the GovernorBravo way: a signature beside argument-only calldata. OZ's
          // GovernorCompatibilityBravo logs the calldata it will execute (selector + arguments);
          // Compound's GovernorBravo and GovernorAlpha log the signature and the arguments as
          // proposed. The page decodes either.
          const { args } = decodeFunctionData({
            abi: bravoProposeAbi,
            data: (await chain.getTransaction({ hash: proposal.tx })).input,
          });
          expect(args[2]).toEqual(["transfer(address,uint256)"]);
          if (sequentialIds(dao)) {
            expect(proposal.signatures).toEqual(["transfer(address,uint256)"]);
            expect(proposal.calldatas).toEqual([args[3][0]]);
          } else {
            expect(proposal.calldatas).toEqual([
              `${toFunctionSelector("transfer(address,uint256)")}${(args[3][0] ?? "0x").slice(2)}`,
            ]);
          }
        }
        if (dao.flavour.family === "alpha") {
          // No Abstain on GovernorAlpha: its tally is always zero, and every vote is For or Against.
          expect(voters.every((voter) => voter.abstain === 0n && !voter.split)).toBe(true);
          for (const voter of voters) {
            await expect(voteItem(page, voter.voter)).toContainText(voter.support === 1 ? "For" : "Against");
          }
        }
        const timeline = page.getByRole("list", { name: "Timeline" });
        const step = (label: RegExp) => timeline.getByRole("listitem").filter({ hasText: label });

        if (dao.flavour.fractional) {
          // Each split voter's split, every side, in the DAO's decimals; a nominal voter's one side.
          expect(voters.some((voter) => voter.split)).toBe(true);
          for (const voter of voters) {
            const item = voteItem(page, voter.voter);
            await expect(item).toHaveCount(1);
            if (voter.split) {
              const split = (["for", "against", "abstain"] as const)
                .map((side) => `${sideNames[side]} ${formatTokenAmount(voter[side], dao.tokenDecimals)}`)
                .join(" · ");
              await expect(item).toContainText("Split");
              await expect(item).toContainText(split);
            } else {
              await expect(item).not.toContainText("Split");
              await expect(item).toContainText(["Against", "For", "Abstain"][voter.support] ?? "missing side");
            }
            await expect(item).toContainText(formatTokenAmount(voter.weight, dao.tokenDecimals));
          }
        }

        if (dao.flavour.clock === "timestamp") {
          // A timestamp clock's snapshot and deadline are dates, never blocks.
          const read = (functionName: "proposalSnapshot" | "proposalDeadline") =>
            chain.readContract({ address: dao.governor, abi: governorAbi, functionName, args: [proposal.id] });
          const [snapshot, deadline] = await Promise.all([read("proposalSnapshot"), read("proposalDeadline")]);
          const date = (value: bigint) => formatDate(new Date(Number(value) * 1000), { time: true });
          for (const [label, value] of [
            [/^Voting start/, snapshot],
            [/^Voting end/, deadline],
          ] as const) {
            await expect(step(label)).toContainText(date(value));
            await expect(step(label)).not.toContainText(/block/i);
          }
          await expect(page.getByRole("region", { name: "Results" })).toContainText(date(snapshot));
          await expect(page.getByRole("region", { name: "Results" })).not.toContainText(/block/i);
        }

        if (dao.flavour.token?.kind === "erc721votes") {
          // One NFT is one vote: whole numbers everywhere, never "3.0".
          const results = page.getByRole("region", { name: "Results" });
          await expect(results).not.toContainText(/\d\.0\b/);
          for (const voter of voters) {
            const item = voteItem(page, voter.voter);
            await expect(item).toContainText(`${formatTokenAmount(voter.weight, 0)} vote`);
            await expect(item).not.toContainText(`${voter.weight}.0`);
          }
        }

        if (dao.flavour.lateQuorum) {
          const deadline = await chain.readContract({
            address: dao.governor,
            abi: governorAbi,
            functionName: "proposalDeadline",
            args: [proposal.id],
          });
          if (seeded.extended) expect(deadline).toBeGreaterThan(proposal.voteEnd);
          if (deadline > proposal.voteEnd) {
            // Quorum came late: the deadline moved, and the page says so, from when to when.
            const note = page.getByTestId("deadline-extended");
            await expect(note).toContainText("quorum was reached late");
            if (dao.flavour.clock !== "timestamp") {
              await expect(note).toContainText(`block ${deadline}`);
              await expect(note).toContainText(`block ${proposal.voteEnd}`);
            }
            await expect(step(/^Voting ended \(extended\)/)).toHaveCount(1);
          }
        }

        if (state === "Expired") {
          await expect(page.locator("main article > header")).toContainText("Expired");
          await expect(step(/^Expired/)).toContainText("grace period");
        }
        if (state === "Executed") await expect(step(/^Executed/)).toHaveCount(1);

        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(pageProblems).toEqual([]);
      });
    }

    test("the delegates directory shows the voting power the token reports", async ({
      page,
      chain,
      env,
      pageProblems,
    }) => {
      const dao = await flavourDao(env.daos, slug);
      await page.goto(`/${slug}/delegates`);
      await expectNoErrorBoundary(page);
      const rows = page
        .getByRole("table", { name: "Delegates, by voting power" })
        .getByRole("rowgroup")
        .nth(1)
        .getByRole("row");
      await expect(rows.first()).toBeVisible();
      const count = await rows.count();
      let previous: bigint | undefined;
      // Largest first (#1 at the top), each as the token counts votes now.
      for (let index = 0; index < count; index++) {
        const cells = rows.nth(index).getByRole("cell");
        const href = await cells.first().getByRole("link").getAttribute("href");
        const address = getAddress(/\/delegates\/(0x[0-9a-fA-F]{40})$/.exec(href ?? "")?.[1] ?? "0x");
        const power = await votingPower(chain, dao.token, address);
        if (previous === undefined) expect(power, "the largest delegate's voting power").toBeGreaterThan(0n);
        else expect(power, `row ${index + 1} (${address})`).toBeLessThanOrEqual(previous);
        previous = power;
        await expect(cells.nth(1)).toHaveText(`${formatTokenAmount(power, dao.tokenDecimals)} ${dao.tokenSymbol}`, {
          useInnerText: true,
        });
        if (dao.tokenDecimals === 0) await expect(cells.nth(1)).not.toContainText(`${power}.0`);
      }
      expect(count).toBeGreaterThan(0);
      expect(pageProblems).toEqual([]);
    });

    test("the treasury shows the timelock's ETH balance", async ({ page, chain, env, pageProblems }) => {
      const dao = await flavourDao(env.daos, slug);
      const treasury = dao.timelock ?? dao.governor;
      const eth = await chain.getBalance({ address: treasury });
      await page.goto(`/${slug}/treasury`);
      await expectNoErrorBoundary(page);
      const table = page.getByRole("table", { name: "Balances" });
      const ethRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^ETH\b/ }) });
      await expect(ethRow.getByRole("cell")).toHaveText(`${formatTokenAmount(eth, 18)} ETH`);
      expect(pageProblems).toEqual([]);
    });

    test("the About page has the Governor section", async ({ page, env, pageProblems }) => {
      await flavourDao(env.daos, slug);
      await page.goto(`/${slug}/about`);
      await expectNoErrorBoundary(page);
      await expect(page.getByRole("region", { name: "Governor" })).toBeVisible();
      expect(pageProblems).toEqual([]);
    });
  });
}
