/**
 * A chart's data as a table, behind a disclosure (open for screen readers and keyboards alike),
 * with the CSV download of the same table. Cells are plain strings: React escapes them.
 */
import type { ReactNode } from "react";

export type DataTableProps = {
  caption: string;
  columns: readonly { label: string; numeric?: boolean }[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  csvHref: string;
  csvLabel: string;
};

/** @example <DataTable caption="Turnout per proposal" columns={[{ label: "Proposal" }]} rows={rows} csvHref="…" csvLabel="…" /> */
export function DataTable({ caption, columns, rows, csvHref, csvLabel }: DataTableProps) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <details>
        <summary className="cursor-pointer font-medium text-accent">Show the data as a table</summary>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="border-border border-b text-muted-foreground text-xs">
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.label}
                    scope="col"
                    className={`whitespace-nowrap py-2 pr-3 font-medium ${column.numeric ? "text-right" : ""}`}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-border border-b last:border-0">
                  {row.cells.map((cell, index) => (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, one per column.
                      key={index}
                      className={`py-2 pr-3 ${columns[index]?.numeric ? "whitespace-nowrap text-right tabular-nums" : ""}`}
                    >
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <a href={csvHref} download className="self-start font-medium text-accent underline">
        {csvLabel}
      </a>
    </div>
  );
}
