/**
 * The proposal's content in the three forms the page acts on, from its decoded actions and
 * description: checked against the id (OpenZeppelin ids hash the content as executed), as the
 * lifecycle island sends it to queue, execute and cancel, and as the simulation runs it. The two
 * last are null when the content is unknown or does not hash to the id (the call would revert).
 */
import type { DecodedAction } from "@/lib/actions/decodeAction";
import type { ProposalContent } from "@/lib/governor/adapter";
import { executedCalldatas } from "@/lib/proposals/builder/signatures";
import { type ProposalIdCheck, verifyProposalId } from "@/lib/proposals/verifyProposalId";
import type { SerializedContent } from "./ProposalActionsPanel";

export type ProposalContents = {
  idCheck: ProposalIdCheck | null;
  /** For the lifecycle island (bigints as decimal strings). */
  content: SerializedContent | null;
  /** Exactly as proposed (a Bravo action's signature + arguments), for the simulation. */
  simulated: ProposalContent | null;
};

/**
 * @example const { idCheck, content, simulated } = proposalContents(id, proposal, actions);
 */
export function proposalContents(
  id: string,
  proposal: { description: string } | null,
  actions: readonly DecodedAction[],
): ProposalContents {
  if (!proposal) return { idCheck: null, content: null, simulated: null };
  const targets = actions.map((action) => action.target);
  const calldatas = actions.map((action) => action.calldata);
  const idCheck = verifyProposalId(BigInt(id), {
    targets,
    values: actions.map((action) => action.value),
    // As executed: a GovernorBravo action's signature selector + its argument-only calldata.
    calldatas: executedCalldatas({ calldatas, signatures: actions.map((action) => action.signature) }),
    description: proposal.description,
  });
  if (idCheck.status === "mismatch") return { idCheck, content: null, simulated: null };
  return {
    idCheck,
    content: {
      targets,
      values: actions.map((action) => action.value.toString()),
      calldatas,
      description: proposal.description,
    },
    simulated: {
      targets,
      values: actions.map((action) => action.value),
      calldatas,
      signatures: actions.map((action) => action.signature),
      description: proposal.description,
    },
  };
}
