/**
 * Flavour "bravo": OZ 4.9 Governor with GovernorCompatibilityBravo, an ERC20VotesComp token and a
 * Compound Timelock (2-day minimum delay, 14-day grace period after which a queued proposal is
 * Expired). Block clock.
 */
import { type Address, getContractAddress, parseEther, parseUnits } from "viem";
import { bravoGovernorAbi, bravoGovernorBytecode } from "../../contracts-abi/flavours/bravoGovernor";
import { bravoTimelockAbi, bravoTimelockBytecode } from "../../contracts-abi/flavours/bravoTimelock";
import { bravoTokenAbi, bravoTokenBytecode } from "../../contracts-abi/flavours/bravoToken";
import { deploy, dev, type FlavourDeployment, flavourClient, sendEth, write } from "./common";

/** Blocks for votingDelay/votingPeriod; the timelock delay is Compound's minimum, 2 days. */
const settings = {
  votingDelay: 10,
  votingPeriod: 60,
  proposalThreshold: parseUnits("1000", 18),
  quorumNumerator: 4n,
  timelockDelay: 2 * 24 * 3600,
};

/** Compound Timelock's GRACE_PERIOD (seconds after the ETA during which execution is possible). */
export const bravoGracePeriod = 14 * 24 * 3600;

const supply = parseUnits("1000000", 18);
const holders: { address: Address; amount: bigint }[] = [
  { address: dev[0], amount: parseUnits("400000", 18) },
  { address: dev[1], amount: parseUnits("300000", 18) },
  { address: dev[2], amount: parseUnits("100000", 18) },
  { address: dev[3], amount: parseUnits("50000", 18) },
];
const treasury = { tokens: parseUnits("150000", 18), eth: parseEther("10") };

/**
 * Deploys token, Compound timelock and governor from dev #0 (the timelock's admin is the governor
 * from the start: its address is predicted from the deployer's nonce), hands out tokens,
 * self-delegates every holder and funds the treasury. Expects an anvil with automine on.
 *
 * @example
 * const deployment = await deployBravo("http://127.0.0.1:8545");
 */
export async function deployBravo(rpcUrl: string): Promise<FlavourDeployment> {
  const client = flavourClient(rpcUrl);
  const from = dev[0];
  const token = await deploy(client, "BravoToken", from, bravoTokenAbi, bravoTokenBytecode, [from, supply]);
  const nonce = await client.getTransactionCount({ address: from });
  const predictedGovernor = getContractAddress({ from, nonce: BigInt(nonce + 1) });
  const timelock = await deploy(client, "BravoTimelock", from, bravoTimelockAbi, bravoTimelockBytecode, [
    predictedGovernor,
    BigInt(settings.timelockDelay),
  ]);
  const governor = await deploy(client, "BravoGovernor", from, bravoGovernorAbi, bravoGovernorBytecode, [
    token.address,
    timelock.address,
    BigInt(settings.votingDelay),
    BigInt(settings.votingPeriod),
    settings.proposalThreshold,
    settings.quorumNumerator,
  ]);
  if (governor.address !== predictedGovernor) {
    throw new Error(`governor deployed at ${governor.address}, not the predicted ${predictedGovernor}`);
  }

  const tokenCall = { address: token.address, abi: bravoTokenAbi } as const;
  for (const holder of holders) {
    if (holder.address !== from) {
      await write(client, from, { ...tokenCall, functionName: "transfer", args: [holder.address, holder.amount] });
    }
    await write(client, holder.address, { ...tokenCall, functionName: "delegate", args: [holder.address] });
  }
  await write(client, from, { ...tokenCall, functionName: "transfer", args: [timelock.address, treasury.tokens] });
  await sendEth(client, from, timelock.address, treasury.eth);

  return {
    slug: "bravo",
    name: "Bravo Compatible DAO",
    chainId: await client.getChainId(),
    startBlock: Number(token.blockNumber),
    governor: governor.address,
    token: token.address,
    timelock: timelock.address,
    settings,
    holders,
    treasury,
  };
}
