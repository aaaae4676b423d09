/**
 * An address as the proposal page shows it: its name when known, the checksummed address (whole
 * or shortened, the full one always in the title), a copy button and an explorer link when the
 * DAO config names an explorer.
 */
import { CopyButton } from "@/components/proposals/CopyButton";
import { cn } from "@/lib/format/cn";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { shortAddress } from "@/lib/format/shortAddress";

export type AddressViewProps = {
  address: string;
  label?: string;
  explorer?: string;
  /** Show all 42 characters (actions: the reader may compare them) or a short form. */
  full?: boolean;
  className?: string;
};

/** @example <AddressView address={action.target} label="Timelock (treasury)" explorer={config.explorerUrl} full /> */
export function AddressView({ address, label, explorer, full, className }: AddressViewProps) {
  const href = explorerUrl(explorer, { address });
  return (
    <span className={cn("inline-flex min-w-0 max-w-full flex-wrap items-center gap-x-1.5 gap-y-1", className)}>
      {label ? <span className="font-medium [overflow-wrap:anywhere]">{label}</span> : null}
      <span className={cn("font-mono text-[0.8125rem]", full && "break-all")} title={address}>
        {full ? address : shortAddress(address)}
      </span>
      <CopyButton value={address} label={`address ${address}`} />
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          className="text-accent text-xs underline underline-offset-2"
          aria-label={`View ${address} on the block explorer`}
        >
          Explorer
        </a>
      ) : null}
    </span>
  );
}
