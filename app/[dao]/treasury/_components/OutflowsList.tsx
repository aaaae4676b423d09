/**
 * What executed proposals paid out of the treasury: per proposal (linking to its page), each
 * native-coin transfer and decoded ERC20 transfer with amount, asset and recipient.
 */
import Link from "next/link";
import type { Address } from "viem";
import { Identicon } from "@/components/address/Identicon";
import { RevealedText } from "@/components/ui/RevealedText";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { shortAddress } from "@/lib/format/shortAddress";
import type { Outflow } from "@/lib/treasury/proposalOutflows";

export type TokenInfo = { symbol: string; decimals: number };

export type ProposalOutflows = {
  id: string;
  title: string;
  executedBlock: string | null;
  executedTx: string | null;
  outflows: Outflow[];
};

export type OutflowsListProps = {
  slug: string;
  proposals: ProposalOutflows[];
  native: TokenInfo;
  tokens: Map<string, TokenInfo>;
  names: Map<string, string>;
  explorer: string | undefined;
};

function Amount({ outflow, native, tokens }: { outflow: Outflow; native: TokenInfo; tokens: Map<string, TokenInfo> }) {
  if (outflow.kind === "native") return <>{`${formatTokenAmount(outflow.amount, native.decimals)} ${native.symbol}`}</>;
  const token = tokens.get(outflow.token.toLowerCase());
  if (!token) {
    return (
      <>
        {outflow.amount.toString()} <span className="text-muted-foreground">base units of</span>{" "}
        <span className="font-mono">{shortAddress(outflow.token)}</span>
      </>
    );
  }
  return (
    <>
      {formatTokenAmount(outflow.amount, token.decimals)} <RevealedText text={token.symbol} />
    </>
  );
}

function Recipient({ address, names }: { address: Address; names: Map<string, string> }) {
  const name = names.get(address.toLowerCase());
  return (
    <span
      title={address}
      className={name ? "inline-flex items-center gap-1.5" : "inline-flex items-center gap-1.5 font-mono"}
    >
      <Identicon address={address} className="size-4" />
      {name ? <RevealedText text={name} /> : shortAddress(address)}
    </span>
  );
}

/** @example <OutflowsList slug="demo" proposals={rows} native={{ symbol: "ETH", decimals: 18 }} tokens={tokens} names={names} explorer={undefined} /> */
export function OutflowsList({ slug, proposals, native, tokens, names, explorer }: OutflowsListProps) {
  return (
    <ul aria-label="Outflows" className="flex flex-col gap-3">
      {proposals.map((proposal) => {
        const txLink = proposal.executedTx ? explorerUrl(explorer, { tx: proposal.executedTx }) : undefined;
        return (
          <li key={proposal.id} className="rounded-xl border border-border bg-card px-4 py-3 shadow-xs">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <Link
                href={`/${slug}/proposals/${proposal.id}`}
                className="min-w-0 break-words font-medium hover:underline"
              >
                {proposal.title}
              </Link>
              {proposal.executedBlock ? (
                <span className="text-muted-foreground text-xs">
                  Executed in block{" "}
                  {txLink ? (
                    <a href={txLink} rel="noopener noreferrer" target="_blank" className="underline">
                      {proposal.executedBlock}
                    </a>
                  ) : (
                    proposal.executedBlock
                  )}
                </span>
              ) : null}
            </div>
            <table className="mt-2 w-full text-sm">
              <caption className="sr-only">Transfers executed by “{proposal.title}”</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">Amount</th>
                  <th scope="col">Recipient</th>
                </tr>
              </thead>
              <tbody>
                {proposal.outflows.map((outflow) => (
                  <tr key={`${outflow.actionIndex}:${outflow.kind}`} className="border-border border-t first:border-0">
                    <td className="break-all py-1.5 pr-3 tabular-nums">
                      <Amount outflow={outflow} native={native} tokens={tokens} />
                    </td>
                    <td className="whitespace-nowrap py-1.5 text-right align-top text-muted-foreground">
                      <span aria-hidden="true">→ </span>
                      <Recipient address={outflow.to} names={names} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        );
      })}
    </ul>
  );
}
