/**
 * The conventions people expect from governance apps (issue 17), through the browser and the
 * app's own routes: link previews (Open Graph / Twitter metadata and a PNG per DAO and proposal),
 * robots.txt and noindex on drafts; ENS names and avatars resolved through the harness's ENS
 * stand-in (a chain-1 anvil, the config's `ensRpcUrl`), identicons beside addresses and in the
 * wallet button; actions decoded on a Bravo DAO's timelock and, through the harness's Sourcify
 * stand-in, on a contract no known ABI describes; recent transactions in the account modal.
 */
import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  type Hash,
  parseAbi,
  parseAbiParameters,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { demoGovernorAbi } from "../../contracts-abi/demoGovernor";
import { bravoGovernorAbi } from "../../contracts-abi/flavours/bravoGovernor";
import { bravoTimelockAbi } from "../../contracts-abi/flavours/bravoTimelock";
import { installEnsStandIn } from "../../harness/standIns/ensStandIn";
import { resolveDao } from "../../lib/config/resolveDao";
import { identicon } from "../../lib/format/identicon";
import { shortAddress } from "../../lib/format/shortAddress";
import { readPng } from "../../lib/og/pngText";
import { previewText } from "../../lib/og/previewText";
import { proposalTitle } from "../../lib/proposals/proposalTitle";
import { proposalCreatedEvent } from "../fixtures/governor";
import { anvilAccounts, type ChainClient, connectWithTestWallet, expect, test } from "../fixtures/test";
import { findProposal } from "../fixtures/writes";

const randomAddress = () => privateKeyToAccount(generatePrivateKey()).address;

/** The id of the proposal `hash` created on `governor`. */
async function createdProposalId(chain: ChainClient, governor: Address, hash: Hash): Promise<bigint> {
  const receipt = await chain.waitForTransactionReceipt({ hash });
  const logs = await chain.getLogs({
    address: governor,
    event: proposalCreatedEvent,
    fromBlock: receipt.blockNumber,
    toBlock: receipt.blockNumber,
  });
  const id = logs[0]?.args.proposalId;
  if (id === undefined) throw new Error("no ProposalCreated in the receipt's block");
  return id;
}

async function meta(page: import("@playwright/test").Page, key: string): Promise<string | null> {
  return page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute("content");
}

test.describe("link previews", () => {
  test("a proposal link unfurls with its title, and its image is a PNG drawn for that title", async ({
    page,
    chain,
    env,
    baseURL,
  }) => {
    test.skip(!env.isDemo, "needs the seeded demo proposals");
    const executed = await findProposal(chain, env.dao, "Executed");
    const active = await findProposal(chain, env.dao, "Active");
    if (!executed || !active) throw new Error("the demo has an Executed and an Active proposal");
    const images: Buffer[] = [];
    for (const proposal of [executed, active]) {
      const title = proposalTitle(proposal.description);
      await page.goto(`/${env.dao.slug}/proposals/${proposal.id}`);
      expect(await meta(page, "og:title")).toBe(title);
      expect(await meta(page, "twitter:title")).toBe(title);
      expect(await meta(page, "og:type")).toBe("article");
      expect(await meta(page, "twitter:card")).toBe("summary_large_image");
      expect((await meta(page, "og:description"))?.length).toBeGreaterThan(10);
      const image = await meta(page, "og:image");
      // Absolute, from the public origin (here the host the browser addressed).
      expect(image).toMatch(new RegExp(`^${baseURL}/${env.dao.slug}/proposals/${proposal.id}/opengraph-image`));
      expect(await meta(page, "og:image:width")).toBe("1200");
      expect(await meta(page, "twitter:image")).toBe(image);
      const response = await page.request.get(image as string);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      const png = await response.body();
      expect(readPng(png)).toEqual({ width: 1200, height: 630, texts: { Title: previewText(title, 140) } });
      images.push(png);
    }
    expect(images[0]?.equals(images[1] as Buffer)).toBe(false);

    // The DAO's own preview, and a proposal that does not exist has none.
    await page.goto(`/${env.dao.slug}`);
    const daoImage = await meta(page, "og:image");
    expect(daoImage).toMatch(new RegExp(`^${baseURL}/${env.dao.slug}/opengraph-image`));
    const daoPng = await (await page.request.get(daoImage as string)).body();
    expect(readPng(daoPng).texts.Title).toBe(env.dao.name);
    expect((await page.request.get(`/${env.dao.slug}/proposals/123456789/opengraph-image`)).status()).toBe(404);
  });

  test("robots.txt keeps crawlers out of the API, and drafts say noindex", async ({ page, env }) => {
    const robots = await page.request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    const text = await robots.text();
    expect(text).toContain("User-Agent: *");
    expect(text).toContain("Allow: /");
    expect(text).toContain("Disallow: /api/");
    await page.goto(`/${env.dao.slug}/drafts`);
    expect(await meta(page, "robots")).toBe("noindex, nofollow");
    await page.goto(`/${env.dao.slug}`);
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  });
});

