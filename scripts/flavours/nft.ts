/**
 * Flavour "nft": OZ 5 Governor whose votes come from an ERC721Votes token (one NFT = one vote),
 * block clock, simple counting, late-quorum protection, executing through a TimelockController.
 */
import { type Address, parseEther, zeroAddress } from "viem";
import { demoTimelockAbi, demoTimelockBytecode } from "../../contracts-abi/demoTimelock";
import { nftGovernorAbi, nftGovernorBytecode } from "../../contracts-abi/flavours/nftGovernor";
import { nftTokenAbi, nftTokenBytecode } from "../../contracts-abi/flavours/nftToken";
import { deploy, dev, type FlavourDeployment, flavourClient, handTimelockToGovernor, sendEth, write } from "./common";

/** Blocks (votingDelay, votingPeriod, lateQuorumVoteExtension); the threshold is one NFT. */
const settings = {
  votingDelay: 10,
  votingPeriod: 60,
  proposalThreshold: 1n,
  quorumNumerator: 30n,
  timelockDelay: 120,
  lateQuorumVoteExtension: 20,
};

/** 10 NFTs in all: quorum (30 %) is 3 votes. */
const holders: { address: Address; amount: bigint }[] = [
  { address: dev[0], amount: 4n },
  { address: dev[1], amount: 3n },
  { address: dev[2], amount: 2n },
  { address: dev[3], amount: 1n },
];
const treasury = { tokens: 0n, eth: parseEther("10") };

/**
 * Deploys the NFT, timelock and governor from dev #0, mints the NFTs, self-delegates every holder
 * and funds the treasury with ETH. Expects an anvil with automine on.
 *
 * @example
 * const deployment = await deployNft("http://127.0.0.1:8545");
 */
export async function deployNft(rpcUrl: string): Promise<FlavourDeployment & { lateQuorumVoteExtension: number }> {
  const client = flavourClient(rpcUrl);
  const from = dev[0];
  const token = await deploy(client, "NftToken", from, nftTokenAbi, nftTokenBytecode, [from]);
  const timelock = await deploy(client, "TimelockController", from, demoTimelockAbi, demoTimelockBytecode, [
    BigInt(settings.timelockDelay),
    [],
    [zeroAddress],
    from,
  ]);
  const governor = await deploy(client, "NftGovernor", from, nftGovernorAbi, nftGovernorBytecode, [
    token.address,
    timelock.address,
    settings.votingDelay,
    settings.votingPeriod,
    settings.proposalThreshold,
    settings.quorumNumerator,
    settings.lateQuorumVoteExtension,
  ]);
  await handTimelockToGovernor(client, from, timelock.address, governor.address);

  const tokenCall = { address: token.address, abi: nftTokenAbi } as const;
  for (const holder of holders) {
    await write(client, from, { ...tokenCall, functionName: "mint", args: [holder.address, holder.amount] });
    await write(client, holder.address, { ...tokenCall, functionName: "delegate", args: [holder.address] });
  }
  await sendEth(client, from, timelock.address, treasury.eth);

  const { lateQuorumVoteExtension, ...governorSettings } = settings;
  return {
    slug: "nft",
    name: "NFT Members DAO",
    chainId: await client.getChainId(),
    startBlock: Number(token.blockNumber),
    governor: governor.address,
    token: token.address,
    timelock: timelock.address,
    settings: governorSettings,
    holders,
    treasury,
    lateQuorumVoteExtension,
  };
}
