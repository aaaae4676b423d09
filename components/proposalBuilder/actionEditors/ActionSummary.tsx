/** What the finished action does, and whether the treasury can pay for it today. */
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { describeAction } from "@/lib/proposals/builder/describeAction";
import type { ActionEditorProps } from "./DraftTextField";

/** @example <ActionSummary {...props} /> */
export function ActionSummary({ draft, result, context, describeContext, treasuryEth }: ActionEditorProps) {
  if (!result.ok)
    return <p className="text-muted-foreground text-sm">Complete the fields to see what this action does.</p>;
  const { action } = result;
  let warning: string | null = null;
  if (draft.kind === "eth" && treasuryEth !== null && action.value > treasuryEth) {
    warning = `The treasury holds only ${formatTokenAmount(treasuryEth, context.native.decimals)} ${context.native.symbol} now.`;
  }
  if (draft.kind === "erc20") {
    const token = context.tokens.find((candidate) => candidate.address === action.target);
    // transfer(to, amount): the amount is the calldata's last 32 bytes.
    const amount = BigInt(`0x${action.calldata.slice(-64)}`);
    if (token && BigInt(token.balance) < amount) {
      warning = `The treasury holds only ${formatTokenAmount(BigInt(token.balance), token.decimals)} ${token.symbol} now.`;
    }
  }
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p data-action-summary>
        <span className="font-medium">Does: </span>
        <span className="[overflow-wrap:anywhere]">{describeAction(action, describeContext)}</span>
      </p>
      {warning ? <p className="text-amber-800 dark:text-amber-300">{warning}</p> : null}
    </div>
  );
}
