/**
 * `npm run chain` — a local anvil with the seeded demo DAO, mining a block every 4 s, and a DAO
 * config pointing at it (dao.config.json, or DAO_CONFIG). Runs until Ctrl-C. Port: ANVIL_PORT
 * (default 8545).
 */
import { commonsConfigPath } from "../lib/config/readCommonsConfig";
import { writeDemoConfig } from "./demo/writeDemoConfig";
import { startDemoChain } from "./lib/demoChain";

const blockTime = 4;

async function main() {
  const port = Number(process.env.ANVIL_PORT ?? 8545);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535)
    throw new Error(`ANVIL_PORT must be a port number, got ${process.env.ANVIL_PORT}`);
  const { anvil, deployment, rpcUrl } = await startDemoChain({ port, blockTime });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping anvil…");
    await anvil.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());

  const configPath = commonsConfigPath();
  writeDemoConfig(deployment, rpcUrl, configPath);
  const count = (state: string) => deployment.proposals.filter((proposal) => proposal.expectedState === state).length;
  const states = ["Pending", "Active", "Succeeded", "Queued", "Executed", "Defeated", "Canceled"];
  console.log(
    [
      "",
      `Commons demo chain: ${rpcUrl} (chain ${deployment.chainId}, anvil PID ${anvil.pid}, a block every ${blockTime} s)`,
      `  governor  ${deployment.governor}`,
      `  token     ${deployment.token} (COMM)`,
      `  timelock  ${deployment.timelock} (treasury)`,
      `  mUSDC     ${deployment.tokens.musdc}`,
      `  mWETH     ${deployment.tokens.mweth}`,
      `  proposals ${deployment.proposals.length}: ${states.map((state) => `${count(state)} ${state}`).join(", ")}`,
      `  dev accounts: #0 deployer, #1 delegate (over quorum alone), #2 voted delegate, #3 undelegated holder,`,
      `                #4 delegator, #5 no tokens, #6 below threshold (see scripts/demo/README.md)`,
      ...deployment.flavours.map(
        (flavour) =>
          `  /${flavour.slug.padEnd(13)} ${flavour.name}: governor ${flavour.governor}, ${flavour.proposals.length} seeded proposal(s)`,
      ),
      `  DAO config written to ${configPath}`,
      "Ctrl-C to stop.",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(`npm run chain: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
