/** A placeholder block shown while content loads; hidden from assistive tech. */
import type { HTMLAttributes } from "react";
import { cn } from "@/lib/format/cn";

/** @example <Skeleton className="h-4 w-40" /> */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