test.describe("names and faces", () => {
  test("an ENS name resolves through the ENS stand-in only when it holds both ways; identicons are stable", async ({
    page,
    env,
    pageProblems,
  }) => {
    test.skip(!env.ensRpcUrl, "needs the harness's ENS stand-in (the demo)");
    const ens = await installEnsStandIn(env.ensRpcUrl as string);
    // Fresh addresses: nothing has looked them up before (the server caches "no name").
    const owner = randomAddress();
    const impostor = randomAddress();
    const name = `e2e-${owner.slice(2, 10).toLowerCase()}.eth`;
    const avatar = `data:image/png;base64,${Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64")}`;
    await ens.setName(owner, name, { avatar });
    await ens.setName(impostor, name, { forward: owner });

    await page.goto(`/${env.dao.slug}/delegates/${owner}`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(name);
    await expect(heading.locator("img")).toHaveAttribute("src", avatar);

    await page.goto(`/${env.dao.slug}/delegates/${impostor}`);
    await expect(heading).toHaveText(shortAddress(impostor));
    // No avatar: the impostor's identicon, drawn from its address.
    const picture = heading.locator(`svg[data-identicon="${impostor.toLowerCase()}"]`);
    await expect(picture).toBeVisible();
    const expected = identicon(impostor);
    const fills = await picture.locator("rect").evaluateAll((rects) => rects.map((rect) => rect.getAttribute("fill")));
    expect(fills[0]).toBe(expected.background);
    const used = [expected.color, expected.spot].filter((_, index) => expected.cells.includes(index + 1));
    expect(new Set(fills.slice(1))).toEqual(new Set(used));
    const drawn = await picture.evaluate((svg) => svg.outerHTML);
    await page.reload();
    expect(await picture.evaluate((svg) => svg.outerHTML)).toBe(drawn);
    expect(pageProblems).toEqual([]);
  });

  test("the wallet button shows the account's identicon, the same as beside its address @phone", async ({
    page,
    env,
    injectWallet,
  }) => {
    const account = getAddress(anvilAccounts[5] as Address);
    await injectWallet({ address: account });
    await page.goto(`/${env.dao.slug}/delegates/${account}`);
    const onPage = page.getByRole("heading", { level: 1 }).locator("svg[data-identicon]");
    const pageIcon = await onPage.evaluate((svg) => svg.innerHTML);
    await connectWithTestWallet(page);
    const button = page.getByRole("banner").getByRole("button", { name: new RegExp(account.slice(-4), "i") });
    const inButton = button.locator(`svg[data-identicon="${account.toLowerCase()}"]`);
    await expect(inButton).toBeVisible();
    expect(await inButton.evaluate((svg) => svg.innerHTML)).toBe(pageIcon);
  });
});

test.describe("actions decoded on every flavour", () => {
  test("a Bravo DAO's timelock calls decode with the Compound timelock's ABI", async ({ page, chain, env }) => {
    const bravo = env.daos.find((dao) => dao.slug === "bravo");
    test.skip(!bravo, "needs the bravo fixture DAO");
    if (!bravo) return;
    const resolved = await resolveDao(bravo);
    const timelock = resolved.timelock as Address;
    const hash = await chain.writeContract({
      account: anvilAccounts[1] as Address,
      address: resolved.governor,
      abi: bravoGovernorAbi,
      functionName: "propose",
      args: [
        [timelock, timelock],
        [0n, 0n],
        ["setDelay(uint256)", ""],
        [
          encodeAbiParameters(parseAbiParameters("uint256"), [259_200n]),
          encodeFunctionData({
            abi: bravoTimelockAbi,
            functionName: "setPendingAdmin",
            args: [anvilAccounts[2] as Address],
          }),
        ],
        `# Timelock housekeeping ${Date.now()}\n\nA longer delay and a new pending admin.`,
      ],
    });
    const id = await createdProposalId(chain, resolved.governor, hash);
    await page.goto(`/bravo/proposals/${id}?tx=${hash}`);
    const actions = page.getByRole("list", { name: "Actions", exact: true });
    await expect(actions.getByRole("listitem").nth(0)).toContainText("setDelay(uint256)");
    await expect(actions.getByRole("listitem").nth(0)).toContainText("decoded with the timelock’s ABI");
    await expect(actions.getByRole("listitem").nth(1)).toContainText("setPendingAdmin(address)");
    await expect(actions).not.toContainText("Not decoded");
  });

  test("a contract no known ABI describes decodes from its verified source on the Sourcify stand-in", async ({
    page,
    chain,
    env,
  }) => {
    test.skip(!env.sourcifyUrl, "needs the harness's Sourcify stand-in (the demo)");
    const target = randomAddress();
    const abi = parseAbi(["function setFeeTo(address feeTo)"]);
    const put = await page.request.put(`${env.sourcifyUrl}/v2/contract/${env.chainId}/${target}`, {
      data: { abi },
    });
    expect(put.status()).toBe(204);
    const dao = await resolveDao(env.dao);
    const hash = await chain.writeContract({
      account: anvilAccounts[1] as Address,
      address: dao.governor,
      abi: demoGovernorAbi,
      functionName: "propose",
      args: [
        [target],
        [0n],
        [encodeFunctionData({ abi, functionName: "setFeeTo", args: [anvilAccounts[4] as Address] })],
        `# Set the fee recipient ${Date.now()}\n\nOn a contract verified on Sourcify.`,
      ],
    });
    const id = await createdProposalId(chain, dao.governor, hash);
    await page.goto(`/${env.dao.slug}/proposals/${id}?tx=${hash}`);
    const action = page.getByRole("list", { name: "Actions", exact: true }).getByRole("listitem").first();
    await expect(action).toContainText("setFeeTo(address)");
    await expect(action).toContainText("decoded with the contract’s verified source (Sourcify)");
    await expect(action).toContainText("feeTo");
  });
});

test("a transaction sent from Commons is listed in the account modal with its outcome", async ({
  page,
  chain,
  env,
  injectWallet,
  pageProblems,
}) => {
  const account = getAddress(anvilAccounts[5] as Address);
  await injectWallet({ address: account });
  await page.goto(`/${env.dao.slug}/account`);
  await connectWithTestWallet(page);
  const before = await chain.getBlockNumber();
  const form = page.getByRole("form", { name: "Delegate to an address" });
  await form.getByRole("textbox", { name: /Delegate address/ }).fill(anvilAccounts[1] as Address);
  await form.getByRole("button", { name: "Delegate" }).click();
  await expect(page.locator("[data-tx-status]").first()).toHaveAttribute("data-tx-status", "confirmed");
  expect(await chain.getBlockNumber()).toBeGreaterThan(before);

  await page
    .getByRole("banner")
    .getByRole("button", { name: new RegExp(account.slice(-4), "i") })
    .click();
  const modal = page.getByRole("dialog");
  await expect(modal).toContainText("Recent Transactions");
  await expect(modal).toContainText(`Delegate to ${shortAddress(anvilAccounts[1] as Address)}`);
  await expect(modal).toContainText("Confirmed");
  expect(pageProblems).toEqual([]);
});
