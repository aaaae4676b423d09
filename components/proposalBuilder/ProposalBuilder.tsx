"use client";
/**
 * The propose form: title, markdown body with a live preview, discussion link, ordered actions,
 * and the submit panel (a wallet island). Everything typed lives here, outside the island, and is
 * kept in sessionStorage: a rejected or failed submit, a reload, or the wallet stack arriving
 * never loses a character. Errors show next to their field once it has been left (or all at
 * once on a submit attempt), each naming its field.
 *
 * Before submitting, the whole sequence of actions is simulated on a fork of the chain
 * (components/simulation/SimulationPreview): reverts, risk flags and balance changes.
 *
 * Fed by a saved draft (app/[dao]/drafts): the propose page passes `fromDraft` (the form starts
 * from it, and the draft records the proposal once it is on chain); the draft editor passes its
 * own `formStore` (localStorage + server autosave) and its own `submitSection`.
 */
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Hex } from "viem";
import { ActionEditor } from "@/components/proposalBuilder/ActionEditor";
import { SubmitPanelIsland } from "@/components/proposalBuilder/SubmitPanelIsland";
import { SimulationPreview } from "@/components/simulation/SimulationPreview";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/Field";
import type { WriteDao } from "@/lib/governor/adapter";
import {
  type ActionKind,
  actionKindLabels,
  type BuilderContext,
  type TreasuryToken,
} from "@/lib/proposals/builder/actions";
import { type BuildResult, buildProposal, maxActions } from "@/lib/proposals/builder/buildProposal";
import type { DescribeContext } from "@/lib/proposals/builder/describeAction";
import {
  emptyForm,
  type FormState,
  type FormStore,
  formReducer,
  sessionFormStore,
} from "@/lib/proposals/builder/formState";

const DescriptionPreview = lazy(() =>
  import("@/components/proposalBuilder/DescriptionPreview").then((m) => ({ default: m.DescriptionPreview })),
);

export type ProposalBuilderProps = {
  dao: WriteDao;
  native: { symbol: string; decimals: number };
  /** The treasury's ETH balance (wei, decimal string), null when unknown. */
  treasuryEth: string | null;
  tokens: TreasuryToken[];
  tokensProblem: string | null;
  forumHosts: string[];
  labels: Record<string, string>;
  /** Proposing a saved draft: start from it (unless this tab holds newer edits of it); record the proposal on it. */
  fromDraft?: { id: string; version: number; form: FormState } | null;
  /** Client only: where the form is kept (default: this tab's sessionStorage, per DAO). */
  formStore?: FormStore;
  /** Client only: shown in place of the Submit section (the draft editor's own, which shows `simulation` too). */
  submitSection?: (built: BuildResult, simulation: ReactNode) => ReactNode;
};

