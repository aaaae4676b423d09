"use client";
/**
 * "Next step": the queue, execute and cancel buttons, each shown exactly when the governor would
 * accept the call (lib/proposals/lifecycleActions): queue once Succeeded, execute once Queued and
 * the timelock's ETA has passed (a countdown until then), cancel for the proposer while Pending.
 * Each goes through the one transaction mechanism (simulated first), with the proposal's exact
 * content (targets, values, calldatas and the description byte for byte) from the server. On
 * Compound's governors, which forward the actions' ETH from the caller, execute says how much it sends.
 *
 * State and ETA are read live and re-read on every new block; the clock for the countdown is the
 * chain's (its latest block time, moved on with the wall clock between blocks), never the wall
 * clock alone. Renders nothing
 * when no step is open to the reader. Uses wagmi: render it through `ProposalActionsPanelIsland`.
 */
import { useEffect, useMemo, useState } from "react";
import type { Address, Hex } from "viem";
import { useAccount, useBlock, useReadContracts, useWatchBlockNumber } from "wagmi";
import { Button } from "@/components/ui/button";
import { TransactionStatus } from "@/components/web3/tx/TransactionStatus";
import { useTransaction } from "@/components/web3/tx/useTransaction";
import { WriteGate } from "@/components/web3/tx/WriteGate";
import { type ProposalState, proposalStateName } from "@/lib/chain/proposalStates";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import {
  type ContractWrite,
  governorAdapter,
  type ProposalContent,
  readResult,
  type WriteDao,
} from "@/lib/governor/adapter";
import { type LifecycleAction, lifecycleActions } from "@/lib/proposals/lifecycleActions";
import { ContentUnknownNote, EtaCountdown, stepText } from "./ProposalActionsFrame";
import { Section } from "./Section";

/** ProposalContent as props from a server component (bigints as decimal strings). */
export type SerializedContent = { targets: Address[]; values: string[]; calldatas: Hex[]; description: string };

export type ProposalActionsPanelProps = {
  dao: WriteDao;
  proposalId: string;
  /** The state the server read; the panel re-reads it live. */
  state: ProposalState | null;
  /** Timelock ETA in seconds (decimal string); null when not queued. */
  eta: string | null;
  /** The chain's latest block timestamp when the server rendered (seconds, decimal string). */
  chainTime: string;
  proposer: Address | null;
  /** null when the content is unknown (the index is unreachable and no receipt was given). */
  content: SerializedContent | null;
};

/** The chain's time now, estimated from its latest block's timestamp; re-rendered every second while `ticking`. */
function useChainNow(latest: bigint, ticking: boolean): bigint {
  const [base, setBase] = useState(() => ({ chain: latest, wall: Date.now() }));
  const [, tick] = useState(0);
  useEffect(() => setBase({ chain: latest, wall: Date.now() }), [latest]);
  useEffect(() => {
    if (!ticking) return;
    const handle = window.setInterval(() => tick((n) => n + 1), 1_000);
    return () => window.clearInterval(handle);
  }, [ticking]);
  // Between blocks the chain's time moves with the wall clock. Not the wall clock itself: a chain's
  // time may lag it (a local fork), and an ETA passed by the wall clock alone would still revert.
  return base.chain + BigInt(Math.floor((Date.now() - base.wall) / 1000));
}

