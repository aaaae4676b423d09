/**
 * The e2e harness: production build → upstream chain → anvil fork → indexer → server.js (`npm start`) →
 * Playwright, then everything stopped by the PIDs we started.
 *
 * Upstream is, by default, a local anvil holding the seeded demo DAO. With FORK_URL (and
 * DAO_CONFIG naming a DAO on that network) the same suite forks a real network instead;
 * FORK_BLOCK_NUMBER pins the fork (default: the upstream's latest block).
 *
 * Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- e2e/specs/wallet.spec.ts`).
 * With the demo, a second, plain anvil (chain 1337, no Multicall3, nothing from our seed) serves
 * one more DAO, deployed at start (harness/fixtures/plainChain.ts; e2e/specs/plain-chain.spec.ts),
 * a third, empty anvil running as chain 1 holds a stand-in for ENS (the config's `ensRpcUrl`), a
 * local stand-in for a Sourcify server answers `sourcifyUrl` (e2e/specs/conventions.spec.ts), and a
 * second app server reads the demo DAO through a dead endpoint and a fault-injecting proxy
 * (harness/faultyRpc.ts; e2e/specs/faulty-rpc.spec.ts) on port E2E_FAULTY_APP_PORT (app + 1).
 *
 * E2E_SKIP_BUILD=1 reuses an existing build while iterating on specs; NEXT_DIST_DIR picks the build
 * directory (default .next) and E2E_UPSTREAM_PORT/E2E_FORK_PORT/E2E_PLAIN_PORT/E2E_INDEXER_PORT/E2E_APP_PORT
 * the ports, so two harnesses can run side by side.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createPublicClient, http } from "viem";
import { type AnvilInstance, freePort, rpc, startAnvil } from "../harness/anvil";
import { startApp } from "../harness/appService";
import { ensureChromium } from "../harness/chromium";
import { startDemoChain } from "../harness/demoChain";
import { startFaultyRpc } from "../harness/faultyRpc";
import { deployPlainChainDao, plainChainConfig, plainChainId } from "../harness/fixtures/plainChain";
import { startIndexer, waitForIndexedBlock } from "../harness/indexerService";
import { type Service, stopAll } from "../harness/services";
import { installEnsStandIn } from "../harness/standIns/ensStandIn";
import { startSourcifyStandIn } from "../harness/standIns/sourcifyStandIn";
import { readCommonsConfig } from "../lib/config/readCommonsConfig";
import type { CommonsConfig } from "../lib/config/schema";
import { serializeCommonsConfig, withRpcUrls } from "../lib/config/serializeCommonsConfig";
import { writeDemoConfig } from "./demo/writeDemoConfig";
import { bin, e2eWorkDir } from "./lib/paths";
import { productionBuild, runInherited } from "./lib/productionBuild";
import { runScript } from "./lib/runScript";

const ports = {
  upstream: Number(process.env.E2E_UPSTREAM_PORT ?? 8645),
  fork: Number(process.env.E2E_FORK_PORT ?? 8646),
  plain: Number(process.env.E2E_PLAIN_PORT ?? 8647),
  faultyApp: Number(process.env.E2E_FAULTY_APP_PORT ?? Number(process.env.E2E_APP_PORT ?? 3100) + 1),
  indexer: Number(process.env.E2E_INDEXER_PORT ?? 42169),
  app: Number(process.env.E2E_APP_PORT ?? 3100),
};
const e2eDir = e2eWorkDir();

type Stoppable = { stop(): Promise<void> };

function step(message: string) {
  console.log(`[e2e] ${message}`);
}

async function main(): Promise<number> {
  mkdirSync(e2eDir, { recursive: true });
  const chromium = ensureChromium();
  step(`browser: ${chromium}`);

  const distDir = process.env.NEXT_DIST_DIR || ".next";
  await productionBuild(distDir, process.env.E2E_SKIP_BUILD === "1", step);

  const stoppables: Stoppable[] = [];
  const services: Service[] = [];
  const stopEverything = async () => {
    await stopAll(services);
    for (const item of stoppables.reverse()) await item.stop().catch(() => undefined);
  };
  const onSignal = () => {
    void stopEverything().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    let upstreamUrl: string;
    let config: CommonsConfig;
    /** With the demo: its own anvil, which the suite uses as it is (see below). */
    let demoAnvil: AnvilInstance | undefined;
    const isDemo = !process.env.FORK_URL;
    if (process.env.FORK_URL) {
      upstreamUrl = process.env.FORK_URL;
      config = readCommonsConfig();
      step(
        `upstream: ${upstreamUrl.replace(/\/\/([^/]*@)?([^/]+).*/, "//$2/…")} with ${config.daos.length} DAO(s) from the DAO config`,
      );
    } else {
      step("upstream: the seeded demo DAO on a local anvil");
      const demo = await startDemoChain({ port: ports.upstream });
      stoppables.push(demo.anvil);
      demoAnvil = demo.anvil;
      upstreamUrl = demo.rpcUrl;
      const demoConfigPath = resolve(e2eDir, "upstream.dao.config.json");
      writeDemoConfig(demo.deployment, upstreamUrl, demoConfigPath);
      config = readCommonsConfig(demoConfigPath);
    }

    const upstream = createPublicClient({ transport: http(upstreamUrl) });
    const forkBlock = process.env.FORK_BLOCK_NUMBER
      ? BigInt(process.env.FORK_BLOCK_NUMBER)
      : await upstream.getBlockNumber({ cacheTime: 0 });
    // Cancun rules and only the last 128 blocks' states (like a full node): mining a GovernorAlpha's
    // 40,320-block vote then takes seconds, not minutes; snapshot/revert works as before.
    // The demo's chain is loaded from its cached state and is ours to change, so the suite runs on it
    // directly: anvil in fork mode can deadlock when blocks are mined while reads are answered
    // (foundry-rs/foundry#10452; seen here as a fork that stopped answering mid-suite). A real
    // network (FORK_URL) is forked.
    const fork =
      demoAnvil ??
      (await startAnvil({
        port: ports.fork,
        forkUrl: upstreamUrl,
        forkBlockNumber: forkBlock,
        pruneHistory: 128,
      }));
    if (fork !== demoAnvil) stoppables.push(fork);
    // One empty block of the fork's own: every spec's evm_revert then lands on it, not on the
    // upstream's last block. Ponder answers each revert by dropping the block below the one
    // reverted to and did not re-index the fork block's events (the demo's Pending proposal
    // vanished from the index after a few specs).
    await rpc(fork.rpcUrl, "evm_mine");
    const baseBlock = forkBlock + 1n;
    step(
      fork === demoAnvil
        ? `chain: the demo's anvil at ${fork.rpcUrl}, from block ${forkBlock}, base block ${baseBlock}`
        : `fork: anvil at ${fork.rpcUrl}, forked at block ${forkBlock}, base block ${baseBlock}`,
    );

    const daos = config.daos.map((dao) => withRpcUrls(dao, [fork.rpcUrl]));
    let plainHead: { chainId: number; block: bigint } | undefined;
    if (isDemo) {
      // A second chain with no help from our seed (no Multicall3): plain-chain.spec.ts.
      const plain = await startAnvil({ port: ports.plain, chainId: plainChainId });
      stoppables.push(plain);
      const plainDao = await deployPlainChainDao(plain.rpcUrl);
      daos.push(plainChainConfig(plainDao, plain.rpcUrl));
      const block = await createPublicClient({ transport: http(plain.rpcUrl) }).getBlockNumber({ cacheTime: 0 });
      plainHead = { chainId: plainChainId, block };
      step(
        `plain chain: anvil at ${plain.rpcUrl} (chain ${plainChainId}, no Multicall3), governor ${plainDao.governor}`,
      );
    }
    let standIns: { ensRpcUrl: string; sourcifyUrl: string } | undefined;
    if (isDemo) {
      // ENS on its own small "mainnet", and a Sourcify server, both ours: names and verified ABIs.
      const ens = await startAnvil({ port: await freePort(), chainId: 1 });
      stoppables.push(ens);
      await installEnsStandIn(ens.rpcUrl);
      const sourcify = await startSourcifyStandIn();
      stoppables.push(sourcify);
      standIns = { ensRpcUrl: ens.rpcUrl, sourcifyUrl: sourcify.url };
      step(`stand-ins: ENS on ${ens.rpcUrl} (chain 1), Sourcify at ${sourcify.url}`);
    }
    const configPath = resolve(e2eDir, "dao.config.json");
    writeFileSync(configPath, serializeCommonsConfig({ daos, ...standIns }));

    step("indexer: backfilling the fork…");
    const indexerStarted = Date.now();
    const indexer = await startIndexer({
      configPath,
      port: ports.indexer,
      dbDir: resolve(e2eDir, "pglite"),
      schema: `e2e_${Date.now()}`,
      logFile: resolve(e2eDir, "indexer.log"),
      databaseUrl: process.env.E2E_DATABASE_URL,
    });
    services.push(indexer.service);
    const forkChainId = config.daos[0]?.chainId;
    await waitForIndexedBlock(indexer.url, baseBlock, indexer.service, forkChainId);
    if (plainHead) await waitForIndexedBlock(indexer.url, plainHead.block, indexer.service, plainHead.chainId);
    step(`indexer ready at ${indexer.url} in ${Math.round((Date.now() - indexerStarted) / 1000)} s`);

    // The chain is fresh on every run, so the app's own data (drafts, statements) starts empty too.
    rmSync(resolve(e2eDir, "app-data"), { recursive: true, force: true });
    const app = await startApp({
      mode: "start",
      port: ports.app,
      configPath,
      indexerUrl: indexer.url,
      logFile: resolve(e2eDir, "app.log"),
    });
    services.push(app.service);
    step(`app: ${app.url}`);

    // A second app server reading the demo DAO the way a real provider setup looks on a bad day:
    // its first RPC endpoint is dead, the second (a fault proxy in front of the fork) answers 10%
    // of requests with 429 / -32005. Same build, same indexer (faulty-rpc.spec.ts).
    const faulty: Record<string, string> = {};
    const demoDao = daos[0];
    if (isDemo && demoDao) {
      const proxy = await startFaultyRpc({ upstream: fork.rpcUrl, rateLimit: 0.1, seed: 6 });
      stoppables.push(proxy);
      const deadUrl = `http://127.0.0.1:${await freePort()}`;
      const faultyConfigPath = resolve(e2eDir, "faulty.dao.config.json");
      writeFileSync(
        faultyConfigPath,
        serializeCommonsConfig({ daos: [withRpcUrls(demoDao, [deadUrl, proxy.url])], ...standIns }),
      );
      rmSync(resolve(e2eDir, "faulty-app-data"), { recursive: true, force: true });
      const faultyApp = await startApp({
        mode: "start",
        port: ports.faultyApp,
        configPath: faultyConfigPath,
        indexerUrl: indexer.url,
        logFile: resolve(e2eDir, "faulty-app.log"),
        dataDir: resolve(e2eDir, "faulty-app-data"),
      });
      services.push(faultyApp.service);
      Object.assign(faulty, { E2E_FAULTY_BASE_URL: faultyApp.url, E2E_FAULTY_PROXY_URL: proxy.url });
      step(`app behind faulty RPCs: ${faultyApp.url} (endpoints: dead ${deadUrl}, proxy ${proxy.url})`);
    }

    const code = await runInherited(bin("playwright"), ["test", ...process.argv.slice(2)], {
      CHROMIUM_PATH: chromium,
      E2E_BASE_URL: app.url,
      E2E_DAO_CONFIG: configPath,
      E2E_DEMO: isDemo ? "1" : "0",
      E2E_INDEXER_URL: indexer.url,
      E2E_OUTPUT_DIR: e2eDir,
      ...faulty,
    });
    if (code !== 0) {
      step(`Playwright failed; logs: ${resolve(e2eDir, "app.log")}, ${resolve(e2eDir, "indexer.log")}`);
    }
    return code;
  } finally {
    await stopEverything();
  }
}

runScript("e2e", main);
