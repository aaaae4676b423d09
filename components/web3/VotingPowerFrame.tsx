/**
 * How "Voting power: 1,234 COMM" looks in the header, without any wallet code: `VotingPower` fills
 * it from the chain, and the server renders it with "…" when the wagmi cookie says a wallet is
 * connected, so the header does not jump when the wallet stack arrives.
 */
import Link from "next/link";
import { cn } from "@/lib/format/cn";

export type VotingPowerFrameProps = {
  text: string;
  title?: string;
  busy?: boolean;
  /** Where "Voting power" leads: the account view, where it can be changed by delegating. */
  href?: string;
  className?: string;
};

/** @example <VotingPowerFrame text="…" busy /> */
export function VotingPowerFrame({ text, title, busy, href, className }: VotingPowerFrameProps) {
  return (
    <p className={cn("flex min-w-0 items-baseline gap-2 text-sm", className)}>
      {href ? (
        <Link href={href} className="text-muted-foreground underline-offset-2 hover:text-foreground hover:underline">
          Voting power
        </Link>
      ) : (
        <span className="text-muted-foreground">Voting power</span>
      )}
      <output
        aria-label="Your voting power"
        aria-busy={busy}
        title={title}
        className="truncate font-medium tabular-nums"
      >
        {text}
      </output>
    </p>
  );
}
