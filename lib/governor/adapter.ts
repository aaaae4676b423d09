/**
 * The governor adapter: the one place that knows how to call a DAO's Governor and token. Pages
 * and write flows build every contract call through it (`adapter.castVote(…)` gives the
 * `{ address, abi, functionName, args }` to send), so a Governor flavour with other function
 * names or argument shapes (GovernorBravo's id-based queue and execute, getPriorVotes, …) is a
 * second implementation here, not a change in every page.
 *
 * `governorAdapter(dao)` is the OpenZeppelin Governor (4.x and 5.x share these calls). The other
 * families live in ./families (GovernorBravo, GovernorAlpha, OZ 4.x with GovernorCompatibilityBravo,
 * fractional voting); `governorAdapterFor(flavour, dao)` from ./families picks one for what ./detect found.
 * Reads of Bravo-style governors answer structs: pass their result through `readResult(call, raw)`.
 */
import { type Abi, type Address, decodeFunctionResult, encodeFunctionData, type Hex } from "viem";
import type { PreparedCall } from "../chain/readCalls";
import { alphaAdapter } from "./families/alpha";
import { bravoAdapter } from "./families/bravo";
import { withFractionalVoting } from "./families/fractional";
import { openzeppelinAdapter, tokenCalls } from "./families/openzeppelin";
import { ozBravoCompatibleAdapter } from "./families/ozBravoCompatible";
import { readResult, type VotesFunctions, withTimelock } from "./families/shared";

export { governorErrorAbi } from "./families/errorAbi";
export { readResult } from "./families/shared";

/**
 * An adapter read, ready for lib/chain/readCalls: its answer comes back as the adapter promises
 * (a Bravo struct narrowed to the one field), so callers never call `readResult` themselves.
 *
 * @example
 * const [eta, state] = await readCalls(client, [preparedRead<bigint>(adapter.proposalEta(id)), preparedRead<number>(adapter.state(id))]);
 */
export function preparedRead<T = unknown>(read: ContractRead): PreparedCall<T> {
  const callData = encodeFunctionData({ abi: read.abi, functionName: read.functionName, args: read.args } as never);
  return {
    target: read.address,
    callData,
    decode: (data) =>
      readResult(
        read,
        decodeFunctionResult({ abi: read.abi, functionName: read.functionName, args: read.args, data } as never),
      ) as T,
  };
}

/**
 * The token half of the adapter alone, for a component that knows only the token (the header's
 * voting power): every family's token calls, per how the token reports votes.
 *
 * @example const read = tokenAdapter(dao.token, dao.flavour.votes).votesNow(account);
 */
export function tokenAdapter(token: Address, votes: VotesFunctions = "getPastVotes") {
  return tokenCalls(token, votes);
}

export type GovernorFamily = "openzeppelin" | "bravo" | "oz-bravo-compatible" | "alpha";

/**
 * What `detectGovernor` (./detect) found, cut to what pages and write flows act on: plain data,
 * passed from the server to browser islands with the rest of the WriteDao.
 */
export type DaoFlavour = {
  family: GovernorFamily;
  /** ERC-6372 clock: block numbers, or timestamps (snapshots and deadlines are then seconds). */
  clock: "blocknumber" | "timestamp";
  /** The governor answers clock() (OZ ≥ 4.9); else the clock is the block number. */
  hasClock: boolean;
  /** GovernorCountingFractional: votes may be split between For, Against and Abstain. */
  fractional: boolean;
  /** GovernorPreventLateQuorum: a late quorum extends the deadline. */
  lateQuorum: boolean;
  /** How the token reports votes (OpenZeppelin Votes or Compound's Comp/Uni). */
  votes: VotesFunctions;
  /** ERC721Votes: one NFT is one vote, amounts are whole numbers. */
  tokenKind: "erc20votes" | "erc721votes";
  /** A Compound timelock has a grace period after which a queued proposal is Expired. */
  timelockKind: "openzeppelin" | "compound" | "unknown" | "none";
};

