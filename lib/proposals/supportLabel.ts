/** A vote's `support` in words, the same on every page and CSV that lists votes. */
import { splitSupport } from "./splitVote";

const labels: Record<number, string> = { 0: "Against", 1: "For", 2: "Abstain", [splitSupport]: "Split" };

/**
 * "Against", "For", "Abstain" or "Split"; undefined for a counting module's own value, which the
 * caller shows as it sees fit.
 *
 * @example supportLabel(1) // "For"
 * @example supportLabel(255) // "Split"
 */
export function supportLabel(support: number): string | undefined {
  return labels[support];
}
