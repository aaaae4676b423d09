/**
 * The whole propose form checked and encoded at once: the description in its fixed form
 * (./description.ts), the discussion link, and every action. What comes back is either the
 * content to propose (targets, values, calldatas, description — and, for GovernorBravo-family
 * DAOs, function signatures with argument-only calldatas: ./signatures.ts) or the list of what to
 * fix, each problem keyed to its input.
 */
import type { GovernorFamily, ProposalContent } from "../../governor/adapter";
import { type ActionDraft, type BuilderContext, type EncodeResult, encodeAction, type FieldError } from "./actions";
import { composeDescription, maxDescriptionLength, proposalTitleInput } from "./description";
import { discussionUrl } from "./discussionUrl";
import { proposalContent } from "./signatures";

export type ProposalForm = { title: string; body: string; discussionUrl: string; actions: ActionDraft[] };

/**
 * As `adapter.propose` takes it: with `signatures` (calldatas then hold the arguments only) for a
 * Bravo-family governor, else full calldatas. Hash or simulate it through `executedContent`.
 */
export type BuiltProposal = ProposalContent;

export type BuildOptions = {
  /** The DAO's governor family (dao.flavour.family): Bravo families are proposed with signatures. */
  family?: GovernorFamily | null;
};

export type BuildResult = {
  /** The content to propose, when nothing is wrong. */
  content: BuiltProposal | null;
  /** Problems with the title, body, discussion URL or the list of actions ("title", "body", "discussionUrl", "actions"). */
  errors: FieldError[];
  /** Each action's own result, in order. */
  actions: EncodeResult[];
  /** The description as it would be stored (also while other fields have errors). */
  description: string;
};

/** Most actions in one proposal: each costs gas to propose and execute, and a reader must check them all. */
export const maxActions = 20;

/**
 * @example
 * const built = buildProposal(form, { native: { symbol: "ETH", decimals: 18 }, tokens }, dao.forumHosts, {
 *   family: dao.flavour.family,
 * });
 * if (built.content) adapter.propose(built.content);
 */
export function buildProposal(
  form: ProposalForm,
  context: BuilderContext,
  forumHosts: readonly string[] | undefined,
  options: BuildOptions = {},
): BuildResult {
  const errors: FieldError[] = [];
  const title = proposalTitleInput(form.title);
  if (!title.ok) errors.push({ field: "title", message: title.error });
  const url = discussionUrl(form.discussionUrl, forumHosts);
  if (!url.ok) errors.push({ field: "discussionUrl", message: url.error });
  const description = composeDescription({
    title: title.ok ? title.value : form.title.trim(),
    body: form.body,
    discussionUrl: url.ok ? url.value : form.discussionUrl.trim(),
  });
  if (description.length > maxDescriptionLength) {
    errors.push({
      field: "body",
      message: `Description: is ${description.length.toLocaleString("en-US")} characters; proposal pages show at most ${maxDescriptionLength.toLocaleString("en-US")}`,
    });
  }
  if (form.actions.length === 0) {
    errors.push({
      field: "actions",
      message:
        "Actions: add at least one (a governor refuses a proposal without actions; for a signal-only proposal, add a 0 ETH transfer to the treasury)",
    });
  } else if (form.actions.length > maxActions) {
    errors.push({ field: "actions", message: `Actions: at most ${maxActions} in one proposal` });
  }
  const actions = form.actions.map((draft, index) => encodeAction(draft, index, context));
  const encoded = actions.flatMap((result) => (result.ok ? [result.action] : []));
  const content =
    errors.length === 0 && encoded.length === actions.length
      ? proposalContent(encoded, description, options.family)
      : null;
  return { content, errors, actions, description };
}
