/**
 * What a page says when it could not read the chain: the real cause as a title (rate-limited,
 * down, no archive state, a reverted call… see lib/chain/chainErrors), what that means on this
 * page, and the cause in one line (endpoints by host only: URLs may carry API keys).
 */
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { ChainProblem } from "@/lib/chain/chainErrors";

export type ChainProblemAlertProps = {
  problem: ChainProblem;
  /** What the page can and cannot show because of it. */
  children: ReactNode;
  tone?: "warning" | "error";
  className?: string;
};

/** @example <ChainProblemAlert problem={problem}>States are shown as Unknown.</ChainProblemAlert> */
export function ChainProblemAlert({ problem, children, tone = "warning", className }: ChainProblemAlertProps) {
  return (
    <Alert tone={tone} title={problem.title} className={className}>
      {children}
      <span className="mt-1 block break-words text-xs opacity-80">Cause: {problem.detail}</span>
    </Alert>
  );
}
