"use client";
/**
 * The wallet half of the propose form: behind the write gate (connect, right network), it checks
 * before the click everything the chain will check — the account's votes against the proposal
 * threshold (submit disabled, with the reason, when short — unless GovernorBravo's whitelist lets
 * the account propose anyway, which it says) and the `propose` call itself simulated
 * from the account (a duplicate proposal or any other revert explained in words). What the actions
 * themselves would do is the whole sequence's simulation beside it (SimulationPreview, run by the
 * server on a fork of the chain). Then it sends `propose` through the one transaction mechanism
 * and, once mined, goes to the new proposal's page with the transaction hash (that page shows the
 * proposal from the receipt before the indexer has it).
 *
 * For a GovernorBravo-family DAO the content carries function signatures and argument-only
 * calldatas (what `propose` sends); hashing uses the calldatas as the timelock will run them
 * (`executedContent`: selector + arguments).
 *
 * Uses wagmi: render it through `SubmitPanelIsland`.
 */
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { type Address, type Hex, parseEventLogs, type TransactionReceipt } from "viem";
import { useBlockNumber, usePublicClient, useReadContracts } from "wagmi";
import { Button } from "@/components/ui/button";
import { TransactionStatus } from "@/components/web3/tx/TransactionStatus";
import { useTransaction } from "@/components/web3/tx/useTransaction";
import { WriteGate } from "@/components/web3/tx/WriteGate";
import { governorEventsAbi } from "@/contracts-abi/governorEvents";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { type GovernorAdapter, governorAdapter, type ProposalContent, type WriteDao } from "@/lib/governor/adapter";
import { executedContent } from "@/lib/proposals/builder/signatures";
import { hashProposal } from "@/lib/proposals/hashProposal";
import { explainTxError } from "@/lib/tx/explainTxError";

export type SubmitPanelProps = {
  dao: WriteDao;
  /** The content to propose; null while the form has problems. */
  content: ProposalContent | null;
  /** The form has problems: show them (the builder lists them above). */
  onInvalidSubmit: () => void;
  /** The proposal is on chain (awaited, briefly, before navigating to it). */
  onProposed: (proposalId: string, tx: Hex) => void | Promise<void>;
};

type Check = { status: "pending" } | { status: "ok" } | { status: "failed"; message: string };

/** The content only once it has stopped changing for a moment (typing in the body changes it each key). */
function useSettled<T>(value: T, delay = 500): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

function proposalIdFrom(receipt: TransactionReceipt, governor: Address): bigint | undefined {
  const logs = parseEventLogs({ abi: governorEventsAbi, eventName: "ProposalCreated", logs: receipt.logs });
  const created = logs.find((log) => log.address.toLowerCase() === governor.toLowerCase());
  return created?.args.proposalId;
}

