"use client";
/**
 * The connected account's voting power at a proposal's snapshot (`getPastVotes(account,
 * snapshot)`), read live from the token on the DAO's chain: what the account's vote weighs on this
 * proposal, whatever it holds now. Before the snapshot has passed there is no past value yet; the
 * current voting power (`getVotes`) is shown instead, marked as such. Uses wagmi: render it through
 * `SnapshotVotingPowerIsland`.
 */
import { type Address, parseAbi } from "viem";
import { useAccount, useReadContract } from "wagmi";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { SnapshotVotingPowerFrame } from "./SnapshotVotingPowerFrame";

const votesAbi = parseAbi([
  "function getPastVotes(address account, uint256 timepoint) view returns (uint256)",
  "function getVotes(address account) view returns (uint256)",
]);

export type SnapshotVotingPowerProps = {
  chainId: number;
  token: Address;
  decimals: number;
  symbol: string;
  /** Decimal string (props from a server component must be serialisable). */
  snapshot: string;
  /** Whether the snapshot is in the past (getPastVotes reverts for a timepoint not yet reached). */
  snapshotPassed: boolean;
};

/** @example <SnapshotVotingPower chainId={31337} token={dao.token} decimals={18} symbol="COMM" snapshot="120" snapshotPassed /> */
export function SnapshotVotingPower({
  chainId,
  token,
  decimals,
  symbol,
  snapshot,
  snapshotPassed,
}: SnapshotVotingPowerProps) {
  const { address, isConnected } = useAccount();
  const votes = useReadContract({
    address: token,
    abi: votesAbi,
    chainId,
    ...(snapshotPassed
      ? { functionName: "getPastVotes", args: address ? [address, BigInt(snapshot)] : undefined }
      : { functionName: "getVotes", args: address ? [address] : undefined }),
    query: { enabled: Boolean(address) },
  });
  if (!isConnected || !address) return <SnapshotVotingPowerFrame text={null} />;
  const note = snapshotPassed ? undefined : "now; counted at the snapshot";
  if (votes.isSuccess) {
    return (
      <SnapshotVotingPowerFrame text={`${formatTokenAmount(votes.data as bigint, decimals)} ${symbol}`} note={note} />
    );
  }
  if (votes.isError) {
    return <SnapshotVotingPowerFrame text="Unavailable" title={votes.error.shortMessage ?? votes.error.message} />;
  }
  return <SnapshotVotingPowerFrame text="…" busy />;
}
