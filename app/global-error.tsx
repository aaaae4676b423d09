"use client";
/** Replaces the root layout when it fails itself; must bring its own <html> and <body>. */
import "./globals.css";

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto w-full max-w-xl px-4 py-24 text-center">
          <title>Error · Commons</title>
          <div role="alert">
            <h1 className="font-semibold text-2xl tracking-tight">Commons could not start this page</h1>
            <p className="mt-3 text-muted-foreground">Something failed while rendering. Try again in a moment.</p>
          </div>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-8 rounded-lg border border-border bg-card px-4 py-2 font-medium text-sm"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