/** The flavour of OpenZeppelin's Governor 5 with a block clock: the default when nothing was detected. */
export const defaultDaoFlavour: DaoFlavour = {
  family: "openzeppelin",
  clock: "blocknumber",
  hasClock: true,
  fractional: false,
  lateQuorum: false,
  votes: "getPastVotes",
  tokenKind: "erc20votes",
  timelockKind: "openzeppelin",
};

/** What a browser-side write flow needs to know about a DAO: plain data, passed from the server. */
export type WriteDao = {
  slug: string;
  chainId: number;
  chainName: string;
  governor: Address;
  token: Address;
  timelock: Address | null;
  tokenDecimals: number;
  tokenSymbol: string;
  clockMode: string;
  countingMode: string | null;
  /** The governor's flavour as detected on chain; pick calls through `governorAdapter(dao)`. */
  flavour: DaoFlavour;
  explorerUrl?: string;
};

/** A call to send through the wallet. */
export type ContractWrite = {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
};

/** A view call (for wagmi's useReadContracts or viem's readContract / multicall). */
export type ContractRead = {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
};

/** What a proposal executes, exactly as it was proposed (the description byte for byte). */
export type ProposalContent = {
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
  /**
   * GovernorBravo-style function signatures ("transfer(address,uint256)"), one per action; the
   * calldatas are then the arguments only. Leave out to propose full calldatas (signatures "").
   */
  signatures?: readonly string[];
};

/** A split vote (fractional counting): amounts of the voter's weight for each option. */
export type VoteSplit = { against: bigint; for: bigint; abstain: bigint };

/** A proposal's tallies, as `readResult(adapter.proposalVotes(id), raw)` gives them. */
export type ProposalVotes = { againstVotes: bigint; forVotes: bigint; abstainVotes: bigint };

/** The Governor's numbering: 0 Against, 1 For, 2 Abstain. */
export type VoteSupport = 0 | 1 | 2;

export const voteSupportNames = { 0: "Against", 1: "For", 2: "Abstain" } as const satisfies Record<VoteSupport, string>;

/**
 * A governor that takes fewer kinds of vote than For, Against and Abstain with a reason
 * (GovernorAlpha: For and Against, no reason), and why, in words for the vote panel.
 */
export type VoteLimits = {
  /** The choices it counts, in the order to offer them. */
  supports: readonly VoteSupport[];
  /** Whether a vote may carry a reason. */
  reasons: boolean;
  explanation: string;
};

