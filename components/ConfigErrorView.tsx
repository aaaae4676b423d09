/**
 * Shown instead of the app when the DAO config is wrong: what is wrong, which field, and how to
 * fix it. Rendered on the server, so the message is not swallowed by production error redaction.
 */
import type { ConfigError } from "@/lib/config/ConfigError";
import { cn } from "@/lib/format/cn";

export type ConfigErrorViewProps = { error: Pick<ConfigError, "message" | "field">; className?: string };

/** @example <ConfigErrorView error={configError} /> */
export function ConfigErrorView({ error, className }: ConfigErrorViewProps) {
  return (
    <main id="main" className={cn("mx-auto w-full max-w-2xl px-4 py-16", className)}>
      <div
        role="alert"
        className="rounded-xl border border-rose-200 bg-card p-6 shadow-xs dark:border-rose-900"
        aria-labelledby="config-error-title"
      >
        <p className="font-medium text-rose-700 text-sm dark:text-rose-300">Configuration error</p>
        <h1 id="config-error-title" className="mt-1 font-semibold text-xl">
          The DAO config needs fixing
        </h1>
        <p className="mt-4 break-words font-mono text-sm leading-relaxed">{error.message}</p>
        {error.field ? (
          <p className="mt-3 text-sm">
            Field: <code className="rounded bg-muted px-1.5 py-0.5 font-mono">{error.field}</code>
          </p>
        ) : null}
        <p className="mt-4 text-muted-foreground text-sm">
          Edit the file named by <code className="font-mono">DAO_CONFIG</code> (default{" "}
          <code className="font-mono">dao.config.json</code>) and restart the app.
        </p>
      </div>
    </main>
  );
}
