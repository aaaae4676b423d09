/**
 * One formatted call argument (lib/actions/formatArguments), drawn by kind; arrays and tuples
 * recurse. Strings come from the proposer and are shown as safe text.
 */

import { AddressView } from "@/components/address/AddressView";
import { SafeText } from "@/components/markdown/SafeText";
import type { FormattedArgument, FormattedValue } from "@/lib/actions/formatArguments";

const longBytes = 64;

export function ArgumentValue({ value, explorer }: { value: FormattedValue; explorer?: string }) {
  switch (value.kind) {
    case "address":
      return <AddressView address={value.address} label={value.label} explorer={explorer} full />;
    case "amount":
      return (
        <span className="font-medium tabular-nums" title={`${value.raw} base units`}>
          {value.text}
        </span>
      );
    case "number":
      return <span className="font-mono text-[0.8125rem] [overflow-wrap:anywhere]">{value.text}</span>;
    case "bool":
      return <span className="font-mono text-[0.8125rem]">{String(value.value)}</span>;
    case "bytes":
      if (value.size === 0) return <span className="font-mono text-[0.8125rem] text-muted-foreground">0x (empty)</span>;
      if (value.size <= longBytes) return <code className="break-all font-mono text-[0.8125rem]">{value.hex}</code>;
      return (
        <details>
          <summary className="cursor-pointer text-sm">{value.size.toLocaleString("en-US")} bytes</summary>
          <code className="mt-1 block break-all font-mono text-xs">{value.hex}</code>
        </details>
      );
    case "string":
      return (
        <span>
          “<SafeText>{value.text}</SafeText>”
        </span>
      );
    case "list":
      return value.items.length === 0 ? (
        <span className="text-muted-foreground">[] (empty)</span>
      ) : (
        <ol className="flex list-decimal flex-col gap-1 pl-6 marker:text-muted-foreground" start={0}>
          {value.items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: decoded values in their on-chain order, never reordered.
            <li key={index}>
              <ArgumentValue value={item} explorer={explorer} />
            </li>
          ))}
        </ol>
      );
    case "tuple":
      return <ArgumentList args={value.fields} explorer={explorer} />;
  }
}

/** A call's arguments as a definition list: name and type, then the value. */
export function ArgumentList({ args, explorer }: { args: FormattedArgument[]; explorer?: string }) {
  if (args.length === 0) return <p className="text-muted-foreground text-sm">No arguments.</p>;
  return (
    <dl className="flex flex-col gap-2 border-border border-l-2 pl-3">
      {args.map((arg, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: arguments in ABI order, never reordered.
        <div key={index} className="min-w-0">
          <dt className="text-muted-foreground text-xs">
            <SafeText>{arg.name || `#${index}`}</SafeText> <span className="font-mono">({arg.type})</span>
          </dt>
          <dd className="mt-0.5 min-w-0 text-sm">
            <ArgumentValue value={arg.value} explorer={explorer} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
