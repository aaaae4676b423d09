"use client";
/**
 * "Re-run at the current block": asks the server to simulate the proposal again at the chain's
 * head, then refreshes the page, whose simulation section shows the new report (the server keeps
 * it as the one to show). Says why when the server refuses (too many re-runs, busy).
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

export type RerunSimulationButtonProps = { slug: string; proposalId: string };

/** @example <RerunSimulationButton slug="commons" proposalId="42" /> */
export function RerunSimulationButton({ slug, proposalId }: RerunSimulationButtonProps) {
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);

  async function rerun() {
    setRunning(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/daos/${slug}/proposals/${proposalId}/simulation`, { method: "POST" });
      const body = (await response.json().catch(() => null)) as {
        ok?: boolean;
        error?: string;
        problem?: { title: string; detail: string };
      } | null;
      if (!response.ok || !body?.ok) {
        setProblem(
          body?.problem
            ? `${body.problem.title}: ${body.problem.detail}`
            : (body?.error ?? "The server did not simulate it."),
        );
      }
      startRefresh(() => router.refresh());
    } catch {
      setProblem("The server did not answer. Try again in a moment.");
    } finally {
      setRunning(false);
    }
  }

  const busy = running || refreshing;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" onClick={() => void rerun()} disabled={busy}>
        {busy ? "Simulating…" : "Re-run at the current block"}
      </Button>
      {problem ? (
        <span role="status" className="text-rose-700 text-xs dark:text-rose-300">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
