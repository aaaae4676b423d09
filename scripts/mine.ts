/**
 * `npm run mine -- 25` mines 25 blocks; `npm run mine -- --time 3600` moves time forward an hour
 * and mines one block (both together: the time jump, then the blocks). `--rpc URL` picks the node;
 * otherwise the first DAO's rpcUrl from the DAO config, else http://127.0.0.1:8545.
 */
import { parseArgs } from "node:util";
import { rpc } from "../harness/anvil";
import { readCommonsConfig } from "../lib/config/readCommonsConfig";

const usage = "usage: npm run mine -- [blocks] [--time seconds] [--rpc url]";

function positiveInteger(text: string, what: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${what} must be a positive whole number, got "${text}"\n${usage}`);
  }
  return value;
}

function defaultRpcUrl(): string {
  try {
    return readCommonsConfig().daos[0]?.rpcUrl ?? "http://127.0.0.1:8545";
  } catch {
    return "http://127.0.0.1:8545";
  }
}

type Block = { number: string; timestamp: string };

async function main() {
  const { values, positionals } = parseArgs({
    options: { time: { type: "string" }, rpc: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length > 1) throw new Error(`expected at most one block count\n${usage}`);
  const blocks = positionals[0] === undefined ? 1 : positiveInteger(positionals[0], "blocks");
  const seconds = values.time === undefined ? undefined : positiveInteger(values.time, "--time");
  const url = values.rpc ?? defaultRpcUrl();

  if (seconds !== undefined) {
    // evm_setNextBlockTimestamp rather than evm_increaseTime: the latter is ignored when a
    // timestamp interval is set (anvil_setBlockTimestampInterval).
    const head = await rpc<Block>(url, "eth_getBlockByNumber", ["latest", false]);
    await rpc(url, "evm_setNextBlockTimestamp", [Number(head.timestamp) + seconds]);
  }
  await rpc(url, "anvil_mine", [`0x${blocks.toString(16)}`]);
  const head = await rpc<Block>(url, "eth_getBlockByNumber", ["latest", false]);
  const timestamp = Number(head.timestamp);
  console.log(
    `mined ${blocks} block${blocks === 1 ? "" : "s"} on ${url}: head is block ${Number(head.number)}, ` +
      `timestamp ${timestamp} (${new Date(timestamp * 1000).toISOString()})`,
  );
}

main().catch((error: unknown) => {
  console.error(`npm run mine: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
