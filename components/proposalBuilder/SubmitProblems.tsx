"use client";
/**
 * Everything still wrong with the proposal, listed above the submit button after a submit attempt.
 * It takes focus when it appears (ProposalBuilder moves it there) so a keyboard or screen-reader
 * user hears what to fix.
 */
import type { Ref } from "react";

/** @example <SubmitProblems ref={problemsRef} problems={[{ message: "Title: required" }]} /> */
export function SubmitProblems({
  problems,
  ref,
}: {
  problems: readonly { message: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-rose-900 text-sm outline-none dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-200"
    >
      <p className="font-semibold">
        {problems.length === 1 ? "One thing to fix" : `${problems.length} things to fix`} before submitting:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={problem.message} className="break-words">
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
