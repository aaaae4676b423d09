/**
 * Split (fractional) votes, as OpenZeppelin's GovernorCountingFractional counts them: a voter
 * spends parts of their weight at the snapshot on For, Against and Abstain, in one vote or several,
 * until the weight is used up. Pure: reading what the voter typed into a split (exact amounts, in
 * token units), what is left to cast, how a split is shown, the 48-byte params of a split vote, and
 * how several votes of one voter add up.
 *
 * Amounts of an ERC721Votes DAO are whole numbers and are worded as votes ("3 votes"); other DAOs'
 * carry the token's symbol ("1,000 GOV").
 */

import { formatTokenAmount } from "../format/formatTokenAmount";
import type { VoteSplit, WriteDao } from "../governor/adapter";
import type { IndexedVoteSplit } from "../indexer/types";
import { parseAmount } from "./builder/parseAmount";
import type { CastVote } from "./voteFromReceipt";

/**
 * How a DAO's voting power is counted and worded: its token's decimals and symbol, whole votes for ERC721Votes.
 *
 * @example voteUnitOf(dao) // { decimals: 18, symbol: "GOV", kind: "erc20votes" }
 */
export function voteUnitOf(dao: Pick<WriteDao, "tokenDecimals" | "tokenSymbol" | "flavour">): VoteUnit {
  return { decimals: dao.tokenDecimals, symbol: dao.tokenSymbol, kind: dao.flavour?.tokenKind };
}

/** GovernorCountingFractional's `support` for a split vote (`VOTE_TYPE_FRACTIONAL`): the one place 255 is written. */
export const splitSupport = 255;

/** How amounts of voting power are read and shown. */
export type VoteUnit = {
  decimals: number;
  symbol: string;
  /** ERC721Votes: one NFT is one vote; amounts are whole numbers, worded as votes. */
  kind?: "erc20votes" | "erc721votes";
};

export type SplitSide = "for" | "against" | "abstain";

/** The three sides in the order the app shows them. */
export const splitSides: readonly SplitSide[] = ["for", "against", "abstain"];

export const splitSideNames: Record<SplitSide, string> = { for: "For", against: "Against", abstain: "Abstain" };

/** What the voter typed, one text per side; an empty text is 0. */
export type SplitInputs = Record<SplitSide, string>;

export const emptySplitInputs: SplitInputs = { for: "", against: "", abstain: "" };

export type SplitCheck = {
  /** Why each side's text cannot be read (null when it can). */
  fields: Record<SplitSide, string | null>;
  /** Each side's amount (null when its text cannot be read). */
  values: Record<SplitSide, bigint | null>;
  /** The amounts, when all three sides can be read. */
  split: VoteSplit | null;
  /** The sum of the sides that can be read (an empty side is 0). */
  total: bigint;
  /** What would be left after this split (negative: more than is left); null while the weight left is unknown. */
  left: bigint | null;
  /** What is wrong with the split as a whole (more than is left, nothing at all). */
  error: string | null;
  /** The split can be sent. */
  ok: boolean;
};

const isVotes = (unit: VoteUnit) => unit.kind === "erc721votes";

/**
 * An amount of voting power for a person: "1,000.5 GOV", or "3 votes" for an NFT DAO.
 *
 * @example
 * formatVotes(1_000n * 10n ** 18n, { decimals: 18, symbol: "GOV" }) // "1,000 GOV"
 * formatVotes(1n, { decimals: 0, symbol: "CNFT", kind: "erc721votes" }) // "1 vote"
 */
export function formatVotes(value: bigint, unit: VoteUnit, options: { exact?: boolean } = {}): string {
  if (isVotes(unit)) return `${formatTokenAmount(value, 0)} ${value === 1n ? "vote" : "votes"}`;
  return `${formatVoteNumber(value, unit, options)} ${unit.symbol}`;
}

/**
 * The number alone: "1,000.5" (whole numbers for an NFT DAO). `exact` shows every decimal the
 * token has (trailing zeros trimmed), for what the voter may want to type back.
 */
export function formatVoteNumber(value: bigint, unit: VoteUnit, options: { exact?: boolean } = {}): string {
  const decimals = isVotes(unit) ? 0 : unit.decimals;
  return formatTokenAmount(value, decimals, options.exact ? { maxFractionDigits: decimals } : {});
}

/**
 * The voting power not yet cast: the weight at the snapshot minus what the voter already used.
 * undefined while either is unknown.
 *
 * @example remainingWeight(1_000n, 600n) // 400n
 */
export function remainingWeight(power: bigint | undefined, used: bigint | undefined): bigint | undefined {
  if (power === undefined || used === undefined) return undefined;
  return power > used ? power - used : 0n;
}

