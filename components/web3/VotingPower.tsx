"use client";
/**
 * The connected account's current voting power, read live from the token (`getVotes`) on the
 * DAO's chain, whatever chain the wallet is on. Renders nothing when no wallet is connected.
 */
import { type Address, parseAbi } from "viem";
import { useAccount, useReadContract } from "wagmi";
import { cn } from "@/lib/format/cn";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";

const votesAbi = parseAbi(["function getVotes(address account) view returns (uint256)"]);

export type VotingPowerProps = {
  chainId: number;
  token: Address;
  decimals: number;
  symbol: string;
  className?: string;
};

/** @example <VotingPower chainId={31337} token={dao.token} decimals={18} symbol="COMM" /> */
export function VotingPower({ chainId, token, decimals, symbol, className }: VotingPowerProps) {
  const { address, isConnected } = useAccount();
  const votes = useReadContract({
    address: token,
    abi: votesAbi,
    functionName: "getVotes",
    args: address ? [address] : undefined,
    chainId,
    query: { enabled: Boolean(address), refetchInterval: 15_000 },
  });
  if (!isConnected || !address) return null;

  let text: string;
  let title: string | undefined;
  if (votes.isSuccess) {
    text = `${formatTokenAmount(votes.data, decimals)} ${symbol}`;
  } else if (votes.isError) {
    text = "Unavailable";
    title = votes.error.shortMessage ?? votes.error.message;
  } else {
    text = "…";
  }
  return (
    <p className={cn("flex min-w-0 items-baseline gap-2 text-sm", className)}>
      <span className="text-muted-foreground">Voting power</span>
      <output
        aria-label="Your voting power"
        aria-busy={votes.isPending}
        title={title}
        className="truncate font-medium tabular-nums"
      >
        {text}
      </output>
    </p>
  );
}
