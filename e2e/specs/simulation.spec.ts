/**
 * The simulated execution (issue 14), through the browser, each report checked against what the
 * chain does when the proposal is really executed afterwards in the same test:
 * - a chain without Multicall3 (the plain DAO): a transfer of ETH and tokens shows, in the propose
 *   form, on the proposal page and once queued (the governor's real execute), the treasury's and
 *   the recipient's exact changes and no risk flags; re-run at the current block; executed, the
 *   balances are the report's;
 * - OZ 5 with a timestamp clock: a timelock role for an EOA, a longer voting period and a proxy
 *   upgrade are each flagged, and the real execution does each;
 * - OZ 4.9 with a Compound timelock: a payment of more than the treasury holds names the failing
 *   action and the reason, before and once queued, and the real execution reverts.
 */
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  keccak256,
  parseAbi,
  parseEther,
  parseUnits,
  stringToHex,
} from "viem";
import { boxProxyAbi, boxProxyBytecode, boxV1Abi, boxV1Bytecode, boxV2Bytecode } from "../../contracts-abi/fixtures";
import { type ResolvedDao, resolveDao } from "../../lib/config/resolveDao";
import type { DaoConfig } from "../../lib/config/schema";
import { formatTokenAmount } from "../../lib/format/formatTokenAmount";
import { governorAdapter, type ProposalContent } from "../../lib/governor/adapter";
import { daoFlavourOf } from "../../lib/governor/detect";
import { proposalStateOnChain } from "../fixtures/governor";
import {
  anvilAccounts,
  test as base,
  type ChainClient,
  chainClientFor,
  expect,
  withChainSnapshot,
} from "../fixtures/test";
import { connectFromPanel, submitProposal } from "../fixtures/writes";

const plainTest = base.extend<{ plain: { dao: DaoConfig; chain: ReturnType<typeof chainClientFor> } }>({
  plain: async ({ env }, use) => {
    const dao = env.daos.find((candidate) => candidate.slug === "plain");
    plainTest.skip(!dao, "no plain-chain DAO in this config (only the demo harness deploys one)");
    if (!dao) return;
    await withChainSnapshot(chainClientFor(dao.rpcUrl, dao.chainId), dao.chainId, (chain) => use({ dao, chain }));
  },
});

const dev = anvilAccounts.map((account) => getAddress(account as Address));
const governorAbi = parseAbi([
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function proposalEta(uint256 proposalId) view returns (uint256)",
  "function castVote(uint256 proposalId, uint8 support) returns (uint256)",
]);
const tokenAbi = parseAbi([
  "function balanceOf(address account) view returns (uint256)",
  "function symbol() view returns (string)",
]);
const timelockAbi = parseAbi([
  "function grantRole(bytes32 role, address account)",
  "function hasRole(bytes32 role, address account) view returns (bool)",
]);
const settingsAbi = parseAbi(["function setVotingPeriod(uint32 newVotingPeriod)"]);

type Chain = Pick<
  ChainClient,
  | "readContract"
  | "writeContract"
  | "waitForTransactionReceipt"
  | "mine"
  | "increaseTime"
  | "setNextBlockTimestamp"
  | "simulateContract"
>;

const exact = (amount: bigint, symbol: string, decimals = 18) =>
  `${formatTokenAmount(amount, decimals, { maxFractionDigits: decimals })} ${symbol}`;

async function sent(chain: Chain, hash: `0x${string}`) {
  expect((await chain.waitForTransactionReceipt({ hash })).status).toBe("success");
}

function adapterOf(dao: ResolvedDao) {
  return governorAdapter({ ...dao, flavour: daoFlavourOf(dao.flavour) });
}

/** The governor's clock moved on by `units` (seconds on a timestamp clock, else blocks). */
async function passClock(chain: Chain, dao: ResolvedDao, units: bigint) {
  if (dao.flavour.clock === "timestamp") {
    await chain.increaseTime({ seconds: Number(units) });
    await chain.mine({ blocks: 1 });
  } else {
    await chain.mine({ blocks: Number(units) });
  }
}

/** Dev #1 (over quorum everywhere) votes For; the vote ends; dev #5 queues it. */
async function passAndQueue(chain: Chain, dao: ResolvedDao, id: bigint, content: ProposalContent) {
  const read = (functionName: "votingDelay" | "votingPeriod") =>
    chain.readContract({ address: dao.governor, abi: governorAbi, functionName });
  await passClock(chain, dao, (await read("votingDelay")) + 1n);
  await sent(
    chain,
    await chain.writeContract({
      address: dao.governor,
      abi: governorAbi,
      functionName: "castVote",
      args: [id, 1],
      account: dev[1] as Address,
      chain: null,
    }),
  );
  await passClock(chain, dao, (await read("votingPeriod")) + 1n);
  await sent(
    chain,
    await chain.writeContract({ ...adapterOf(dao).queue(id, content), account: dev[5], chain: null } as never),
  );
  expect(await proposalStateOnChain(chain as ChainClient, dao.governor, id)).toBe("Queued");
}

