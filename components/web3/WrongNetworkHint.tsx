"use client";
/**
 * Says so when the connected wallet is on another chain than the DAO's, and offers to switch.
 * Reads still work from the DAO's own RPC; only signing needs the wallet on the right chain.
 */
import { useAccount, useSwitchChain } from "wagmi";
import { Button } from "@/components/ui/button";
import { knownChain } from "@/lib/chains";
import { cn } from "@/lib/format/cn";

export type WrongNetworkHintProps = { chainId: number; chainName: string; className?: string };

/** @example <WrongNetworkHint chainId={31337} chainName="Foundry" /> */
export function WrongNetworkHint({ chainId, chainName, className }: WrongNetworkHintProps) {
  const account = useAccount();
  const { switchChain, isPending, error } = useSwitchChain();
  if (!account.isConnected || account.chainId === undefined || account.chainId === chainId) return null;
  const walletChain = account.chain?.name ?? knownChain(account.chainId)?.name ?? `chain ${account.chainId}`;
  return (
    <div
      role="status"
      className={cn(
        "border-amber-200 border-t bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100",
        className,
      )}
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p className="min-w-0 flex-1">
          Wrong network: your wallet is on {walletChain}, this DAO is on {chainName}.
        </p>
        <Button size="sm" variant="secondary" onClick={() => switchChain({ chainId })} disabled={isPending}>
          {isPending ? "Switching…" : `Switch to ${chainName}`}
        </Button>
        {error ? (
          <p role="alert" className="w-full text-rose-700 dark:text-rose-300">
            {"shortMessage" in error ? error.shortMessage : error.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