/** Tells the saved draft which proposal it became (the server checks the proposer on chain). */
async function recordProposal(slug: string, draftId: string, proposalId: string, tx: Hex): Promise<void> {
  try {
    await fetch(`/api/daos/${slug}/drafts/${draftId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ proposalId, tx }),
    });
  } catch {
    // The proposal exists either way; the draft page offers to link it again.
  }
}

const addable: ActionKind[] = ["eth", "erc20", "call", "raw"];

/** @example <ProposalBuilder dao={writeDao} native={{ symbol: "ETH", decimals: 18 }} … /> */
export function ProposalBuilder({
  dao,
  native,
  treasuryEth,
  tokens,
  tokensProblem,
  forumHosts,
  labels,
  fromDraft,
  formStore,
  submitSection,
}: ProposalBuilderProps) {
  const [form, dispatch] = useReducer(formReducer, emptyForm);
  const [restored, setRestored] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);
  const actionsHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<string | null>(null);

  const fromDraftId = fromDraft?.id;
  const storeRef = useRef<FormStore | null>(null);
  // Proposing a draft keeps this tab's edits per draft version: a newer save of the draft starts afresh.
  storeRef.current =
    formStore ??
    storeRef.current ??
    sessionFormStore(dao.slug, fromDraft ? `${fromDraft.id}.v${fromDraft.version}` : undefined, fromDraft?.form);
  useEffect(() => {
    const draft = storeRef.current?.read();
    if (draft) dispatch({ type: "restore", state: draft });
    setRestored(true);
  }, []);
  useEffect(() => {
    if (restored) storeRef.current?.write(form);
  }, [restored, form]);
  // Keep keyboard focus on the control that moved (reordering the list moves its DOM node).
  useEffect(() => {
    if (!focusAfter.current) return;
    const target = document.getElementById(focusAfter.current);
    focusAfter.current = null;
    if (target instanceof HTMLButtonElement && !target.disabled) target.focus();
    else actionsHeadingRef.current?.focus();
  });

  const context: BuilderContext = useMemo(() => ({ native, tokens }), [native, tokens]);
  const describeContext: DescribeContext = useMemo(
    () => ({
      contracts: { governor: dao.governor, token: dao.token, timelock: dao.timelock },
      governanceToken: { symbol: dao.tokenSymbol, decimals: dao.tokenDecimals },
      native,
      tokens,
      labels,
    }),
    [dao, native, tokens, labels],
  );
  // GovernorBravo-family DAOs are proposed with function signatures (lib/proposals/builder/signatures).
  const family = dao.flavour?.family;
  const built = useMemo(
    () => buildProposal(form, context, forumHosts, { family }),
    [form, context, forumHosts, family],
  );
  const ethBalance = treasuryEth === null ? null : BigInt(treasuryEth);
  const simulationNames = useMemo(
    () => ({ governor: dao.governor, timelock: dao.timelock, token: dao.token, tokenSymbol: dao.tokenSymbol, labels }),
    [dao, labels],
  );

  const touch = useCallback((key: string) => {
    setTouched((previous) => (previous.has(key) ? previous : new Set(previous).add(key)));
  }, []);
  const formError = (field: string) =>
    showAll || touched.has(field) ? (built.errors.find((error) => error.field === field)?.message ?? null) : null;
  const allProblems = [
    ...built.errors.filter((error) => error.field !== "actions" || showAll),
    ...built.actions.flatMap((result) => (result.ok ? [] : result.errors)),
  ];

  const showProblems = useCallback(() => {
    setShowAll(true);
    // After the list renders: move focus to it so keyboard and screen-reader users hear it.
    window.setTimeout(() => problemsRef.current?.focus(), 0);
  }, []);
  const onProposed = useCallback(
    async (proposalId: string, tx: Hex) => {
      storeRef.current?.clear();
      if (fromDraftId) await recordProposal(dao.slug, fromDraftId, proposalId, tx);
    },
    [dao.slug, fromDraftId],
  );

  const hostsHint =
    forumHosts.length > 0
      ? `A link to the discussion on ${forumHosts.join(" or ")}. Added as the last line: “Discussion: <link>”.`
      : "A link to where this was discussed (http or https). Added as the last line: “Discussion: <link>”.";

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="description-heading" className="flex flex-col gap-4">
        <h2 id="description-heading" className="font-semibold text-lg">
          Description
        </h2>
        <Field id="proposal-title" label="Title" error={formError("title")}>
          {(control) => (
            <TextInput
              {...control}
              value={form.title}
              maxLength={400}
              spellCheck
              placeholder="Fund the Q3 grants program"
              onChange={(event) => dispatch({ type: "set", field: "title", value: event.target.value })}
              onBlur={() => touch("title")}
            />
          )}
        </Field>
        <div className="grid gap-4 lg:grid-cols-2">
          <Field
            id="proposal-body"
            label="Body (markdown)"
            hint="Markdown: headings, lists, links, tables. Raw HTML is shown as text."
            error={formError("body")}
          >
            {(control) => (
              <TextArea
                {...control}
                value={form.body}
                rows={14}
                spellCheck
                className="min-h-64"
                placeholder={"## Summary\n\nWhat this proposal does and why."}
                onChange={(event) => dispatch({ type: "set", field: "body", value: event.target.value })}
                onBlur={() => touch("body")}
              />
            )}
          </Field>
          <section aria-labelledby="preview-heading" className="flex min-w-0 flex-col gap-1.5">
            <h3 id="preview-heading" className="font-medium text-sm">
              Preview <span className="font-normal text-muted-foreground">— as the proposal page will show it</span>
            </h3>
            <div className="min-h-64 overflow-hidden rounded-lg border border-border bg-card p-4">
              {form.title.trim() || form.body.trim() ? (
                <Suspense fallback={<p className="text-muted-foreground text-sm">Loading the preview…</p>}>
                  <DescriptionPreview description={built.description} />
                </Suspense>
              ) : (
                <p className="text-muted-foreground text-sm">Write a title and a body to see them here.</p>
              )}
            </div>
          </section>
        </div>
        <Field
          id="proposal-discussion"
          label="Discussion URL (optional)"
          hint={hostsHint}
          error={formError("discussionUrl")}
        >
          {(control) => (
            <TextInput
              {...control}
              type="url"
              inputMode="url"
              value={form.discussionUrl}
              placeholder={forumHosts[0] ? `https://${forumHosts[0]}/t/…` : "https://…"}
              onChange={(event) => dispatch({ type: "set", field: "discussionUrl", value: event.target.value })}
              onBlur={() => touch("discussionUrl")}
            />
          )}
        </Field>
      </section>

      <section aria-labelledby="actions-heading" className="flex flex-col gap-4">
        <div>
          <h2 id="actions-heading" ref={actionsHeadingRef} tabIndex={-1} className="font-semibold text-lg outline-none">
            Actions
          </h2>
          <p className="mt-1 text-muted-foreground text-sm">
            What the {dao.timelock ? "timelock" : "governor"} executes, in this order, if the proposal passes.
          </p>
        </div>
        {tokensProblem ? <p className="text-amber-800 text-sm dark:text-amber-300">{tokensProblem}</p> : null}
        {form.actions.length > 0 ? (
          <ol className="flex flex-col gap-4" aria-label="Actions">
            {form.actions.map((draft, index) => {
              const result = built.actions[index] ?? { ok: false, errors: [] };
              return (
                <li key={draft.id}>
                  <ActionEditor
                    draft={draft}
                    index={index}
                    count={form.actions.length}
                    result={result}
                    context={context}
                    describeContext={describeContext}
                    treasuryEth={ethBalance}
                    showError={(field) => showAll || touched.has(`${draft.id}.${field}`)}
                    onTouch={(field) => touch(`${draft.id}.${field}`)}
                    onChange={(patch) => dispatch({ type: "update", id: draft.id, patch })}
                    onRemove={() => {
                      focusAfter.current = "actions-heading";
                      dispatch({ type: "remove", id: draft.id });
                    }}
                    onMove={(by) => {
                      focusAfter.current = `action-${draft.id}-move-${by < 0 ? "up" : "down"}`;
                      dispatch({ type: "move", id: draft.id, by });
                    }}
                  />
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="rounded-xl border border-border border-dashed p-4 text-muted-foreground text-sm">
            No actions yet. Add at least one; a signal-only proposal can send 0 {native.symbol} to the treasury.
          </p>
        )}
        {formError("actions") ? (
          <p className="text-rose-700 text-sm dark:text-rose-300">{formError("actions")}</p>
        ) : null}
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">Add an action</legend>
          {addable.map((kind) => (
            <Button
              key={kind}
              variant="secondary"
              size="sm"
              disabled={form.actions.length >= maxActions}
              onClick={() => {
                dispatch({ type: "add", kind });
                // Focus the new action's first input.
                focusAfter.current = null;
                window.setTimeout(() => {
                  const inputs = document.querySelectorAll<HTMLElement>(
                    "ol[aria-label='Actions'] > li:last-child :is(input, select, textarea)",
                  );
                  inputs[0]?.focus();
                }, 0);
              }}
            >
              + {kind === "erc20" ? "Token transfer" : actionKindLabels[kind]}
            </Button>
          ))}
        </fieldset>
      </section>

      {submitSection ? (
        submitSection(built, <SimulationPreview slug={dao.slug} content={built.content} dao={simulationNames} />)
      ) : (
        <section
          aria-labelledby="submit-heading"
          className="flex flex-col gap-4 rounded-xl border border-border bg-card p-4 sm:p-5"
        >
          <h2 id="submit-heading" className="font-semibold text-lg">
            Submit
          </h2>
          {showAll && allProblems.length > 0 ? (
            <div
              ref={problemsRef}
              tabIndex={-1}
              role="alert"
              className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-rose-900 text-sm outline-none dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-200"
            >
              <p className="font-semibold">
                {allProblems.length === 1 ? "One thing to fix" : `${allProblems.length} things to fix`} before
                submitting:
              </p>
              <ul className="mt-1 list-disc pl-5">
                {allProblems.map((problem) => (
                  <li key={problem.message} className="break-words">
                    {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <SimulationPreview slug={dao.slug} content={built.content} dao={simulationNames} />
          <SubmitPanelIsland dao={dao} content={built.content} onInvalidSubmit={showProblems} onProposed={onProposed} />
        </section>
      )}
    </div>
  );
}
