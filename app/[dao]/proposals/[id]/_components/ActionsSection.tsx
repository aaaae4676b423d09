/**
 * What the proposal does when executed: each action's target (named when it is one of the DAO's
 * contracts, a configured label or a token), the ETH it sends, the function and its arguments
 * decoded with known ABIs (and, when the config names a Sourcify server, the target's verified
 * source), and the raw calldata on demand. A call no known ABI describes is
 * labelled "Not decoded" and shown raw.
 */

import { AddressView } from "@/components/address/AddressView";
import { Badge } from "@/components/ui/badge";
import type { DecodedAction } from "@/lib/actions/decodeAction";
import { type FormatContext, formatArguments } from "@/lib/actions/formatArguments";
import { summarizeAction } from "@/lib/actions/summarizeAction";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { ArgumentList } from "./ArgumentValue";
import { Section } from "./Section";

export type ActionsSectionProps = {
  actions: DecodedAction[];
  context: FormatContext;
  nativeSymbol: string;
  explorer?: string;
};

const sourceNote: Record<string, string> = {
  governor: "decoded with the governor’s ABI",
  timelock: "decoded with the timelock’s ABI",
  token: "decoded with the governance token’s ABI",
  verified: "decoded with the contract’s verified source (Sourcify)",
  erc20: "decoded with the standard ERC-20 interface",
  erc721: "decoded with the standard ERC-721 interface",
  signature: "decoded from the action’s signature",
};

function Action({
  action,
  index,
  count,
  context,
  nativeSymbol,
  explorer,
}: { action: DecodedAction; index: number; count: number } & Omit<ActionsSectionProps, "actions">) {
  const { call } = action;
  const label = context.labels.get(action.target.toLowerCase());
  const value = `${formatTokenAmount(action.value, 18, { maxFractionDigits: 18 })} ${nativeSymbol}`;
  const args = formatArguments(action, context);
  const summary = summarizeAction(action, args, {
    value,
    target: label ? `${label} (${action.target})` : action.target,
  });
  return (
    <li className="flex min-w-0 flex-col gap-3 rounded-lg border border-border p-3 sm:p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-sm">
          Action {index + 1}
          {count > 1 ? <span className="text-muted-foreground"> of {count}</span> : null}
        </h3>
        {call.kind === "unknown" ? <Badge variant="warning">Not decoded</Badge> : null}
      </div>
      {summary ? <p className="font-medium text-sm [overflow-wrap:anywhere]">{summary}</p> : null}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[7rem_1fr]">
        <dt className="text-muted-foreground">Target</dt>
        <dd className="min-w-0">
          <AddressView address={action.target} label={label} explorer={explorer} full />
        </dd>
        {action.value > 0n || call.kind === "none" ? (
          <>
            <dt className="text-muted-foreground">Sends</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">Call</dt>
        <dd className="min-w-0">
          {call.kind === "none" ? (
            <span className="text-muted-foreground">No function call (plain transfer)</span>
          ) : call.kind === "decoded" ? (
            <span className="flex flex-col gap-0.5">
              <code className="break-all font-mono text-[0.8125rem]">{call.signature}</code>
              <span className="text-muted-foreground text-xs">
                {sourceNote[call.source]} · selector <span className="font-mono">{call.selector}</span>
              </span>
            </span>
          ) : (
            <span className="flex flex-col gap-0.5">
              <span>
                Not decoded
                {call.selector ? (
                  <>
                    {" "}
                    — selector <code className="font-mono text-[0.8125rem]">{call.selector}</code>
                  </>
                ) : null}
              </span>
              <span className="text-muted-foreground text-xs">
                Not decoded: {call.reason}. Check the raw calldata below.
              </span>
            </span>
          )}
        </dd>
      </dl>
      {call.kind === "decoded" ? (
        <div className="min-w-0">
          <ArgumentList args={args} explorer={explorer} />
          {call.exact ? null : (
            <p className="mt-2 text-amber-800 text-xs dark:text-amber-300">
              The calldata does not re-encode exactly from these arguments (extra or non-standard bytes): check it raw.
            </p>
          )}
        </div>
      ) : null}
      {action.signature.trim() !== "" ? (
        <p className="text-muted-foreground text-xs">
          Signature given with the action: <code className="break-all font-mono">{action.signature}</code>
        </p>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground hover:text-foreground">
          Raw calldata ({Math.max(0, (action.calldata.length - 2) / 2).toLocaleString("en-US")} bytes)
        </summary>
        <code className="mt-2 block max-h-64 overflow-auto break-all rounded-md bg-muted p-2 font-mono text-xs">
          {action.calldata}
        </code>
      </details>
    </li>
  );
}

/** @example <ActionsSection actions={decoded} context={context} nativeSymbol="ETH" /> */
export function ActionsSection({ actions, context, nativeSymbol, explorer }: ActionsSectionProps) {
  return (
    <Section id="actions" title="Actions" aside={`${actions.length} ${actions.length === 1 ? "action" : "actions"}`}>
      {actions.length === 0 ? (
        <p className="text-muted-foreground text-sm">This proposal has no actions.</p>
      ) : (
        <ol aria-label="Actions" className="flex flex-col gap-3">
          {actions.map((action, index) => (
            <Action
              // biome-ignore lint/suspicious/noArrayIndexKey: actions run in this order; the index is their identity.
              key={index}
              action={action}
              index={index}
              count={actions.length}
              context={context}
              nativeSymbol={nativeSymbol}
              explorer={explorer}
            />
          ))}
        </ol>
      )}
    </Section>
  );
}