function ProposeForm({
  dao,
  adapter,
  account,
  content,
  onInvalidSubmit,
  onProposed,
}: SubmitPanelProps & { account: Address; adapter: GovernorAdapter }) {
  const router = useRouter();
  const client = usePublicClient({ chainId: dao.chainId });
  const tx = useTransaction({ dao });
  // Votes now (getVotes): the propose transaction mines in a later block and the governor checks
  // the votes at clock() - 1, which is then this block or later, so today's votes are what counts.
  // GovernorBravo's whitelist lets an account propose below the threshold.
  const whitelistRead = adapter.proposerWhitelisted?.(account);
  const reads = useReadContracts({
    contracts: [adapter.votesNow(account), adapter.proposalThreshold(), ...(whitelistRead ? [whitelistRead] : [])].map(
      (read) => ({ ...read, chainId: dao.chainId }),
    ) as never,
    query: { refetchInterval: 15_000 },
  });
  const [votesResult, thresholdResult, whitelistResult] = (reads.data ?? []) as { status: string; result?: unknown }[];
  const votes = votesResult?.status === "success" ? (votesResult.result as bigint) : undefined;
  const threshold = thresholdResult?.status === "success" ? (thresholdResult.result as bigint) : undefined;
  const whitelisted = whitelistResult?.status === "success" && whitelistResult.result === true;
  const below = votes !== undefined && threshold !== undefined && votes < threshold;
  const short = below && !whitelisted;
  const amount = (value: bigint) => `${formatTokenAmount(value, dao.tokenDecimals)} ${dao.tokenSymbol}`;

  const settled = useSettled(content);
  const stale = settled !== content;
  // As the timelock runs it: full calldatas (a Bravo-family content states signature + arguments).
  const executed = settled ? executedContent(settled) : null;
  const key = executed ? `${hashProposal(executed)}:${settled?.signatures?.join(",") ?? ""}` : "none";
  // Checked again at every block: what the governor accepts changes with the chain (votes
  // delegated in the last block only count from the next one, a duplicate may appear…).
  const { data: block } = useBlockNumber({ chainId: dao.chainId, watch: true });
  const proposeCheck = useQuery({
    queryKey: ["propose-simulation", dao.chainId, dao.governor, account, key, block?.toString()],
    placeholderData: (previous) => previous,
    enabled: Boolean(client && settled && !short),
    retry: false,
    staleTime: 10_000,
    queryFn: async (): Promise<Check> => {
      if (!client || !settled) return { status: "pending" };
      const write = adapter.propose(settled);
      try {
        await client.simulateContract({
          address: write.address,
          abi: [...write.abi, ...adapter.errorAbi],
          functionName: write.functionName,
          args: write.args,
          account,
        } as never);
        return { status: "ok" };
      } catch (error) {
        const { message } = explainTxError(error, [...write.abi, ...adapter.errorAbi]);
        // The governor counts votes at the block before the proposal's: votes delegated in the
        // latest block are there for a transaction in the next one, not for this simulation.
        if (
          votes !== undefined &&
          threshold !== undefined &&
          votes >= threshold &&
          /below the proposal threshold/.test(message)
        ) {
          return {
            status: "failed",
            message:
              "Your votes were delegated in the latest block and count from the next one. This clears by itself once a block is mined.",
          };
        }
        return { status: "failed", message };
      }
    },
  });
  const checking = stale || proposeCheck.isFetching;
  const proposeFailed = proposeCheck.data?.status === "failed" ? proposeCheck.data.message : null;
  const disabled = tx.busy || short || votes === undefined || threshold === undefined;

  async function submit() {
    if (!content) {
      onInvalidSubmit();
      return;
    }
    const receipt = await tx.send(adapter.propose(content), { label: "Propose" });
    if (!receipt) return;
    const id = proposalIdFrom(receipt, dao.governor) ?? hashProposal(executedContent(content));
    // E.g. a saved draft recording its proposal; navigation does not wait more than a few seconds.
    await Promise.race([
      Promise.resolve(onProposed(id.toString(), receipt.transactionHash)).catch(() => undefined),
      new Promise((resolve) => window.setTimeout(resolve, 5_000)),
    ]);
    router.push(`/${dao.slug}/proposals/${id}?tx=${receipt.transactionHash}`);
  }

  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col gap-2 text-sm" aria-label="Checks before submitting">
        <li>
          <span className="text-muted-foreground">Your voting power: </span>
          {votes === undefined || threshold === undefined ? (
            reads.isError ? (
              <span>could not be read ({reads.error.message.split("\n")[0]})</span>
            ) : (
              <span aria-busy="true">…</span>
            )
          ) : (
            <output aria-label="Your voting power" className="font-medium tabular-nums">
              {amount(votes)}
            </output>
          )}
          {threshold !== undefined ? (
            <span className="text-muted-foreground"> (the threshold to propose is {amount(threshold)})</span>
          ) : null}
        </li>
        {below && whitelisted ? (
          <li>Your account is whitelisted by the governor: it may propose below the threshold.</li>
        ) : null}
        {content && !short ? (
          <li data-check="propose">
            {checking || proposeCheck.isPending ? (
              <span className="text-muted-foreground">Checking the proposal against the governor…</span>
            ) : proposeFailed ? (
              <span className="text-rose-700 dark:text-rose-300">The governor would refuse it: {proposeFailed}</span>
            ) : (
              <span className="text-emerald-700 dark:text-emerald-300">The governor would accept this proposal.</span>
            )}
          </li>
        ) : null}
      </ul>
      {short && threshold !== undefined && votes !== undefined ? (
        <p id="propose-disabled-reason" className="text-rose-700 text-sm dark:text-rose-300">
          You cannot propose: your voting power ({amount(votes)}) is below the proposal threshold ({amount(threshold)}).
          Ask holders to delegate to you, or find a delegate above the threshold to propose it.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={submit}
          disabled={disabled}
          aria-describedby={short ? "propose-disabled-reason" : undefined}
          className="w-full sm:w-auto"
        >
          {tx.busy ? "Submitting…" : "Submit proposal"}
        </Button>
      </div>
      <TransactionStatus tx={tx} explorerUrl={dao.explorerUrl} />
    </div>
  );
}

/** @example <SubmitPanel dao={dao} content={built.content} onInvalidSubmit={show} onProposed={clear} /> */
export function SubmitPanel(props: SubmitPanelProps) {
  const adapter = governorAdapter(props.dao);
  return (
    <WriteGate dao={props.dao} action="propose">
      {(account) => <ProposeForm {...props} account={account} adapter={adapter} />}
    </WriteGate>
  );
}
