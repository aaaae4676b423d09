"use client";
/**
 * The simulation of a proposal not on chain yet (the propose form, a draft): once the content has
 * stopped changing for a moment, the server runs the whole sequence of actions from the timelock
 * on a fork of the chain (POST /api/daos/<dao>/simulation) and this shows the report — reverts
 * with their reasons, risk flags, balance changes. A newer content cancels the older request.
 */
import { useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ProposalContent } from "@/lib/governor/adapter";
import type { NamerInput } from "@/lib/simulation/addressNamer";
import type { SimulationResult } from "@/lib/simulation/types";
import { SimulationReport } from "./SimulationReport";

export type SimulationPreviewProps = {
  slug: string;
  /** The content to simulate; null while the form has problems. */
  content: Pick<ProposalContent, "targets" | "values" | "calldatas" | "signatures"> | null;
  dao: Omit<NamerInput, "assets">;
};

type View =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; result: SimulationResult }
  | { status: "failed"; message: string };

function body(content: NonNullable<SimulationPreviewProps["content"]>): string {
  return JSON.stringify({
    targets: content.targets,
    values: content.values.map((value) => value.toString()),
    calldatas: content.calldatas,
    ...(content.signatures ? { signatures: content.signatures } : {}),
  });
}

/** @example <SimulationPreview slug="commons" content={built.content} dao={{ governor, timelock, token, tokenSymbol }} /> */
export function SimulationPreview({ slug, content, dao }: SimulationPreviewProps) {
  const request = content ? body(content) : null;
  const [view, setView] = useState<View>({ status: "idle" });
  const [round, setRound] = useState(0);
  // A new job when the content changes, or on "Simulate again" (the same content at a newer head).
  const job = useMemo(() => (request ? { request, round } : null), [request, round]);

  useEffect(() => {
    if (!job) {
      setView({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      setView({ status: "running" });
      try {
        const response = await fetch(`/api/daos/${slug}/simulation`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: job.request,
          signal: controller.signal,
        });
        const answer = (await response.json().catch(() => null)) as SimulationResult | { error?: string } | null;
        if (answer && "ok" in answer) setView({ status: "done", result: answer });
        else {
          const message = answer && "error" in answer ? answer.error : undefined;
          setView({ status: "failed", message: message ?? `The server answered HTTP ${response.status}.` });
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        setView({ status: "failed", message: `The server did not answer (${(error as Error).message}).` });
      }
    }, 600);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [job, slug]);

  return (
    <section
      aria-labelledby="simulation-preview-heading"
      className="flex flex-col gap-3"
      aria-busy={view.status === "running"}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="simulation-preview-heading" className="font-semibold">
          Simulated execution
        </h3>
        {view.status === "done" || view.status === "failed" ? (
          <Button size="sm" variant="secondary" onClick={() => setRound((value) => value + 1)}>
            Simulate again
          </Button>
        ) : null}
      </div>
      {view.status === "idle" ? (
        <p className="text-muted-foreground text-sm">
          Once every action is complete, the whole sequence is run from the treasury on a fork of the chain.
        </p>
      ) : view.status === "running" ? (
        <p className="text-muted-foreground text-sm">Simulating these actions on a fork of the chain…</p>
      ) : view.status === "failed" ? (
        <Alert tone="warning" title="Not simulated">
          {view.message}
        </Alert>
      ) : view.result.ok ? (
        <SimulationReport report={view.result.report} dao={dao} subject="Executing these actions" />
      ) : (
        <Alert tone="warning" title={view.result.problem.title}>
          {view.result.problem.detail}
        </Alert>
      )}
    </section>
  );
}
