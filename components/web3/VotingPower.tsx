"use client";
/**
 * The connected account's current voting power, read live from the token through the adapter's
 * token half (`getVotes`, or `getCurrentVotes` for Compound's Comp/Uni-style tokens) on the
 * DAO's chain, whatever chain the wallet is on. Renders nothing when no wallet is connected.
 * Uses wagmi: render it through `VotingPowerIsland` (components/web3/walletIslands.tsx).
 */
import { type Address, zeroAddress } from "viem";
import { useAccount, useReadContract } from "wagmi";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { tokenAdapter } from "@/lib/governor/adapter";
import { VotingPowerFrame } from "./VotingPowerFrame";

export type VotingPowerProps = {
  chainId: number;
  token: Address;
  decimals: number;
  symbol: string;
  /** How the token reports votes (the DAO's detected flavour); default OpenZeppelin's getPastVotes/getVotes. */
  votes?: "getPastVotes" | "getPriorVotes";
  /** Link "Voting power" to this page (the DAO's account view). */
  href?: string;
  className?: string;
};

/** @example <VotingPower chainId={31337} token={dao.token} decimals={18} symbol="COMM" /> */
export function VotingPower({
  chainId,
  token,
  decimals,
  symbol,
  votes: votesFunctions,
  href,
  className,
}: VotingPowerProps) {
  const { address, isConnected } = useAccount();
  const read = tokenAdapter(token, votesFunctions).votesNow(address ?? zeroAddress);
  const votes = useReadContract({
    ...read,
    chainId,
    query: { enabled: Boolean(address), refetchInterval: 15_000, select: (value: unknown) => BigInt(value as bigint) },
  });
  if (!isConnected || !address) return null;

  if (votes.isSuccess && votes.data !== undefined) {
    return (
      <VotingPowerFrame
        text={`${formatTokenAmount(votes.data, decimals)} ${symbol}`}
        href={href}
        className={className}
      />
    );
  }
  if (votes.isError && votes.error) {
    return (
      <VotingPowerFrame
        text="Unavailable"
        title={votes.error.shortMessage ?? votes.error.message}
        href={href}
        className={className}
      />
    );
  }
  return <VotingPowerFrame text="…" busy href={href} className={className} />;
}
