/**
 * The header of every DAO page: the DAO's name, its sections, the wallet button and, once a
 * wallet is connected, its voting power and a wrong-network hint. Server-rendered. The wallet
 * parts are wallet islands: until the wallet stack loads they show what the wagmi cookie says
 * (a "Connect wallet" button, or the remembered account and a voting-power placeholder).
 */
import Link from "next/link";
import type { Address } from "viem";
import { DaoNav } from "@/components/dao/DaoNav";
import { VotingPowerFrame } from "@/components/web3/VotingPowerFrame";
import { WalletButtonFallback } from "@/components/web3/WalletButtonFallback";
import { VotingPowerIsland, WalletButtonIsland, WrongNetworkHintIsland } from "@/components/web3/walletIslands";
import { cn } from "@/lib/format/cn";
import { requestAccount } from "@/lib/wagmi/requestAccount";

export type DaoHeaderProps = {
  slug: string;
  name: string;
  chainId: number;
  chainName: string;
  /** Null when the chain could not be read (no voting power shown then). */
  token: { address: Address; decimals: number; symbol: string; votes?: "getPastVotes" | "getPriorVotes" } | null;
  /** Whether a link back to the list of DAOs makes sense (more than one DAO configured). */
  showAllDaos?: boolean;
  className?: string;
};

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0] ?? "");
  return letters.join("").toUpperCase() || "?";
}

/** @example <DaoHeader slug="commons" name="Commons DAO" chainId={31337} chainName="Foundry" token={…} /> */
export async function DaoHeader({ slug, name, chainId, chainName, token, showAllDaos, className }: DaoHeaderProps) {
  const home = `/${slug}`;
  const account = await requestAccount();
  return (
    <header className={cn("border-border border-b bg-card", className)}>
      <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 pt-3 pb-2">
        {showAllDaos ? (
          <Link href="/" className="hidden text-muted-foreground text-sm hover:text-foreground sm:inline">
            All DAOs <span aria-hidden="true">/</span>
          </Link>
        ) : null}
        <Link href={home} className="flex min-w-0 items-center gap-2.5 rounded-lg font-semibold">
          <span
            aria-hidden="true"
            className="grid size-8 shrink-0 place-items-center rounded-lg bg-accent font-bold text-accent-foreground text-xs"
          >
            {initials(name)}
          </span>
          <span className="truncate">{name}</span>
        </Link>
        <WalletButtonIsland
          className="ml-auto"
          fallback={<WalletButtonFallback address={account?.address} className="ml-auto" />}
        />
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 px-4">
        <DaoNav home={home} />
        {token ? (
          <VotingPowerIsland
            chainId={chainId}
            token={token.address}
            decimals={token.decimals}
            symbol={token.symbol}
            {...(token.votes ? { votes: token.votes } : {})}
            href={`${home}/account`}
            className="py-2"
            fallback={account ? <VotingPowerFrame text="…" busy href={`${home}/account`} className="py-2" /> : null}
          />
        ) : null}
      </div>
      <WrongNetworkHintIsland chainId={chainId} chainName={chainName} />
    </header>
  );
}
