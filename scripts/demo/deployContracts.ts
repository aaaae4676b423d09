/**
 * Deploys the demo DAO's contracts (token, timelock, governor, treasury tokens), wires the
 * timelock the way production DAOs do (governor proposes and cancels, anyone executes, admin
 * renounced) and places Multicall3 at its canonical address.
 */
import { type Address, keccak256, parseUnits, stringToHex, zeroAddress, zeroHash } from "viem";
import { demoGovernorAbi, demoGovernorBytecode } from "../../contracts-abi/demoGovernor";
import { demoTimelockAbi, demoTimelockBytecode } from "../../contracts-abi/demoTimelock";
import { demoTokenAbi, demoTokenBytecode } from "../../contracts-abi/demoToken";
import { mockErc20Abi, mockErc20Bytecode } from "../../contracts-abi/mockErc20";
import { multicall3DeployedBytecode } from "../../contracts-abi/multicall3";
import { rpc } from "../../harness/anvil";
import { devActors, totalSupply } from "./actors";
import type { DemoContracts } from "./proposals";
import type { SeedSession } from "./seedSession";

/** Where Multicall3 lives on every chain (and where viem looks for it). */
export const multicall3Address: Address = "0xcA11bde05977b3631167028862bE2a173976CA11";

/**
 * Settings the governor is deployed with. The proposal threshold starts at 10,000 COMM; the
 * seeded "lower-threshold" proposal brings it to 1,000 COMM, the value the demo runs with.
 */
export const initialGovernorSettings = {
  votingDelay: 10,
  votingPeriod: 60,
  proposalThreshold: parseUnits("10000", 18),
  quorumNumerator: 4n,
} as const;

/** Seconds between queueing a proposal and being able to execute it. */
export const timelockMinDelay = 120n;

/** Initial supply of the treasury's mock tokens, minted to the deployer. */
export const mockTokenSupply = { musdc: parseUnits("5000000", 6), mweth: parseUnits("1000", 18) } as const;

const role = (name: string) => keccak256(stringToHex(name));

/**
 * Deploys everything from dev account #0 and returns the addresses plus the first block.
 *
 * @example
 * const { contracts, startBlock } = await deployDemoContracts(session, startTimestamp);
 */
export async function deployDemoContracts(
  session: SeedSession,
  timestamp: number,
): Promise<{ contracts: DemoContracts; startBlock: number }> {
  const from = devActors.deployer;
  await rpc(session.rpcUrl, "anvil_setCode", [multicall3Address, multicall3DeployedBytecode]);

  await session.mine(timestamp);
  const token = await session.deploy("DemoToken", from, demoTokenAbi, demoTokenBytecode, [from, totalSupply]);
  const startBlock = Number(await session.client.getBlockNumber());
  const timelock = await session.deploy("DemoTimelock", from, demoTimelockAbi, demoTimelockBytecode, [
    timelockMinDelay,
    [],
    [zeroAddress],
    from,
  ]);
  const settings = initialGovernorSettings;
  const governor = await session.deploy("DemoGovernor", from, demoGovernorAbi, demoGovernorBytecode, [
    token,
    timelock,
    settings.votingDelay,
    settings.votingPeriod,
    settings.proposalThreshold,
    settings.quorumNumerator,
  ]);
  const musdc = await session.deploy("mUSDC", from, mockErc20Abi, mockErc20Bytecode, [
    "USD Coin",
    "mUSDC",
    6,
    from,
    mockTokenSupply.musdc,
  ]);
  const mweth = await session.deploy("mWETH", from, mockErc20Abi, mockErc20Bytecode, [
    "Wrapped Ether",
    "mWETH",
    18,
    from,
    mockTokenSupply.mweth,
  ]);

  const timelockCall = { from, address: timelock, abi: demoTimelockAbi } as const;
  await session.write(
    { ...timelockCall, functionName: "grantRole", args: [role("PROPOSER_ROLE"), governor] },
    "grant proposer",
  );
  await session.write(
    { ...timelockCall, functionName: "grantRole", args: [role("CANCELLER_ROLE"), governor] },
    "grant canceller",
  );
  // DEFAULT_ADMIN_ROLE is bytes32(0): after this only the timelock itself can change roles.
  await session.write({ ...timelockCall, functionName: "renounceRole", args: [zeroHash, from] }, "renounce admin");
  await session.mine();
  return { contracts: { governor, token, timelock, musdc, mweth }, startBlock };
}
