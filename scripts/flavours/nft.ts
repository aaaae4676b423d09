/**
 * Flavour "nft": OZ 5 Governor whose votes come from an ERC721Votes token (one NFT = one vote),
 * block clock, simple counting, late-quorum protection, executing through a TimelockController.
 * Short voting windows so a browser test runs a proposal in ~15 blocks.
 */
import { parseEther, zeroAddress } from "viem";
import { demoTimelockAbi, demoTimelockBytecode } from "../../contracts-abi/demoTimelock";
import { nftGovernorAbi, nftGovernorBytecode } from "../../contracts-abi/flavours/nftGovernor";
import { nftTokenAbi, nftTokenBytecode } from "../../contracts-abi/flavours/nftToken";
import {
  dev,
  type FlavourDeployment,
  type FlavourHolder,
  type FlavourSender,
  flavourSender,
  handTimelockToGovernor,
} from "./common";

/** Blocks (votingDelay, votingPeriod, lateQuorumVoteExtension); the threshold is one NFT. */
const settings = {
  votingDelay: 1,
  votingPeriod: 12,
  proposalThreshold: 1n,
  quorumNumerator: 30n,
  timelockDelay: 120,
  lateQuorumVoteExtension: 6,
};

/** 11 NFTs in all: quorum (30 %) is 3 votes, so dev #1 alone meets it. #4's NFT is not delegated. */
const holders: FlavourHolder[] = [
  { address: dev[0], amount: 4n, delegated: true },
  { address: dev[1], amount: 3n, delegated: true },
  { address: dev[2], amount: 2n, delegated: true },
  { address: dev[3], amount: 1n, delegated: true },
  { address: dev[4], amount: 1n, delegated: false },
];
const treasury = { tokens: 0n, eth: parseEther("10") };

/**
 * Deploys the NFT, timelock and governor from dev #0, mints the NFTs, self-delegates holders
 * #0..#3 and funds the treasury with ETH. `target` is an RPC URL (automine on) or a
 * {@link FlavourSender}.
 *
 * @example
 * const deployment = await deployNft("http://127.0.0.1:8545");
 */
export async function deployNft(
  target: string | FlavourSender,
): Promise<FlavourDeployment & { lateQuorumVoteExtension: number }> {
  const sender = flavourSender(target);
  const from = dev[0];
  const token = await sender.deploy("NftToken", from, nftTokenAbi, nftTokenBytecode, [from]);
  const timelock = await sender.deploy("TimelockController", from, demoTimelockAbi, demoTimelockBytecode, [
    BigInt(settings.timelockDelay),
    [],
    [zeroAddress],
    from,
  ]);
  const governor = await sender.deploy("NftGovernor", from, nftGovernorAbi, nftGovernorBytecode, [
    token.address,
    timelock.address,
    settings.votingDelay,
    settings.votingPeriod,
    settings.proposalThreshold,
    settings.quorumNumerator,
    settings.lateQuorumVoteExtension,
  ]);
  await handTimelockToGovernor(sender, from, timelock.address, governor.address);

  const tokenCall = { address: token.address, abi: nftTokenAbi } as const;
  for (const holder of holders) {
    await sender.write(from, { ...tokenCall, functionName: "mint", args: [holder.address, holder.amount] });
    if (holder.delegated) {
      await sender.write(holder.address, { ...tokenCall, functionName: "delegate", args: [holder.address] });
    }
  }
  await sender.sendEth(from, timelock.address, treasury.eth);

  const { lateQuorumVoteExtension, ...governorSettings } = settings;
  return {
    slug: "nft",
    name: "NFT Members DAO",
    chainId: await sender.chainId(),
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
