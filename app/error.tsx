"use client";
/**
 * Last-resort boundary for unexpected errors below the root layout. Expected failures (indexer
 * or chain unreachable, bad config) are handled in the pages themselves and never reach here.
 */
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <main id="main" className="mx-auto w-full max-w-xl px-4 py-24 text-center">
      <div role="alert">
        <h1 className="font-semibold text-2xl tracking-tight">Something went wrong</h1>
        <p className="mt-3 text-muted-foreground">
          This page could not be shown. It may be a passing problem: try again.
          {digest ? <span className="mt-2 block font-mono text-xs">Reference: {digest}</span> : null}
        </p>
      </div>
      <Button variant="secondary" className="mt-8" onClick={() => retry()}>
        Try again
      </Button>
    </main>
  );
}
