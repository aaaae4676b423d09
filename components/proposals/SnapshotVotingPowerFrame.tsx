/**
 * How "Your voting power at the snapshot" looks, without wallet code: the server renders it as the
 * island's fallback ("…" when the wagmi cookie says a wallet is connected, a hint otherwise) and
 * `SnapshotVotingPower` fills it in, so nothing jumps when the wallet stack arrives.
 */

export type SnapshotVotingPowerFrameProps = {
  /** null: no wallet connected. */
  text: string | null;
  note?: string;
  title?: string;
  busy?: boolean;
};

/** @example <SnapshotVotingPowerFrame text="…" busy /> */
export function SnapshotVotingPowerFrame({ text, note, title, busy }: SnapshotVotingPowerFrameProps) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
      <span className="text-muted-foreground">Your voting power at the snapshot</span>
      {text === null ? (
        <span className="text-muted-foreground">Connect a wallet to see it</span>
      ) : (
        <output
          aria-label="Your voting power at the snapshot"
          aria-busy={busy}
          title={title}
          className="font-medium tabular-nums"
        >
          {text}
          {note ? <span className="ml-1 font-normal text-muted-foreground text-xs">({note})</span> : null}
        </output>
      )}
    </div>
  );
}
