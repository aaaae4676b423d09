/**
 * A message box for problems and notes. `tone="error"` is announced at once (role="alert"); the
 * quieter tones use role="status" so they are read without interrupting.
 */
import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/format/cn";

const tones = {
  error: "border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-200",
  warning: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-200",
  info: "border-border bg-muted text-foreground",
} as const;

export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  tone?: keyof typeof tones;
  title?: ReactNode;
};

/** @example <Alert tone="error" title="Indexer unreachable">Try again in a moment.</Alert> */
export function Alert({ tone = "info", title, className, children, role, ...props }: AlertProps) {
  return (
    <div
      role={role ?? (tone === "error" ? "alert" : "status")}
      className={cn("rounded-lg border px-4 py-3 text-sm", tones[tone], className)}
      {...props}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={cn(title ? "mt-1" : undefined, "opacity-90")}>{children}</div> : null}
    </div>
  );
}
