/**
 * How a person's address reads in lists, links and headers: their picture (the ENS avatar when one
 * can be shown safely, else the address's identicon) beside their name (a configured label, or a
 * verified ENS name) or, without one, the short address. The full address is in the title.
 * Server-renderable; names are untrusted text (SafeText shows hidden characters).
 */
import { SafeText } from "@/components/markdown/SafeText";
import { cn } from "@/lib/format/cn";
import { shortAddress } from "@/lib/format/shortAddress";
import { Identicon } from "./Identicon";

export type AccountNameProps = {
  address: string;
  /** A configured label or a verified ENS name. */
  name?: string | undefined;
  /** An avatar URL safe to load (lib/format/ensAvatar's `avatarSource`), if any. */
  avatar?: string | null | undefined;
  className?: string;
  /** Classes of the picture (size). */
  pictureClassName?: string;
};

/** The avatar when there is one, else the identicon. */
export function AccountPicture({
  address,
  avatar,
  className,
}: Pick<AccountNameProps, "address" | "avatar" | "className">) {
  if (avatar) {
    return (
      // biome-ignore lint/performance/noImgElement: a 20-pixel avatar from our own origin or a data: URL; next/image would only add a round trip.
      <img
        src={avatar}
        alt=""
        width={20}
        height={20}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        className={cn("size-5 shrink-0 rounded-full object-cover", className)}
      />
    );
  }
  return <Identicon address={address} className={className} />;
}

/** @example <AccountName address={delegate.address} name={ens.get(delegate.address.toLowerCase())?.name} /> */
export function AccountName({ address, name, avatar, className, pictureClassName }: AccountNameProps) {
  return (
    <span className={cn("inline-flex min-w-0 max-w-full items-center gap-1.5 align-middle", className)} title={address}>
      <AccountPicture address={address} avatar={avatar} className={pictureClassName} />
      {name ? (
        <SafeText className="min-w-0 truncate whitespace-nowrap">{name}</SafeText>
      ) : (
        <span className="truncate font-mono">{shortAddress(address)}</span>
      )}
    </span>
  );
}
