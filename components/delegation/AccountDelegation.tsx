"use client";
/**
 * The "your account" view: the connected account's balance, current delegate and voting power
 * (live from the token), a warning when its tokens are not delegated (they count in no vote) with
 * a one-click "Delegate to yourself", and a form to delegate to any address, or an ENS name on
 * Ethereum mainnet. Everything is checked before the wallet opens: the field's content, and
 * whether the delegation would change anything. Uses wagmi: render it through
 * `AccountDelegationIsland`.
 */
import Link from "next/link";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { Address } from "viem";
import { useAccount, useEnsAddress } from "wagmi";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { TransactionStatus } from "@/components/web3/tx/TransactionStatus";
import { type Transaction, useTransaction } from "@/components/web3/tx/useTransaction";
import { WriteGate } from "@/components/web3/tx/WriteGate";
import { ensChainId } from "@/lib/chain/ensNames";
import { type AccountDelegation as Delegation, delegateCheck, standing } from "@/lib/delegation/delegationStatus";
import { parseDelegatee } from "@/lib/delegation/parseDelegatee";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { shortAddress } from "@/lib/format/shortAddress";
import { governorAdapter, type WriteDao } from "@/lib/governor/adapter";
import { DelegateName, DelegationFigures } from "./DelegationFigures";
import { type DelegationReads, useDelegationReads } from "./useDelegationReads";

export type AccountDelegationProps = { dao: WriteDao };

