/**
 * What a proposal's link preview says: the DAO and chain, the title, the live state and where the
 * vote stands (each side's share of the votes cast, and quorum), every text made safe for the
 * preview image (./previewText). Plain data for components/og/PreviewCard.
 */
import { shortProposalId } from "../format/shortProposalId";
import type { VoteParts } from "../proposals/voteParts";
import { voteResults } from "../proposals/voteResults";
import { previewText } from "./previewText";

export type ProposalPreviewInput = {
  daoName: string;
  chainName: string;
  id: string;
  /** The proposal's title (untrusted). */
  title: string;
  /** The live state; undefined when the chain could not be read. */
  state: string | undefined;
  tallies: VoteParts | null;
  quorum: bigint | null;
  countingMode: string | null;
};

export type ProposalPreview = {
  eyebrow: string;
  title: string;
  badge: { label: string; color: string };
  results?: { label: string; share: number; color: string }[];
  detail: string;
};

const stateColors: Record<string, string> = {
  Pending: "#b45309",
  Active: "#2563eb",
  Canceled: "#52525b",
  Defeated: "#dc2626",
  Succeeded: "#059669",
  Queued: "#4f46e5",
  Expired: "#52525b",
  Executed: "#059669",
};

/**
 * @example proposalPreview({ daoName: "Demo DAO", chainName: "Foundry", id: "42", title: "Fund grants", state: "Active", tallies, quorum, countingMode }).title
 * // "Fund grants"
 */
export function proposalPreview(input: ProposalPreviewInput): ProposalPreview {
  const fallback = `Proposal ${shortProposalId(input.id)}`;
  const state = input.state ?? "Unknown";
  const preview: ProposalPreview = {
    eyebrow: `${previewText(input.daoName, 48, "DAO")} · ${previewText(input.chainName, 32, "EVM chain")}`,
    title: previewText(input.title, 140, fallback),
    badge: { label: state, color: stateColors[state] ?? "#52525b" },
    detail: "No votes yet",
  };
  if (!input.tallies) return { ...preview, detail: "Results unavailable" };
  const results = voteResults(input.tallies, input.quorum, input.countingMode);
  if (results.total === 0n) return preview;
  const quorum =
    results.reached === null
      ? ""
      : results.reached
        ? " · quorum reached"
        : ` · ${((results.quorumProgress ?? 0) / 100).toFixed(0)}% of quorum`;
  return {
    ...preview,
    results: [
      { label: "For", share: results.shares.for / 100, color: "#059669" },
      { label: "Against", share: results.shares.against / 100, color: "#dc2626" },
      { label: "Abstain", share: results.shares.abstain / 100, color: "#a1a1aa" },
    ],
    detail: `Votes so far${quorum}`,
  };
}
