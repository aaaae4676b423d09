/**
 * `npm run dev`: the whole of Commons on this machine. Starts anvil with the seeded demo DAO
 * (or, with DAO_CONFIG set, uses your DAO's config and RPC instead), checks the config against
 * the chain, starts the indexer and the Next.js dev server, prints the URL, and stops
 * everything it started on Ctrl-C.
 *
 * Stopping is hard to defeat: every service is tracked from the moment it is spawned (a Ctrl-C
 * while the indexer backfills stops it too), a second Ctrl-C or SIGTERM lets the stop in progress
 * finish, and a watchdog process (harness/reaper.ts) stops whatever is left should this
 * process be killed outright.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { isPortFree } from "../harness/anvil";
import { startApp } from "../harness/appService";
import { startDemoChain } from "../harness/demoChain";
import { startIndexer } from "../harness/indexerService";
import { startReaper } from "../harness/reaper";
import type { Service } from "../harness/services";
import { ConfigError } from "../lib/config/ConfigError";
import { readCommonsConfig } from "../lib/config/readCommonsConfig";
import { resolveDao } from "../lib/config/resolveDao";
import { writeDemoConfig } from "./demo/writeDemoConfig";
import { workDir } from "./lib/paths";

const ports = {
  chain: Number(process.env.ANVIL_PORT ?? 8545),
  indexer: Number(process.env.INDEXER_PORT ?? 42069),
  app: Number(process.env.PORT ?? 3000),
};
// COMMONS_DEV_DIR: another folder for the lock, logs and data (tests run a second dev beside yours).
const devDir = resolve(process.env.COMMONS_DEV_DIR || resolve(workDir, "dev"));
const lockFile = resolve(devDir, "dev.lock");
const ownConfig = process.env.DAO_CONFIG;

function say(message: string) {
  console.log(`[commons] ${message}`);
}

class StartError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function takeLock() {
  mkdirSync(devDir, { recursive: true });
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new StartError(
        `Commons is already running (pid ${pid}). Use that one, stop it with Ctrl-C in its terminal (or \`kill ${pid}\`), then start again.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
}

function releaseLock() {
  try {
    if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile);
  } catch {
    // nothing to release
  }
}

async function checkPorts() {
  const wanted = [
    ...(ownConfig ? [] : [["chain (anvil)", ports.chain, "ANVIL_PORT"] as const]),
    ["indexer", ports.indexer, "INDEXER_PORT"] as const,
    ["app", ports.app, "PORT"] as const,
  ];
  for (const [what, port, variable] of wanted) {
    if (!(await isPortFree(port))) {
      throw new StartError(
        `port ${port} (for the ${what}) is already in use by another program. Stop it, or pick another port: ${variable}=${port + 1} npm run dev`,
      );
    }
  }
}

/** A started process: stopped in reverse start order, and by the watchdog if we die first. */
type Stoppable = { name: string; pid: number; stop(): Promise<void> };

async function main() {
  takeLock();
  await checkPorts();
  const reaper = startReaper();
  const running: Stoppable[] = [];
  const services: Service[] = [];
  const track = (item: Stoppable) => {
    running.push(item);
    reaper.add(item.pid);
    say(`${item.name} started (pid ${item.pid})`);
  };
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    for (const item of [...running].reverse()) {
      await item.stop().catch(() => undefined);
      reaper.remove(item.pid);
    }
    reaper.done();
    releaseLock();
    say("stopped.");
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl-C (or SIGTERM) must not cut the stop short: let it finish.
    if (stopping) say(`${signal} again: still stopping every service, one moment…`);
    else void shutdown(0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);

  try {
    let configPath: string;
    if (ownConfig) {
      configPath = resolve(ownConfig);
      say(`using your DAO config ${configPath}`);
    } else {
      say(`starting the local chain with the demo DAO on port ${ports.chain}…`);
      const demo = await startDemoChain({
        port: ports.chain,
        blockTime: 4,
        onSpawn: (anvil) => track({ name: "the chain (anvil)", ...anvil }),
      });
      configPath = resolve(devDir, "dao.config.json");
      writeDemoConfig(demo.deployment, demo.rpcUrl, configPath);
    }

    const config = readCommonsConfig(configPath);
    for (const dao of config.daos) {
      const resolved = await resolveDao(dao);
      say(
        `DAO "${dao.slug}": ${resolved.governorName} on chain ${dao.chainId}, token ${resolved.tokenSymbol}, ${resolved.timelock ? `timelock ${resolved.timelock}` : "no timelock"}`,
      );
    }

    say(`starting the indexer on port ${ports.indexer} (log: ${resolve(devDir, "indexer.log")})…`);
    const indexer = await startIndexer({
      configPath,
      port: ports.indexer,
      dbDir: resolve(devDir, "pglite"),
      // A fresh schema per start: the chain may have been restarted from the cached demo state.
      schema: `commons_${Date.now()}`,
      logFile: resolve(devDir, "indexer.log"),
      databaseUrl: process.env.DATABASE_URL,
      // A real DAO's backfill can take a while; the app shows what is indexed so far.
      waitFor: ownConfig ? "health" : "ready",
      onSpawn: (service) => track({ name: "the indexer", pid: service.pid, stop: () => service.stop() }),
    });
    services.push(indexer.service);

    say(`starting the app on port ${ports.app}…`);
    const app = await startApp({
      mode: "dev",
      port: ports.app,
      configPath,
      indexerUrl: indexer.url,
      logFile: resolve(devDir, "app.log"),
      // Drafts and statements live in .commons/dev/app-data unless you point COMMONS_DATA_DIR
      // elsewhere (or set COMMONS_DATABASE_URL for PostgreSQL).
      dataDir: process.env.COMMONS_DATA_DIR,
      echo: true,
      onSpawn: (service) => track({ name: "the app", pid: service.pid, stop: () => service.stop() }),
    });
    services.push(app.service);

    say("");
    say(`Commons is running at http://localhost:${ports.app}`);
    if (!ownConfig) {
      say(`chain: http://127.0.0.1:${ports.chain} (a block every 4 s; \`npm run mine -- 10\` mines more)`);
    }
    say(`indexer: ${indexer.url}   press Ctrl-C to stop everything`);

    const crashed = await Promise.race(services.map((service) => service.exited.then(() => service)));
    if (!stopping) {
      console.error(
        `[commons] the ${crashed.name} stopped unexpectedly. Last lines of ${crashed.logFile}:\n${crashed.logTail()}`,
      );
      await shutdown(1);
    }
  } catch (error) {
    if (!stopping) {
      console.error(`[commons] ${error instanceof Error ? error.message : String(error)}`);
      await shutdown(1);
    }
  }
}

main().catch((error: unknown) => {
  releaseLock();
  const message = error instanceof StartError || error instanceof ConfigError ? error.message : String(error);
  console.error(`[commons] ${message}`);
  process.exit(1);
});
