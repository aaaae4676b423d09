/**
 * The treasury's balances: the native coin, the governance token, then other ERC20s with a
 * balance. Tokens nobody vouched for (not the governance token, not labelled in the DAO config,
 * never spent by a proposal) are marked: anyone can send a treasury tokens, with any name.
 */
import { Identicon } from "@/components/address/Identicon";
import { Badge } from "@/components/ui/badge";
import { InfoTip } from "@/components/ui/InfoTip";
import { RevealedText } from "@/components/ui/RevealedText";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { formatTokenAmount } from "@/lib/format/formatTokenAmount";
import { shortAddress } from "@/lib/format/shortAddress";

export type BalanceRow = {
  key: string;
  symbol: string;
  name: string | undefined;
  /** Undefined for the native coin. */
  address: string | undefined;
  balance: bigint;
  decimals: number;
  unverified: boolean;
};

function AssetCell({ row, explorer }: { row: BalanceRow; explorer: string | undefined }) {
  const link = row.address ? explorerUrl(explorer, { address: row.address }) : undefined;
  return (
    <th scope="row" className="px-3 py-3 text-left font-normal">
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {row.address ? <Identicon address={row.address} className="size-4" /> : null}
        <RevealedText text={row.symbol} className="font-semibold" />
        {row.unverified ? <Badge variant="warning">Unverified</Badge> : null}
      </span>
      <span className="mt-0.5 block text-muted-foreground text-xs">
        {row.name ? <RevealedText text={row.name} /> : null}
        {row.address ? (
          <>
            {row.name ? " · " : null}
            {link ? (
              <a
                href={link}
                rel="noopener noreferrer"
                target="_blank"
                className="font-mono underline"
                title={row.address}
              >
                {shortAddress(row.address)}
              </a>
            ) : (
              <span className="font-mono" title={row.address}>
                {shortAddress(row.address)}
              </span>
            )}
          </>
        ) : null}
      </span>
    </th>
  );
}

/** @example <BalancesTable rows={rows} caption="Balances" explorer={config.explorerUrl} /> */
export function BalancesTable({
  rows,
  caption,
  explorer,
}: {
  rows: BalanceRow[];
  caption: string;
  explorer: string | undefined;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-card shadow-xs">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-border border-b text-left text-muted-foreground text-xs uppercase tracking-wide">
          <tr>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Asset
            </th>
            <th scope="col" className="px-3 py-2.5 text-right font-medium">
              <span className="inline-flex items-center gap-1">
                Balance
                <InfoTip
                  id={`${caption.replace(/\W+/g, "-").toLowerCase()}-tip`}
                  label="Where balances come from"
                  align="end"
                >
                  Read live from the chain in one multicall: the native balance through Multicall3’s getEthBalance, each
                  token’s balanceOf(treasury). Unverified tokens were sent to the treasury by someone; their name and
                  symbol are whatever their contract says.
                </InfoTip>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-border border-b last:border-0">
              <AssetCell row={row} explorer={explorer} />
              <td className="whitespace-nowrap px-3 py-3 text-right align-top tabular-nums">
                {formatTokenAmount(row.balance, row.decimals)} <RevealedText text={row.symbol} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