export type GovernorAdapter = {
  family: GovernorFamily;
  castVote(proposalId: bigint, support: VoteSupport, reason?: string): ContractWrite;
  propose(content: ProposalContent): ContractWrite;
  queue(proposalId: bigint, content: ProposalContent): ContractWrite;
  execute(proposalId: bigint, content: ProposalContent): ContractWrite;
  cancel(proposalId: bigint, content: ProposalContent): ContractWrite;
  delegate(delegatee: Address): ContractWrite;

  /** uint8 ProposalState (see lib/chain/proposalStates.ts for names). */
  state(proposalId: bigint): ContractRead;
  hasVoted(proposalId: bigint, account: Address): ContractRead;
  /** Voting power at a past timepoint (reverts for a timepoint not yet reached). */
  votesAt(account: Address, timepoint: bigint): ContractRead;
  votesNow(account: Address): ContractRead;
  balanceOf(account: Address): ContractRead;
  delegates(account: Address): ContractRead;
  /**
   * The proposal's tallies; pass the result through `readResult` for a {@link ProposalVotes}
   * (OpenZeppelin's proposalVotes tuple, or the fields of Bravo's proposals(id) struct).
   */
  proposalVotes(proposalId: bigint): ContractRead;
  proposalSnapshot(proposalId: bigint): ContractRead;
  proposalDeadline(proposalId: bigint): ContractRead;
  /** 0 when not queued (or when the governor has no timelock). */
  proposalEta(proposalId: bigint): ContractRead;
  proposalProposer(proposalId: bigint): ContractRead;
  proposalThreshold(): ContractRead;
  /**
   * The governor's clock now (block number or timestamp, per CLOCK_MODE); absent for governors
   * without clock() (before OZ 4.9, GovernorBravo), whose clock is the block number.
   */
  clock?(): ContractRead;
  quorum(timepoint: bigint): ContractRead;

  /** The governor's own name (reverts on governors without one). */
  name(): ContractRead;
  /** Clock units between proposing and voting. */
  votingDelay(): ContractRead;
  /** Clock units voting lasts. */
  votingPeriod(): ContractRead;
  /** GovernorVotesQuorumFraction: quorum as numerator / denominator of the past supply. */
  quorumNumerator?(): ContractRead;
  quorumDenominator?(): ContractRead;
  /** ERC-6372 CLOCK_MODE (OpenZeppelin ≥ 4.9). */
  clockMode?(): ContractRead;
  /** COUNTING_MODE (OpenZeppelin). */
  countingMode?(): ContractRead;
  /** GovernorPreventLateQuorum's extension, in clock units. */
  lateQuorumVoteExtension?(): ContractRead;

  tokenName(): ContractRead;
  tokenSymbol(): ContractRead;
  tokenDecimals(): ContractRead;
  totalSupply(): ContractRead;
  /** The supply at a past timepoint (OpenZeppelin Votes; Compound's tokens have none). */
  pastTotalSupply?(timepoint: bigint): ContractRead;

  /** The timelock's minimum delay in seconds (OpenZeppelin getMinDelay, Compound delay); absent without a timelock. */
  timelockDelay?(): ContractRead;

  /** Every custom error the governor, token and timelock may revert with, to decode reverts. */
  errorAbi: Abi;

  /**
   * True when queue/execute/cancel need only the id (Bravo-style); the content is then ignored, but
   * for Compound's execute, which sends the actions' ETH values with the call (`value`).
   */
  proposalsById?: boolean;
  /** Set when the governor counts fewer kinds of vote than For/Against/Abstain with a reason (GovernorAlpha). */
  voteLimits?: VoteLimits;
  /**
   * GovernorBravo's whitelist: true while `account` may propose whatever its votes. A governor
   * without one (before Compound added it) reverts: read that as false.
   */
  proposerWhitelisted?(account: Address): ContractRead;
  /**
   * False when a proposer may not cancel their own proposal (GovernorAlpha: anyone may, but only
   * once the proposer's votes fell below the threshold). Absent: the proposer may.
   */
  proposerCanCancel?: boolean;
  /** OpenZeppelin's hashProposal (the id a content gets); absent for GovernorBravo (a counter). */
  hashProposal?(content: ProposalContent): ContractRead;
  /** Fractional counting only: a split vote (support 255 with packed uint128 amounts). */
  castVoteSplit?(proposalId: bigint, split: VoteSplit, reason?: string): ContractWrite;
  /** Fractional counting only: how much of the account's weight it has already cast. */
  usedVotes?(proposalId: bigint, account: Address): ContractRead;
};

/**
 * The adapter for the DAO's detected flavour (OpenZeppelin when the DAO carries none).
 *
 * @example
 * const adapter = governorAdapter(dao);
 * await tx.send(adapter.castVote(id, 1, "Good for the DAO"), { label: "Vote For" });
 */
export function governorAdapter(
  dao: Pick<WriteDao, "governor" | "token"> & { timelock?: Address | null; flavour?: DaoFlavour },
): GovernorAdapter {
  const flavour = dao.flavour ?? defaultDaoFlavour;
  let adapter: GovernorAdapter;
  switch (flavour.family) {
    case "bravo":
      adapter = bravoAdapter(dao, { votes: flavour.votes });
      break;
    case "alpha":
      adapter = alphaAdapter(dao, { votes: flavour.votes });
      break;
    case "oz-bravo-compatible":
      adapter = ozBravoCompatibleAdapter(dao, { votes: flavour.votes, hasClock: flavour.hasClock });
      break;
    default:
      adapter = openzeppelinAdapter(dao, { votes: flavour.votes, hasClock: flavour.hasClock });
  }
  adapter = withTimelock(adapter, dao.timelock ?? null, flavour.timelockKind);
  return flavour.fractional ? withFractionalVoting(adapter, dao) : adapter;
}
