"use client";
/**
 * The simulation section while the first simulation of a proposal still runs past the page's wait:
 * it asks the simulation API, which answers once the report is made (the run the page started is
 * the one it waits on), then refreshes the page, whose section then shows the cached report.
 * Without JavaScript it says so and offers a reload.
 */
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";

export type SimulationPendingProps = { slug: string; proposalId: string; href: string };

/** @example <SimulationPending slug="commons" proposalId="42" href="/commons/proposals/42" /> */
export function SimulationPending({ slug, proposalId, href }: SimulationPendingProps) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/daos/${encodeURIComponent(slug)}/proposals/${encodeURIComponent(proposalId)}/simulation`, {
      signal: controller.signal,
    })
      .then(() => startRefresh(() => router.refresh()))
      .catch(() => {
        if (!controller.signal.aborted) setProblem("The server did not answer. Reload the page to try again.");
      });
    return () => controller.abort();
  }, [slug, proposalId, router]);

  return (
    <p className="text-muted-foreground text-sm">
      {problem ?? "The simulation is still running on a fork of the chain; it shows here when it is done."}{" "}
      <a href={`${href}#simulation`} className="underline underline-offset-2">
        Reload
      </a>
    </p>
  );
}