async function passEta(chain: Chain, dao: ResolvedDao, id: bigint) {
  const eta = await chain.readContract({
    address: dao.governor,
    abi: governorAbi,
    functionName: "proposalEta",
    args: [id],
  });
  await chain.setNextBlockTimestamp({ timestamp: eta + 1n });
  await chain.mine({ blocks: 1 });
}

/** Proposes `content` from dev #1 over RPC and returns its id. */
async function proposeOnChain(chain: Chain, dao: ResolvedDao, content: ProposalContent): Promise<bigint> {
  const call = adapterOf(dao).propose(content);
  const { result } = await chain.simulateContract({ ...call, account: dev[1] } as never);
  await sent(chain, await chain.writeContract({ ...call, account: dev[1], chain: null } as never));
  return result as bigint;
}

plainTest.describe("the simulated execution", () => {
  plainTest(
    "a transfer of ETH and tokens on a chain without Multicall3: exact changes, no flags, and the chain agrees",
    async ({ page, plain, injectWallet, pageProblems }) => {
      plainTest.setTimeout(180_000);
      const { dao: config, chain } = plain;
      const dao = await resolveDao(config);
      const treasury = dao.timelock as Address;
      const recipient = getAddress(`0x${"5e".repeat(19)}01`);
      const symbol = await chain.readContract({ address: dao.token, abi: tokenAbi, functionName: "symbol" });
      const [treasuryEth, treasuryTokens] = await Promise.all([
        chain.getBalance({ address: treasury }),
        chain.readContract({ address: dao.token, abi: tokenAbi, functionName: "balanceOf", args: [treasury] }),
      ]);
      const eth = parseEther("0.5");
      const tokens = parseUnits("1234.5", 18);

      /** The report's rows for the treasury and the recipient, as they must read. */
      const expectChanges = async (report: ReturnType<typeof page.getByTestId>) => {
        const table = report.getByRole("table", { name: "Balance changes" });
        const row = (who: string, asset: string) =>
          table.getByRole("row").filter({ hasText: who }).filter({ hasText: asset });
        await expect(row("Treasury", "ETH")).toContainText(
          `${exact(treasuryEth, "ETH")}${exact(treasuryEth - eth, "ETH")}−${exact(eth, "ETH")}`,
        );
        await expect(row(recipient, "ETH")).toContainText(
          `${exact(0n, "ETH")}${exact(eth, "ETH")}+${exact(eth, "ETH")}`,
        );
        await expect(row("Treasury", symbol)).toContainText(
          `${exact(treasuryTokens, symbol)}${exact(treasuryTokens - tokens, symbol)}−${exact(tokens, symbol)}`,
        );
        await expect(row(recipient, symbol)).toContainText(
          `${exact(0n, symbol)}${exact(tokens, symbol)}+${exact(tokens, symbol)}`,
        );
        await expect(table.getByRole("row")).toHaveCount(5);
        await expect(report.getByTestId("simulation-no-flags")).toContainText("No risk flags found.");
        await expect(report.getByTestId("simulation-no-flags")).toContainText("10% of the treasury");
      };

      // 1. The propose form simulates the whole sequence before it is submitted.
      await injectWallet({ address: dev[1], rpcUrl: config.rpcUrl, chainId: config.chainId });
      await page.goto("/plain/proposals/new");
      await page.getByLabel("Title").fill(`Pay the builder in ETH and ${symbol} (${Date.now()})`);
      await page.getByLabel("Body (markdown)").fill("Two payments from the treasury.");
      await page.getByRole("button", { name: "+ ETH transfer" }).click();
      const ethAction = page.getByRole("group", { name: "Action 1 · ETH transfer" });
      await ethAction.getByLabel("Recipient").fill(recipient);
      await ethAction.getByLabel("Amount (ETH)").fill("0.5");
      await page.getByRole("button", { name: "+ Token transfer" }).click();
      const tokenAction = page.getByRole("group", { name: "Action 2 · Token transfer" });
      const select = tokenAction.getByLabel("Token");
      await expect(select.locator("option", { hasText: new RegExp(`^${symbol}`) })).toHaveCount(1);
      await select.selectOption({ index: 1 });
      await tokenAction.getByLabel("Recipient").fill(recipient);
      await tokenAction.getByLabel(`Amount (${symbol})`).fill("1234.5");
      const submit = page.getByRole("region", { name: "Submit" });
      const preview = submit.getByTestId("simulation-report");
      await expectChanges(preview);
      await expect(preview).toContainText("Each action was run in order from the timelock");

      // 2. Submitted, its page shows the same, computed on the server.
      await connectFromPanel(page, submit, "propose");
      const created = await submitProposal(page, chain, dao.governor);
      const id = created.args.proposalId as bigint;
      const section = page.getByRole("region", { name: "Simulated execution" });
      // The first view computes it (a cold server also opens its store and caches): give it time.
      await expect(section.getByTestId("simulation-report")).toBeVisible({ timeout: 45_000 });
      await expectChanges(section.getByTestId("simulation-report"));

      // 3. Queued: the governor's real execute past the ETA, the same changes.
      const content: ProposalContent = {
        targets: [...(created.args.targets ?? [])],
        values: [...(created.args.values ?? [])],
        calldatas: [...(created.args.calldatas ?? [])],
        description: created.args.description ?? "",
      };
      await passAndQueue(chain, dao, id, content);
      await expect(async () => {
        await page.reload();
        await expect(section).toContainText("The proposal is queued", { timeout: 5_000 });
      }).toPass({ timeout: 45_000 });
      await expectChanges(section.getByTestId("simulation-report"));

      // 4. Re-run at the current block.
      await chain.mine({ blocks: 1 });
      const head = await chain.getBlockNumber();
      await section.getByRole("button", { name: "Re-run at the current block" }).click();
      await expect(section.getByTestId("simulation-block")).toContainText(`block ${head.toLocaleString("en")}`);
      await expectChanges(section.getByTestId("simulation-report"));

      // 5. Executed for real: the balances are exactly the report's.
      await passEta(chain, dao, id);
      await sent(
        chain,
        await chain.writeContract({ ...adapterOf(dao).execute(id, content), account: dev[5], chain: null } as never),
      );
      expect(await chain.getBalance({ address: recipient })).toBe(eth);
      expect(await chain.getBalance({ address: treasury })).toBe(treasuryEth - eth);
      expect(
        await chain.readContract({ address: dao.token, abi: tokenAbi, functionName: "balanceOf", args: [recipient] }),
      ).toBe(tokens);
      expect(
        await chain.readContract({ address: dao.token, abi: tokenAbi, functionName: "balanceOf", args: [treasury] }),
      ).toBe(treasuryTokens - tokens);
      expect(pageProblems).toEqual([]);
    },
  );
});