/** @example <ProposalActionsPanel dao={writeDao} proposalId="4242" state="Queued" eta="1700000120" … /> */
export function ProposalActionsPanel(props: ProposalActionsPanelProps) {
  const { dao, proposalId, proposer, content } = props;
  const id = BigInt(proposalId);
  const adapter = useMemo(() => governorAdapter(dao), [dao]);
  const { address } = useAccount();
  const etaRead = useMemo(() => adapter.proposalEta(id), [adapter, id]);
  const reads = useReadContracts({
    contracts: [
      { ...adapter.state(id), chainId: dao.chainId },
      { ...etaRead, chainId: dao.chainId },
    ],
  });
  const block = useBlock({ chainId: dao.chainId });
  useWatchBlockNumber({
    chainId: dao.chainId,
    onBlockNumber: () => {
      void reads.refetch();
      void block.refetch();
    },
  });
  const results = reads.data as { status: "success" | "failure"; result?: unknown }[] | undefined;
  const stateValue = results?.[0]?.status === "success" ? (results[0].result as number) : undefined;
  const state = stateValue === undefined ? (props.state ?? undefined) : proposalStateName(stateValue);
  // GovernorBravo answers the ETA as a field of proposals(id): readResult picks it.
  const etaValue = results?.[1]?.status === "success" ? (readResult(etaRead, results[1].result) as bigint) : undefined;
  const eta = etaValue !== undefined ? etaValue : props.eta ? BigInt(props.eta) : null;
  const waiting = state === "Queued" && eta !== null && eta > 0n;
  const latestTime = (block.data as { timestamp: bigint } | undefined)?.timestamp ?? BigInt(props.chainTime);
  const now = useChainNow(latestTime, waiting);

  const actions = lifecycleActions({
    state,
    hasTimelock: dao.timelock !== null,
    eta: eta === 0n ? null : eta,
    now,
    account: address,
    proposer,
    proposerCanCancel: adapter.proposerCanCancel,
  });
  if (actions.length === 0) return null;
  return (
    <Section id="next-step" title="Next step">
      <div className="flex flex-col gap-4">
        {actions.map((action) => (
          <LifecycleStep key={action.kind} action={action} dao={dao} proposalId={id} content={content} />
        ))}
      </div>
    </Section>
  );
}

function LifecycleStep({
  action,
  dao,
  proposalId,
  content,
}: {
  action: LifecycleAction;
  dao: WriteDao;
  proposalId: bigint;
  content: SerializedContent | null;
}) {
  if (action.kind === "waitForEta") return <EtaCountdown eta={action.eta} remaining={action.remaining} />;
  // Bravo-style governors queue and execute by id alone; OpenZeppelin's need the exact content.
  if (!content && !governorAdapter(dao).proposalsById) return <ContentUnknownNote kind={action.kind} />;
  const text = stepText[action.kind];
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p>{text.intro}</p>
      <WriteGate dao={dao} action={text.verb}>
        {() => <StepButton kind={action.kind} dao={dao} proposalId={proposalId} content={content} />}
      </WriteGate>
    </div>
  );
}

function StepButton({
  kind,
  dao,
  proposalId,
  content,
}: {
  kind: "queue" | "execute" | "cancel";
  dao: WriteDao;
  proposalId: bigint;
  content: SerializedContent | null;
}) {
  const tx = useTransaction({ dao });
  const [confirming, setConfirming] = useState(false);
  const text = stepText[kind];
  // Without content only id-based calls get here (LifecycleStep); they ignore the content.
  const proposal: ProposalContent = {
    targets: content?.targets ?? [],
    values: content?.values.map((value) => BigInt(value)) ?? [],
    calldatas: content?.calldatas ?? [],
    description: content?.description ?? "",
  };
  const send = () => {
    setConfirming(false);
    const adapter = governorAdapter(dao);
    const write: ContractWrite = adapter[kind](proposalId, proposal);
    void tx.send(write, { label: text.button });
  };
  // Compound's GovernorBravo and GovernorAlpha forward the actions' ETH from the caller.
  const forwarded = kind === "execute" ? (governorAdapter(dao).execute(proposalId, proposal).value ?? 0n) : 0n;
  return (
    <div className="flex flex-col gap-2">
      {forwarded > 0n ? (
        <p className="text-muted-foreground">
          Executing sends {formatTokenAmount(forwarded, 18, { maxFractionDigits: 18 })} ETH from your wallet with the
          call: this governor passes each action’s ETH to the timelock itself instead of spending the treasury’s.
        </p>
      ) : null}
      {kind === "cancel" && confirming ? (
        <fieldset className="flex flex-col gap-2 rounded-lg border border-border p-3">
          <legend className="px-1 font-medium">Cancel this proposal for good?</legend>
          <div className="flex flex-wrap gap-2">
            <Button variant="warning" onClick={send} disabled={tx.busy}>
              Yes, cancel the proposal
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        </fieldset>
      ) : (
        <Button
          variant={kind === "cancel" ? "secondary" : "primary"}
          className="w-full sm:w-auto sm:self-start"
          disabled={tx.busy || tx.state.status === "confirmed"}
          onClick={kind === "cancel" ? () => setConfirming(true) : send}
        >
          {tx.busy ? `${text.button}…` : text.button}
        </Button>
      )}
      <TransactionStatus tx={tx} explorerUrl={dao.explorerUrl} />
    </div>
  );
}
