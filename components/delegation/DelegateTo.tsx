"use client";
/**
 * "Delegate to <name>": one button that moves the connected account's votes to a given address
 * (a delegate's page, the directory's dialog), with the account's balance, current delegate and
 * voting power next to it. Disabled with the reason when the votes already go there; says so when
 * the account holds no tokens (allowed: it takes effect for tokens received later). The
 * transaction goes through the shared flow (simulate → wallet → receipt → refresh). Uses wagmi:
 * render it through `DelegateToIsland`.
 */
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import { type Address, isAddressEqual } from "viem";
import { Button, buttonClass } from "@/components/ui/button";
import { TransactionStatus } from "@/components/web3/tx/TransactionStatus";
import { useTransaction } from "@/components/web3/tx/useTransaction";
import { WriteGate } from "@/components/web3/tx/WriteGate";
import { delegateCheck } from "@/lib/delegation/delegationStatus";
import { cn } from "@/lib/format/cn";
import { shortAddress } from "@/lib/format/shortAddress";
import { governorAdapter, type WriteDao } from "@/lib/governor/adapter";
import { DelegationFigures } from "./DelegationFigures";
import { forgetDelegationIntent, hasDelegationIntent } from "./delegationIntent";
import { useDelegationReads } from "./useDelegationReads";

export type DelegateToProps = {
  dao: WriteDao;
  target: Address;
  /** A label or ENS name for the target; its short address otherwise. */
  targetName?: string;
  className?: string;
};

type AccountProps = DelegateToProps & {
  account: Address;
  /** Set when the reader clicked the fallback button: focus the button once it can act. */
  focusRequest: RefObject<boolean>;
};

function DelegateToAccount({ dao, account, target, targetName, focusRequest }: AccountProps) {
  const reads = useDelegationReads(dao, account);
  const tx = useTransaction({ dao });
  const reasonId = useId();
  const toSelf = isAddressEqual(account, target);
  const name = targetName ?? shortAddress(target);
  const label = toSelf ? "Delegate to yourself" : `Delegate to ${name}`;
  const value = reads.status === "ready" ? reads.value : undefined;
  const check = value
    ? delegateCheck(value, target, { targetLabel: toSelf ? "yourself" : name, tokenSymbol: dao.tokenSymbol })
    : undefined;
  const disabled = !check || check.disabledReason !== null || tx.busy;
  const explanation = check?.disabledReason ?? check?.note ?? null;
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (disabled || !focusRequest.current) return;
    focusRequest.current = false;
    buttonRef.current?.focus();
  }, [disabled, focusRequest]);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2">
        <button
          ref={buttonRef}
          type="button"
          className={buttonClass({ className: "self-start" })}
          disabled={disabled}
          aria-describedby={explanation ? reasonId : undefined}
          onClick={() => void tx.send(governorAdapter(dao).delegate(target), { label })}
        >
          {tx.busy ? "Delegating…" : label}
        </button>
        {explanation ? (
          <p id={reasonId} className="text-muted-foreground text-sm">
            {explanation}
          </p>
        ) : null}
        {reads.status === "error" ? (
          <p role="alert" className="text-rose-700 text-sm dark:text-rose-300">
            Your balance and delegate could not be read from the chain ({reads.message}).{" "}
            <Button size="sm" variant="ghost" className="h-auto px-1 underline" onClick={reads.retry}>
              Try again
            </Button>
          </p>
        ) : null}
        <TransactionStatus tx={tx} explorerUrl={dao.explorerUrl} />
      </div>
      <section aria-label="Your delegation" className="rounded-lg bg-muted px-3 py-2.5 text-sm">
        <DelegationFigures dao={dao} value={value} />
      </section>
    </div>
  );
}

/** @example <DelegateTo dao={dao} target="0x7099…79C8" targetName="Lina" /> */
export function DelegateTo(props: DelegateToProps) {
  const { dao, target, className } = props;
  // A click on the fallback button before this code loaded: the reader asked to delegate here, so
  // the focus goes to this button as soon as it can act (after connecting, switching, reading).
  const [asked] = useState(() => hasDelegationIntent(target));
  const focusRequest = useRef(asked);
  useEffect(() => {
    if (asked) forgetDelegationIntent();
  }, [asked]);
  return (
    <div className={cn("flex flex-col gap-3", className)}>
      <WriteGate dao={dao} action="delegate">
        {(account) => <DelegateToAccount {...props} account={account} focusRequest={focusRequest} />}
      </WriteGate>
    </div>
  );
}
