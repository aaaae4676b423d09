/**
 * An address with everything a reader may want to check it: its picture (ENS avatar or
 * identicon), its name when known (a configured label, or a verified ENS name), the checksummed
 * address (whole or shortened, the full one always in the title), a copy button and a link to the
 * DAO's block explorer when it has one.
 */
import { SafeText } from "@/components/markdown/SafeText";
import { CopyButton } from "@/components/proposals/CopyButton";
import { cn } from "@/lib/format/cn";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { shortAddress } from "@/lib/format/shortAddress";
import { AccountPicture } from "./AccountName";

export type AddressViewProps = {
  address: string;
  /** A configured or known label ("Timelock (treasury)"): trusted text from the config or the app. */
  label?: string | undefined;
  /** A verified ENS name (untrusted text), shown when there is no label. */
  name?: string | undefined;
  /** An avatar safe to load (lib/format/ensAvatar), else the identicon is shown. */
  avatar?: string | null | undefined;
  explorer?: string | undefined;
  /** Show all 42 characters (actions: the reader may compare them) or a short form. */
  full?: boolean;
  className?: string;
};

/** @example <AddressView address={action.target} label="Timelock (treasury)" explorer={config.explorerUrl} full /> */
export function AddressView({ address, label, name, avatar, explorer, full, className }: AddressViewProps) {
  const href = explorerUrl(explorer, { address });
  return (
    <span className={cn("inline-flex min-w-0 max-w-full flex-wrap items-center gap-x-1.5 gap-y-1", className)}>
      <AccountPicture address={address} avatar={avatar} />
      {label ? (
        <span className="font-medium [overflow-wrap:anywhere]">{label}</span>
      ) : name ? (
        <SafeText className="font-medium">{name}</SafeText>
      ) : null}
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
