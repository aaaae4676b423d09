/**
 * Pages say the true cause when something they read fails, each in its own words, and still show
 * what they can: an index lagging the chain (how many blocks, how long), an indexer that does not
 * answer, a chain RPC that does not answer, a contract call that reverts (an ERC721 token without
 * totalSupply()). A second app server reads the harness's indexer through a small proxy that can
 * report an older indexed block or stop answering, and serves one more DAO whose RPC is down.
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../harness/anvil";
import { readCommonsConfig } from "../../lib/config/readCommonsConfig";
import { serializeCommonsConfig, withRpcUrls } from "../../lib/config/serializeCommonsConfig";
import { describeIndexLag } from "../../lib/indexer/indexLag";
import { type AppServer, startAppServer } from "../fixtures/servers";
import { expect, test } from "../fixtures/test";

const rpcDownSlug = "rpc-down";

type Mode = { kind: "behind"; indexedBlock: bigint } | { kind: "down" } | { kind: "through" };

/** The real indexer, except that /api/status can lag and everything can fail; rpc-down reads as the first DAO. */
function indexerProxy(target: string, firstSlug: string, mode: () => Mode): Promise<Server> {
  const server = createServer(async (request, response) => {
    const current = mode();
    if (current.kind === "down") {
      response.writeHead(503, { "content-type": "application/json" }).end('{"error":"indexer stopped"}');
      return;
    }
    const path = (request.url ?? "/").replace(`/api/daos/${rpcDownSlug}/`, `/api/daos/${firstSlug}/`);
    const upstream = await fetch(`${target}${path}`);
    let body = await upstream.text();
    if (path.startsWith("/api/status") && upstream.ok) {
      const status = JSON.parse(body) as { daos: { slug: string; indexedBlock: string | null }[] };
      const first = status.daos.find((dao) => dao.slug === firstSlug);
      if (first && current.kind === "behind") first.indexedBlock = current.indexedBlock.toString();
      if (first) status.daos.push({ ...first, slug: rpcDownSlug });
      body = JSON.stringify(status);
    }
    response.writeHead(upstream.status, { "content-type": "application/json" }).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test.describe("what a page says when a source fails", () => {
  let app: AppServer | undefined;
  let proxy: Server | undefined;
  let mode: Mode = { kind: "through" };
  let dir = "";

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), "commons-e2e-true-cause-"));
    const configPath = process.env.E2E_DAO_CONFIG ?? "";
    const config = readCommonsConfig(configPath);
    const first = config.daos[0];
    if (!first) throw new Error("no DAO in the e2e config");
    proxy = await indexerProxy(process.env.E2E_INDEXER_URL ?? "", first.slug, () => mode);
    // The first DAO again, under another slug, with an RPC where nothing listens.
    const deadRpc = `http://127.0.0.1:${await freePort()}`;
    const daos = [...config.daos, { ...withRpcUrls(first, [deadRpc]), slug: rpcDownSlug, name: "RPC down DAO" }];
    const ownConfig = join(dir, "dao.config.json");
    writeFileSync(ownConfig, serializeCommonsConfig({ daos }));
    app = await startAppServer("true-cause", {
      configPath: ownConfig,
      indexerUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => proxy?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("an index behind the chain: how far, in blocks and time, with the lists still shown", async ({
    page,
    chain,
    env,
  }) => {
    const head = await chain.getBlock({ blockTag: "latest" });
    // The newest block at least two minutes older than the head: the index says it stopped there.
    let indexed = head.number - 3n;
    while ((await chain.getBlock({ blockNumber: indexed })).timestamp > head.timestamp - 120n) indexed -= 1n;
    const stamp = await chain.getBlock({ blockNumber: indexed });
    mode = { kind: "behind", indexedBlock: indexed };
    const expected = describeIndexLag({
      kind: "behind",
      indexedBlock: indexed,
      headBlock: head.number,
      blocks: head.number - indexed,
      seconds: Number(head.timestamp - stamp.timestamp),
    });

    const notice = page.getByRole("status").filter({ hasText: expected });
    // The notice never holds a page up for long: on a busy machine the first load may come without it.
    await expect(async () => {
      await page.goto(`${app?.url}/${env.dao.slug}`);
      await expect(notice).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText(`up to block ${indexed.toLocaleString("en-US")}`)).toBeVisible();
    await expect(page.getByRole("list", { name: "Proposals" }).getByRole("link").first()).toBeVisible();
  });

  test("an RPC that does not answer, and a call that reverts, each say so; the index still shows", async ({
    page,
    env,
  }) => {
    mode = { kind: "through" };
    await page.goto(`${app?.url}/${rpcDownSlug}`);
    await expect(page.getByText("The chain’s RPC did not answer").first()).toBeVisible();
    await expect(page.getByText(/The indexer|index is/)).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Proposals" }).getByRole("link").first()).toBeVisible();

    // The NFT DAO's token has no totalSupply(): a revert, not an outage.
    const nft = env.daos.find((dao) => dao.slug === "nft");
    test.skip(!nft, "no ERC721 DAO in this config");
    await page.goto(`/${nft?.slug}/delegates`);
    await expect(page.getByText("A contract call reverted")).toBeVisible();
    await expect(page.getByText(/does not answer totalSupply\(\)/)).toBeVisible();
    await expect(page.getByText("The chain’s RPC did not answer")).toHaveCount(0);
    await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  });

  test("an indexer that does not answer is named, and the page keeps what the chain gives", async ({ page, env }) => {
    mode = { kind: "down" };
    await page.goto(`${app?.url}/${env.dao.slug}/delegates`);
    await expect(page.getByText("The indexer is unreachable")).toBeVisible();
    await expect(page.getByText("The chain’s RPC did not answer")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1, name: "Delegates" })).toBeVisible();
    await expect(page.getByRole("searchbox")).toBeVisible();
  });
});
