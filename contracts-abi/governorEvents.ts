/**
 * Hand-written event ABIs shared by every governor flavour Commons serves, used by the indexer.
 *
 * Why by hand and not generated from contracts/: the indexer must decode events from contracts we
 * did not compile (Compound GovernorBravo and its forks, COMP-style tokens), and OpenZeppelin
 * copied GovernorBravo's event signatures, so one ABI matches both. Only the topic (name + types)
 * has to agree; parameter names differ between the flavours and do not matter for decoding:
 * - ProposalCreated: OZ calls the two block numbers voteStart/voteEnd, Bravo startBlock/endBlock.
 * - VoteCast: Bravo calls the weight `votes`.
 * - ProposalQueued: OZ 5 calls the ETA `etaSeconds`, Bravo `eta`.
 * - DelegateVotesChanged: COMP calls the amounts previousBalance/newBalance.
 * GovernorAlpha's older VoteCast(address voter, uint256 proposalId, bool support, uint256 votes) has
 * another topic (voter not indexed, a bool for For/Against, no reason): it is listed as a second
 * VoteCast, so decoders and Ponder tell the two apart by their full signatures. Its other events
 * share Bravo's signatures.
 */

/** Events of OpenZeppelin Governor (4.x/5.x), Compound GovernorBravo and GovernorAlpha. */
export const governorEventsAbi = [
  {
    type: "event",
    name: "ProposalCreated",
    inputs: [
      { name: "proposalId", type: "uint256", indexed: false },
      { name: "proposer", type: "address", indexed: false },
      { name: "targets", type: "address[]", indexed: false },
      { name: "values", type: "uint256[]", indexed: false },
      { name: "signatures", type: "string[]", indexed: false },
      { name: "calldatas", type: "bytes[]", indexed: false },
      { name: "voteStart", type: "uint256", indexed: false },
      { name: "voteEnd", type: "uint256", indexed: false },
      { name: "description", type: "string", indexed: false },
    ],
  },
  {
    type: "event",
    name: "VoteCast",
    inputs: [
      { name: "voter", type: "address", indexed: true },
      { name: "proposalId", type: "uint256", indexed: false },
      { name: "support", type: "uint8", indexed: false },
      { name: "weight", type: "uint256", indexed: false },
      { name: "reason", type: "string", indexed: false },
    ],
  },
  {
    // GovernorAlpha: support true = For, false = Against; the weight is called `votes` there.
    type: "event",
    name: "VoteCast",
    inputs: [
      { name: "voter", type: "address", indexed: false },
      { name: "proposalId", type: "uint256", indexed: false },
      { name: "support", type: "bool", indexed: false },
      { name: "weight", type: "uint256", indexed: false },
    ],
  },
  {
    type: "event",
    name: "VoteCastWithParams",
    inputs: [
      { name: "voter", type: "address", indexed: true },
      { name: "proposalId", type: "uint256", indexed: false },
      { name: "support", type: "uint8", indexed: false },
      { name: "weight", type: "uint256", indexed: false },
      { name: "reason", type: "string", indexed: false },
      { name: "params", type: "bytes", indexed: false },
    ],
  },
  {
    type: "event",
    name: "ProposalQueued",
    inputs: [
      { name: "proposalId", type: "uint256", indexed: false },
      { name: "etaSeconds", type: "uint256", indexed: false },
    ],
  },
  {
    type: "event",
    name: "ProposalExecuted",
    inputs: [{ name: "proposalId", type: "uint256", indexed: false }],
  },
  {
    type: "event",
    name: "ProposalCanceled",
    inputs: [{ name: "proposalId", type: "uint256", indexed: false }],
  },
  {
    // OZ GovernorPreventLateQuorum: the vote end moved later because quorum was reached late.
    type: "event",
    name: "ProposalExtended",
    inputs: [
      { name: "proposalId", type: "uint256", indexed: true },
      { name: "extendedDeadline", type: "uint64", indexed: false },
    ],
  },
] as const;

/** DelegateChanged of OpenZeppelin Votes (ERC20Votes and ERC721Votes) and COMP-style tokens. */
const delegateChangedEvent = {
  type: "event",
  name: "DelegateChanged",
  inputs: [
    { name: "delegator", type: "address", indexed: true },
    { name: "fromDelegate", type: "address", indexed: true },
    { name: "toDelegate", type: "address", indexed: true },
  ],
} as const;

/** DelegateVotesChanged of OpenZeppelin Votes and COMP-style tokens. */
const delegateVotesChangedEvent = {
  type: "event",
  name: "DelegateVotesChanged",
  inputs: [
    { name: "delegate", type: "address", indexed: true },
    { name: "previousVotes", type: "uint256", indexed: false },
    { name: "newVotes", type: "uint256", indexed: false },
  ],
} as const;

/** Events of an ERC20Votes / COMP-style voting token. */
export const votesTokenEventsAbi = [
  delegateChangedEvent,
  delegateVotesChangedEvent,
  {
    // ERC20 Transfer. An ERC721Votes token emits the same topic with an indexed tokenId (four
    // topics, no data): such a log does not decode against this item, so ERC721Votes tokens are
    // indexed with erc721VotesTokenEventsAbi instead.
    type: "event",
    name: "Transfer",
    inputs: [
      { name: "from", type: "address", indexed: true },
      { name: "to", type: "address", indexed: true },
      { name: "value", type: "uint256", indexed: false },
    ],
  },
] as const;

/** Events of an ERC721Votes token: one NFT is one vote. */
export const erc721VotesTokenEventsAbi = [
  delegateChangedEvent,
  delegateVotesChangedEvent,
  {
    type: "event",
    name: "Transfer",
    inputs: [
      { name: "from", type: "address", indexed: true },
      { name: "to", type: "address", indexed: true },
      { name: "tokenId", type: "uint256", indexed: true },
    ],
  },
] as const;

/**
 * The token reads the indexer makes when it starts after a token's first block and meets an
 * account it has no history for.
 */
export const votesTokenReadAbi = [
  {
    type: "function",
    name: "balanceOf",
    stateMutability: "view",
    inputs: [{ name: "account", type: "address" }],
    outputs: [{ name: "", type: "uint256" }],
  },
  {
    type: "function",
    name: "delegates",
    stateMutability: "view",
    inputs: [{ name: "account", type: "address" }],
    outputs: [{ name: "", type: "address" }],
  },
] as const;