base.describe("the simulated execution's risk report", () => {
  base(
    "a timelock role for an EOA, a longer voting period and a proxy upgrade are each flagged, and each happens",
    async ({ page, chain, env }) => {
      base.setTimeout(120_000);
      const config = env.daos.find((dao) => dao.slug === "ts-fractional");
      base.skip(!config, "no ts-fractional DAO in this config");
      if (!config) return;
      const dao = await resolveDao(config);
      const timelock = dao.timelock as Address;
      const deploy = async (abi: Abi, bytecode: `0x${string}`, args: readonly unknown[]) => {
        const hash = await chain.deployContract({ abi, bytecode, args, account: dev[0], chain: null } as never);
        const receipt = await chain.waitForTransactionReceipt({ hash });
        return getAddress(receipt.contractAddress as Address);
      };
      const v1 = await deploy(boxV1Abi as Abi, boxV1Bytecode, []);
      const v2 = await deploy(boxV1Abi as Abi, boxV2Bytecode, []);
      const init = encodeFunctionData({ abi: boxV1Abi, functionName: "initialize", args: [timelock] });
      const proxy = await deploy(boxProxyAbi as Abi, boxProxyBytecode, [v1, init]);
      const canceller = keccak256(stringToHex("CANCELLER_ROLE"));
      const person = getAddress(`0x${"ca".repeat(19)}11`);
      const content: ProposalContent = {
        targets: [timelock, dao.governor, proxy],
        values: [0n, 0n, 0n],
        calldatas: [
          encodeFunctionData({ abi: timelockAbi, functionName: "grantRole", args: [canceller, person] }),
          encodeFunctionData({ abi: settingsAbi, functionName: "setVotingPeriod", args: [1200] }),
          encodeFunctionData({ abi: boxV1Abi, functionName: "upgradeToAndCall", args: [v2, "0x"] }),
        ],
        description: `# Re-wire the DAO (${Date.now()})\n\nA canceller, a longer vote and a new box.`,
      };
      await passClock(chain, dao, 1n);
      const id = await proposeOnChain(chain, dao, content);

      const section = page.getByRole("region", { name: "Simulated execution" });
      const expectFlags = async () => {
        const flags = section
          .getByRole("list", { name: "Risk flags found" })
          .getByRole("listitem")
          .filter({ has: page.locator("p") });
        await expect(flags.filter({ hasText: "Changes the governor’s voting period" })).toContainText(
          "600 seconds → 1,200 seconds",
        );
        await expect(flags.filter({ hasText: "Grants the timelock’s CANCELLER_ROLE" })).toContainText(
          `${person} — an account with no code, i.e. someone’s private key, not a contract`,
        );
        await expect(flags.filter({ hasText: "Upgrades the proxy" })).toContainText(`${proxy} to new code at ${v2}`);
      };
      await expect(async () => {
        await page.goto(`/ts-fractional/proposals/${id}`);
        await expect(section).toBeVisible({ timeout: 5_000 });
      }).toPass({ timeout: 45_000 });
      await expectFlags();

      await passAndQueue(chain, dao, id, content);
      await expect(async () => {
        await page.reload();
        await expect(section).toContainText("The proposal is queued", { timeout: 5_000 });
      }).toPass({ timeout: 45_000 });
      await expectFlags();

      await passEta(chain, dao, id);
      await sent(
        chain,
        await chain.writeContract({ ...adapterOf(dao).execute(id, content), account: dev[5], chain: null } as never),
      );
      expect(
        await chain.readContract({
          address: timelock,
          abi: timelockAbi,
          functionName: "hasRole",
          args: [canceller, person],
        }),
      ).toBe(true);
      expect(
        await chain.readContract({
          address: dao.governor,
          abi: parseAbi(["function votingPeriod() view returns (uint256)"]),
          functionName: "votingPeriod",
        }),
      ).toBe(1200n);
      expect(await chain.readContract({ address: proxy, abi: boxV1Abi, functionName: "version" })).toBe(2n);
    },
  );

  base(
    "a payment of more than the treasury holds names the failing action and why, and really reverts",
    async ({ page, chain, env }) => {
      base.setTimeout(120_000);
      const config = env.daos.find((dao) => dao.slug === "bravo");
      base.skip(!config, "no bravo DAO in this config");
      if (!config) return;
      const dao = await resolveDao(config);
      const recipient = getAddress(`0x${"5e".repeat(19)}02`);
      const content: ProposalContent = {
        targets: [recipient, dao.token],
        values: [parseEther("0.1"), 0n],
        signatures: ["", "transfer(address,uint256)"],
        calldatas: [
          "0x",
          encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [recipient, parseUnits("5000000", 18)]),
        ],
        description: `# Pay far too much (${Date.now()})\n\nMore than the treasury holds.`,
      };
      await passClock(chain, dao, 1n);
      const id = await proposeOnChain(chain, dao, content);
      const section = page.getByRole("region", { name: "Simulated execution" });
      const expectFailure = async () => {
        const alert = section.getByRole("alert");
        await expect(alert).toContainText("Executing this proposal would revert: action 2 fails");
        await expect(alert).toContainText("The sender does not hold enough tokens for this transfer.");
        await expect(section.getByTestId("simulated-action-1")).toHaveAttribute("data-status", "success");
        await expect(section.getByTestId("simulated-action-2")).toHaveAttribute("data-status", "reverted");
        await expect(section).toContainText("None: a reverting execution changes nothing.");
      };
      await expect(async () => {
        await page.goto(`/bravo/proposals/${id}`);
        await expect(section).toBeVisible({ timeout: 5_000 });
      }).toPass({ timeout: 45_000 });
      await expectFailure();

      await passAndQueue(chain, dao, id, content);
      await expect(async () => {
        await page.reload();
        await expect(section).toContainText("The proposal is queued", { timeout: 5_000 });
      }).toPass({ timeout: 45_000 });
      await expectFailure();

      // The real execution reverts, for the reason the timelock gives when an action fails.
      await passEta(chain, dao, id);
      const execute = { ...adapterOf(dao).execute(id, content), account: dev[5] } as never;
      await expect(chain.simulateContract(execute)).rejects.toThrow(/Transaction execution reverted/);
      const hash = await chain.writeContract({ ...(execute as object), gas: 2_000_000n, chain: null } as never);
      expect((await chain.waitForTransactionReceipt({ hash })).status).toBe("reverted");
      expect(await proposalStateOnChain(chain, dao.governor, id)).toBe("Queued");
    },
  );
});
