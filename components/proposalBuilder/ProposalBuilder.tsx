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
import { type ReactNode, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Hex } from "viem";
import { ActionEditor } from "@/components/proposalBuilder/ActionEditor";
import { DescriptionFields } from "@/components/proposalBuilder/DescriptionFields";
import { SubmitPanelIsland } from "@/components/proposalBuilder/SubmitPanelIsland";
import { SubmitProblems } from "@/components/proposalBuilder/SubmitProblems";
import { SimulationPreview } from "@/components/simulation/SimulationPreview";
import { Button } from "@/components/ui/button";
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

  return (
    <div className="flex flex-col gap-8">
      <DescriptionFields
        values={form}
        description={built.description}
        forumHosts={forumHosts}
        error={formError}
        onChange={(field, value) => dispatch({ type: "set", field, value })}
        onBlur={touch}
      />

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
          {showAll && allProblems.length > 0 ? <SubmitProblems ref={problemsRef} problems={allProblems} /> : null}
          <SimulationPreview slug={dao.slug} content={built.content} dao={simulationNames} />
          <SubmitPanelIsland dao={dao} content={built.content} onInvalidSubmit={showProblems} onProposed={onProposed} />
        </section>
      )}
    </div>
  );
}
