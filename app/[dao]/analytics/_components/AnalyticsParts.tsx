/** Small pieces of the analytics page: a headline figure, an empty-state note, a link to a proposal. */
import Link from "next/link";
import { shortProposalId } from "@/lib/format/shortProposalId";

/** One headline figure with what it means. */
export function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-xl border border-border px-4 py-3">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="mt-1 font-semibold text-2xl tabular-nums">{value}</dd>
      <dd className="mt-1 text-muted-foreground text-xs">{detail}</dd>
    </div>
  );
}

/** Said where a chart or table has nothing to show yet. */
export function EmptyNote({ children }: { children: string }) {
  return (
    <p className="rounded-xl border border-border border-dashed px-6 py-10 text-center text-muted-foreground text-sm">
      {children}
    </p>
  );
}

/** A proposal by its title (untrusted text, rendered inert), or its short id. */
export function ProposalLink({ slug, id, title }: { slug: string; id: string; title: string }) {
  return (
    <Link href={`/${encodeURIComponent(slug)}/proposals/${id}`} className="break-words text-accent underline">
      {title.trim() || `Proposal ${shortProposalId(id)}`}
    </Link>
  );
}
