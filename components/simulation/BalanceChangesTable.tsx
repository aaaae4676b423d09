/**
 * Every balance a simulated execution changes: the treasury's for each asset touched, and anyone
 * else's that moved, before → after with the difference, exact to the last decimal.
 */
import type { Address } from "viem";
import { assetIn, formatAssetAmount } from "@/lib/simulation/assets";
import type { BalanceChange, SimulatedAsset } from "@/lib/simulation/types";

export type BalanceChangesTableProps = {
  changes: readonly BalanceChange[];
  assets: readonly SimulatedAsset[];
  name: (address: Address) => string;
};

/** @example <BalanceChangesTable changes={report.balanceChanges} assets={report.assets} name={name} /> */
export function BalanceChangesTable({ changes, assets, name }: BalanceChangesTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm" aria-label="Balance changes">
        <thead className="text-muted-foreground text-xs">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Account
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Before
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              After
            </th>
            <th scope="col" className="py-1 font-medium">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => {
            const asset = assetIn(assets, change.asset) ?? { symbol: "?", decimals: 0 };
            const before = BigInt(change.before);
            const after = BigInt(change.after);
            const delta = after - before;
            return (
              <tr
                key={`${change.holder}:${change.asset}`}
                className="border-border border-t align-top"
                data-holder={change.holder}
                data-asset={change.asset}
              >
                <th scope="row" className="py-1.5 pr-3 font-normal [overflow-wrap:anywhere]">
                  {change.isTreasury ? "Treasury: " : ""}
                  {name(change.holder)}
                </th>
                <td className="py-1.5 pr-3 tabular-nums">{formatAssetAmount(before, asset)}</td>
                <td className="py-1.5 pr-3 tabular-nums">{formatAssetAmount(after, asset)}</td>
                <td
                  className={
                    delta < 0n
                      ? "py-1.5 text-rose-700 tabular-nums dark:text-rose-300"
                      : delta > 0n
                        ? "py-1.5 text-emerald-700 tabular-nums dark:text-emerald-300"
                        : "py-1.5 text-muted-foreground tabular-nums"
                  }
                >
                  {delta === 0n
                    ? "unchanged"
                    : `${delta < 0n ? "−" : "+"}${formatAssetAmount(delta < 0n ? -delta : delta, asset)}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
