/**
 * Discussion links a proposer adds to a proposal after creating it. The proposer signs a fixed,
 * human-readable message (personal_sign, EIP-191) naming the DAO, the chain, the governor, the
 * proposal id and the URL; the server verifies the signature against the proposer read from the
 * chain (viem `verifyMessage` through the DAO's public client, so smart-contract wallets verify
 * through EIP-1271) and stores the link with its message and signature, so anyone can check it
 * again later. A replayed signature can only add the very same link to the very same proposal.
 */

export type DiscussionLinkSubject = {
  slug: string;
  chainId: number;
  governor: string;
  proposalId: string;
  url: string;
};

/** A stored link as the proposal page shows it. */
export type DiscussionLink = {
  url: string;
  signer: string;
  signature: string;
  createdAt: string;
};

/** Most links one proposal can carry (beyond the one in its description). */
export const maxDiscussionLinks = 20;

/**
 * The exact text the proposer signs.
 *
 * @example
 * discussionLinkMessage({ slug: "commons", chainId: 31337, governor: "0xAbc…", proposalId: "42", url: "https://forum.example.org/t/42" })
 * // "Commons: add a discussion link to a proposal\n\nDAO: commons (chain 31337, governor 0xabc…)\nProposal: 42\nLink: https://forum.example.org/t/42"
 */
export function discussionLinkMessage({ slug, chainId, governor, proposalId, url }: DiscussionLinkSubject): string {
  return [
    "Commons: add a discussion link to a proposal",
    "",
    `DAO: ${slug} (chain ${chainId}, governor ${governor.toLowerCase()})`,
    `Proposal: ${proposalId}`,
    `Link: ${url}`,
  ].join("\n");
}

/**
 * The host a link goes to, shown next to it so a reader sees where it leads before clicking.
 *
 * @example linkHost("https://forum.example.org/t/42") // "forum.example.org"
 */
export function linkHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
