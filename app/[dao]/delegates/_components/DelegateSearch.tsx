/** A plain GET form searching delegates by address prefix (and ENS name on mainnet); works without JavaScript. */
import { cn } from "@/lib/format/cn";

export function DelegateSearch({ q, ens, className }: { q: string; ens: boolean; className?: string }) {
  return (
    <search className={cn("flex", className)}>
      <form method="get" className="w-full">
        <label htmlFor="delegate-search" className="sr-only">
          Search delegates
        </label>
        <input
          id="delegate-search"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          placeholder={ens ? "Address or ENS name" : "Address (0x…)"}
          className="h-10 w-full rounded-lg border border-border bg-card px-3 text-sm placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-accent"
        />
      </form>
    </search>
  );
}