/** `value`, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function SelfButton({ dao, tx, value }: { dao: WriteDao; tx: Transaction; value: Delegation }) {
  const reasonId = useId();
  const check = delegateCheck(value, value.account, { targetLabel: "yourself", tokenSymbol: dao.tokenSymbol });
  const explanation = check.disabledReason ?? check.note;
  return (
    <div className="flex flex-col gap-1.5">
      <Button
        className="self-start"
        disabled={check.disabledReason !== null || tx.busy}
        aria-describedby={explanation ? reasonId : undefined}
        onClick={() => void tx.send(governorAdapter(dao).delegate(value.account), { label: "Delegate to yourself" })}
      >
        Delegate to yourself
      </Button>
      {explanation ? (
        <p id={reasonId} className="text-muted-foreground text-sm">
          {explanation}
        </p>
      ) : null}
    </div>
  );
}

function DelegateForm({ dao, tx, value }: { dao: WriteDao; tx: Transaction; value: Delegation | undefined }) {
  const ensAvailable = dao.chainId === ensChainId;
  const field = ensAvailable ? "Delegate address or ENS name" : "Delegate address";
  const inputId = useId();
  const messageId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  // Messages show once the field has been left or submitted, not while the first characters are typed.
  const [checked, setChecked] = useState(false);
  const parsed = parseDelegatee(text, { field, ensAvailable, chainName: dao.chainName });
  const ensName = useSettled(parsed.kind === "ens" ? parsed.name : undefined, 400);
  const ens = useEnsAddress({
    name: ensName,
    chainId: ensChainId,
    query: { enabled: ensAvailable && ensName !== undefined },
  });

  let target: Address | undefined;
  let message: string | null = null;
  let resolving = false;
  if (parsed.kind === "invalid") message = parsed.message;
  else if (parsed.kind === "address") target = parsed.address;
  else if (parsed.kind === "ens") {
    if (ensName !== parsed.name || ens.isPending) resolving = true;
    else if (ens.data) target = ens.data;
    else if (ens.isError) {
      const error = ens.error as { shortMessage?: string; message: string };
      message = `${field}: ${parsed.name} could not be looked up (${error.shortMessage ?? error.message}).`;
    } else message = `${field}: ${parsed.name} does not resolve to an address.`;
  }
  const name = parsed.kind === "ens" ? parsed.name : target ? shortAddress(target) : "";
  const check =
    value && target ? delegateCheck(value, target, { targetLabel: name, tokenSymbol: dao.tokenSymbol }) : undefined;
  const showMessage = checked && message !== null;
  const explanation = check?.disabledReason ?? check?.note ?? null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (parsed.kind === "empty") {
      inputRef.current?.focus();
      return;
    }
    if (message !== null || !target || resolving) {
      inputRef.current?.focus();
      return;
    }
    if (check?.disabledReason || tx.busy) return;
    void tx.send(governorAdapter(dao).delegate(target), { label: `Delegate to ${name}` });
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-2" aria-label="Delegate to an address">
      <label htmlFor={inputId} className="font-medium text-sm">
        {field}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={inputRef}
          id={inputId}
          name="delegatee"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => setChecked(text.trim() !== "")}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          inputMode="text"
          placeholder={ensAvailable ? "0x… or name.eth" : "0x…"}
          aria-invalid={showMessage || undefined}
          aria-describedby={[hintId, showMessage ? messageId : null].filter(Boolean).join(" ")}
          className="h-10 w-full min-w-0 rounded-lg sm:flex-1 border border-border bg-card px-3 font-mono text-sm placeholder:font-sans aria-invalid:border-rose-500"
        />
        <Button type="submit" disabled={tx.busy || resolving || Boolean(check?.disabledReason)}>
          {resolving ? "Resolving…" : "Delegate"}
        </Button>
      </div>
      <p id={hintId} className="text-muted-foreground text-xs">
        {ensAvailable
          ? "An address (0x followed by 40 hex digits) or an ENS name."
          : `An address: 0x followed by 40 hex digits. ENS names are not available on ${dao.chainName}.`}
      </p>
      {showMessage ? (
        <p id={messageId} role="alert" className="text-rose-700 text-sm dark:text-rose-300">
          {message}
        </p>
      ) : null}
      {parsed.kind === "ens" && target ? (
        <p className="break-all text-muted-foreground text-sm">
          {parsed.name} resolves to <span className="font-mono">{target}</span>.
        </p>
      ) : null}
      {explanation ? <p className="text-muted-foreground text-sm">{explanation}</p> : null}
    </form>
  );
}

function Writes({ dao, account, reads }: { dao: WriteDao; account: Address; reads: DelegationReads }) {
  const tx = useTransaction({ dao });
  const value = reads.status === "ready" && reads.value.account === account ? reads.value : undefined;
  const current = value ? standing(value) : undefined;
  const amount = (raw: bigint) => `${formatTokenAmount(raw, dao.tokenDecimals)} ${dao.tokenSymbol}`;
  return (
    <div className="flex flex-col gap-6">
      {value && current?.kind === "undelegated" ? (
        <Alert tone="warning" title="Your tokens are not counted">
          <p>
            You hold {amount(value.balance)} but have not delegated them, so they count in no vote — not even yours.
            Delegate to yourself to vote with them, or to someone you trust to vote for you.
          </p>
          <div className="mt-3">
            <SelfButton dao={dao} tx={tx} value={value} />
          </div>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Change your delegate</CardTitle>
          <p className="text-muted-foreground text-sm">
            Your tokens stay in your wallet; only the votes they carry move. You can change this at any time.
          </p>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {value && current?.kind !== "undelegated" ? <SelfButton dao={dao} tx={tx} value={value} /> : null}
          <DelegateForm dao={dao} tx={tx} value={value} />
          <p className="text-sm">
            Or pick someone from the{" "}
            <Link href={`/${dao.slug}/delegates`} className="text-accent underline">
              delegates directory
            </Link>
            .
          </p>
          <TransactionStatus tx={tx} explorerUrl={dao.explorerUrl} />
        </CardContent>
      </Card>
    </div>
  );
}

/** @example <AccountDelegation dao={writeDaoOf(config, dao)} /> */
export function AccountDelegation({ dao }: AccountDelegationProps) {
  const { address } = useAccount();
  const reads = useDelegationReads(dao, address);
  const value = reads.status === "ready" ? reads.value : undefined;
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="account-figures">
        <Card>
          <CardHeader>
            <CardTitle id="account-figures">Your delegation</CardTitle>
            {address ? (
              <p className="break-all font-mono text-muted-foreground text-sm" title={address}>
                {address}
              </p>
            ) : null}
          </CardHeader>
          <CardContent>
            {address ? (
              <>
                <DelegationFigures dao={dao} value={value} />
                {value && value.delegate !== null ? (
                  <p className="mt-4 text-muted-foreground text-sm">
                    Your tokens’ votes count for <DelegateName dao={dao} value={value} />.
                  </p>
                ) : null}
                {reads.status === "error" ? (
                  <p role="alert" className="mt-4 text-rose-700 text-sm dark:text-rose-300">
                    Your figures could not be read from the chain ({reads.message}).{" "}
                    <Button size="sm" variant="ghost" className="h-auto px-1 underline" onClick={reads.retry}>
                      Try again
                    </Button>
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-muted-foreground text-sm">
                Connect a wallet to see your balance, your delegate and your voting power.
              </p>
            )}
          </CardContent>
        </Card>
      </section>
      <WriteGate dao={dao} action="delegate">
        {(account) => <Writes dao={dao} account={account} reads={reads} />}
      </WriteGate>
    </div>
  );
}
