/**
 * A labelled region of the proposal page: a card whose h2 names it, so readers (and tests) find
 * "Description", "Actions", "Votes"… by role and name.
 */
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/format/cn";

export type SectionProps = {
  /** Used for the heading's id and the fragment links point at. */
  id: string;
  title: string;
  /** Beside the title (a count, a note). */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** @example <Section id="actions" title="Actions">…</Section> */
export function Section({ id, title, aside, className, children }: SectionProps) {
  return (
    <Card className={cn("min-w-0", className)}>
      <section aria-labelledby={`${id}-heading`} id={id} className="scroll-mt-4">
        <CardHeader className="flex-row flex-wrap items-baseline justify-between gap-x-3">
          <CardTitle id={`${id}-heading`}>{title}</CardTitle>
          {aside ? <div className="text-muted-foreground text-sm">{aside}</div> : null}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </section>
    </Card>
  );
}