function parseSide(input: string, side: SplitSide, unit: VoteUnit): { value: bigint } | { error: string } {
  const name = splitSideNames[side];
  const text = input.trim();
  if (text.startsWith("-")) return { error: `${name}: must not be negative` };
  const decimals = isVotes(unit) ? 0 : unit.decimals;
  if (decimals === 0 && /\.\d*[1-9]/.test(text)) {
    return {
      error: `${name}: must be a whole number${isVotes(unit) ? " of votes" : ` (${unit.symbol} has no decimals)`}`,
    };
  }
  const symbol = isVotes(unit) ? "votes" : unit.symbol;
  const parsed = parseAmount(text, name, { decimals, symbol, optional: true });
  if (!parsed.ok) return { error: parsed.error };
  if (parsed.value >= 2n ** 128n) return { error: `${name}: is too large` };
  return { value: parsed.value };
}

/**
 * Reads a split typed in token units, exactly, and checks it against what is left to cast.
 *
 * @example
 * checkSplit({ for: "600", against: "300", abstain: "" }, { unit: { decimals: 0, symbol: "GOV" }, remaining: 1000n })
 * // { ok: true, split: { against: 300n, for: 600n, abstain: 0n }, total: 900n, left: 100n, error: null, … }
 */
export function checkSplit(
  inputs: SplitInputs,
  options: { unit: VoteUnit; remaining: bigint | undefined },
): SplitCheck {
  const { unit, remaining } = options;
  const fields: Record<SplitSide, string | null> = { for: null, against: null, abstain: null };
  const values: Record<SplitSide, bigint | null> = { for: null, against: null, abstain: null };
  let total = 0n;
  for (const side of splitSides) {
    const result = parseSide(inputs[side], side, unit);
    if ("error" in result) {
      fields[side] = result.error;
    } else {
      values[side] = result.value;
      total += result.value;
    }
  }
  const left = remaining === undefined ? null : remaining - total;
  const readable = values.for !== null && values.against !== null && values.abstain !== null;
  const split = readable
    ? { against: values.against ?? 0n, for: values.for ?? 0n, abstain: values.abstain ?? 0n }
    : null;
  let error: string | null = null;
  if (left !== null && left < 0n) {
    error = `The split adds up to ${formatVotes(total, unit, { exact: true })}, more than the ${formatVotes(remaining ?? 0n, unit, { exact: true })} you have left.`;
  } else if (readable && total === 0n) {
    error = "Enter an amount for at least one of For, Against or Abstain.";
  }
  return { fields, values, split, total, left, error, ok: split !== null && error === null && left !== null };
}

/**
 * An amount as the voter would type it back: exact, without thousands separators.
 *
 * @example plainAmount(1_234_500_000n, { decimals: 6, symbol: "vUSDC" }) // "1234.5"
 */
export function plainAmount(value: bigint, unit: VoteUnit): string {
  const decimals = isVotes(unit) ? 0 : unit.decimals;
  if (decimals === 0) return value.toString();
  const scale = 10n ** BigInt(decimals);
  const fraction = (value % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return fraction ? `${value / scale}.${fraction}` : (value / scale).toString();
}

/**
 * The inputs with `side` set to what the other sides leave of `remaining` (sides that cannot be
 * read count as 0); unchanged when they already take more than is left.
 *
 * @example fillRest({ for: "6", against: "", abstain: "" }, "against", 10n, nftUnit) // { for: "6", against: "4", abstain: "" }
 */
export function fillRest(inputs: SplitInputs, side: SplitSide, remaining: bigint, unit: VoteUnit): SplitInputs {
  const { values } = checkSplit(inputs, { unit, remaining });
  const others = splitSides.filter((other) => other !== side).reduce((sum, other) => sum + (values[other] ?? 0n), 0n);
  return others > remaining ? inputs : { ...inputs, [side]: plainAmount(remaining - others, unit) };
}

/**
 * The live count under the split inputs: "400 of 1,000 GOV left", or how far over it is.
 *
 * @example splitLeftText(checkSplit({ for: "6", against: "", abstain: "" }, { unit, remaining: 10n }), 10n, nftUnit) // "4 of 10 votes left"
 */
export function splitLeftText(check: Pick<SplitCheck, "left">, remaining: bigint, unit: VoteUnit): string {
  const exact = { exact: true };
  if (check.left === null) return `${formatVotes(remaining, unit, exact)} left`;
  if (check.left < 0n)
    return `${formatVotes(-check.left, unit, exact)} over the ${formatVotes(remaining, unit, exact)} you have left`;
  return `${formatVoteNumber(check.left, unit, exact)} of ${formatVotes(remaining, unit, exact)} left`;
}

/**
 * The voter's vote as the panel shows it: the indexer's row (running totals up to its `tx`) plus
 * the votes cast from this page since (the indexer may not have them yet), or these alone.
 */
export function latestVote(indexed: CastVote | null, castHere: readonly CastVote[]): CastVote | null {
  if (indexed === null) return castHere.length === 0 ? null : castHere.reduce(combineVotes);
  const seen = castHere.findIndex((vote) => vote.tx.toLowerCase() === indexed.tx.toLowerCase());
  return castHere.slice(seen + 1).reduce(combineVotes, indexed);
}

/** Three packed uint128s, 16 bytes each. */
const splitParamsLength = 2 + 48 * 2;

/**
 * The parts of a split vote from its params (`abi.encodePacked(uint128 against, uint128 for,
 * uint128 abstain)`), or null when they are not exactly that.
 *
 * @example
 * decodeSplitParams(fractionalParams({ against: 1n, for: 2n, abstain: 3n })) // { against: 1n, for: 2n, abstain: 3n }
 * decodeSplitParams("0x01") // null
 */
export function decodeSplitParams(params: string): VoteSplit | null {
  if (params.length !== splitParamsLength || !/^0x[0-9a-fA-F]*$/.test(params)) return null;
  const part = (index: number) => BigInt(`0x${params.slice(2 + index * 32, 2 + (index + 1) * 32)}`);
  return { against: part(0), for: part(1), abstain: part(2) };
}

/** A split as the JSON strings of indexed votes and `CastVote`. */
export function splitStrings(split: VoteSplit): IndexedVoteSplit {
  return {
    againstVotes: split.against.toString(),
    forVotes: split.for.toString(),
    abstainVotes: split.abstain.toString(),
  };
}

/**
 * What a cast vote put on each side: a nominal vote its whole weight on one; a split its parts; a
 * split whose parts could not be read, nothing.
 */
export function votePartsOf(vote: Pick<CastVote, "support" | "weight" | "split">): VoteSplit {
  const weight = BigInt(vote.weight);
  if (vote.split) {
    return {
      against: BigInt(vote.split.againstVotes),
      for: BigInt(vote.split.forVotes),
      abstain: BigInt(vote.split.abstainVotes),
    };
  }
  return {
    against: vote.support === 0 ? weight : 0n,
    for: vote.support === 1 ? weight : 0n,
    abstain: vote.support === 2 ? weight : 0n,
  };
}

/** A vote whose weight is (partly) split, or whose split could not be read. */
export function isSplitVote(vote: Pick<CastVote, "support" | "split">): boolean {
  return vote.split != null || vote.support === splitSupport;
}

/**
 * How a split reads: "For 600 · Against 300 · Abstain 100" (all three sides, so it never reads as
 * a single choice).
 */
export function describeSplit(split: VoteSplit, unit: VoteUnit): string {
  return splitSides.map((side) => `${splitSideNames[side]} ${formatVoteNumber(split[side], unit)}`).join(" · ");
}

/**
 * How a vote that is (partly) split reads, or null for a nominal vote: "For 600 · Against 300 ·
 * Abstain 100"; parts that could not be read from the chain are said to be so.
 *
 * @example
 * splitVoteText({ support: 255, weight: "1000", split: { forVotes: "600", againstVotes: "300", abstainVotes: "100" } }, unit)
 * // "For 600 · Against 300 · Abstain 100"
 */
export function splitVoteText(vote: Pick<CastVote, "support" | "weight" | "split">, unit: VoteUnit): string | null {
  if (!isSplitVote(vote)) return null;
  const parts = votePartsOf(vote);
  const read = parts.against + parts.for + parts.abstain;
  if (!vote.split || (read === 0n && BigInt(vote.weight) > 0n)) return "a split whose parts could not be read";
  const unread = BigInt(vote.weight) - read;
  const text = describeSplit(parts, unit);
  return unread > 0n ? `${text} · ${formatVoteNumber(unread, unit)} unreadable` : text;
}

/**
 * Two votes of one voter on one proposal as one (a fractional voter may vote several times): the
 * weights add up; two nominal votes for the same side stay nominal, anything else becomes a split
 * whose parts add up (parts that could not be read count nowhere). The reason and transaction are
 * the later vote's (its reason, or the earlier one when it gave none).
 */
export function combineVotes(earlier: CastVote, later: CastVote): CastVote {
  const weight = (BigInt(earlier.weight) + BigInt(later.weight)).toString();
  const reason = later.reason.trim() !== "" ? later.reason : earlier.reason;
  if (!isSplitVote(earlier) && !isSplitVote(later) && earlier.support === later.support) {
    return { support: later.support, weight, reason, tx: later.tx, split: null };
  }
  if (isSplitVote(earlier) && !earlier.split && isSplitVote(later) && !later.split) {
    return { support: splitSupport, weight, reason, tx: later.tx, split: null };
  }
  const a = votePartsOf(earlier);
  const b = votePartsOf(later);
  const split = splitStrings({ against: a.against + b.against, for: a.for + b.for, abstain: a.abstain + b.abstain });
  return { support: splitSupport, weight, reason, tx: later.tx, split };
}
