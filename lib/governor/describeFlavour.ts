/**
 * What `detectGovernor` found, in words for the DAO's About page: the governor's family, its clock,
 * how votes are counted, late-quorum protection, the timelock, the voting token and how its votes
 * are read — and, for a governor Commons cannot fully drive, what is missing. Pure: the page
 * renders the rows as they come.
 */
import { describeCountingMode } from "../format/describeGovernorModes";
import { formatDuration } from "../format/formatDuration";
import type { GovernorFlavour } from "./detect";

export type FlavourRow = {
  key: "family" | "clock" | "counting" | "lateQuorum" | "timelock" | "token" | "votes";
  /** The row's label ("Governor type"). */
  term: string;
  /** The finding, in a few words. */
  value: string;
  /** What it means for a voter, or the raw value it was read from. */
  detail?: string;
};

export type FlavourDescription = { rows: FlavourRow[]; missing: string[] };

export type DescribeFlavourOptions = {
  /** The chain's observed seconds per block, to put a block count in time (block clocks only). */
  secondsPerBlock?: number;
};

const familyNames = {
  openzeppelin: "OpenZeppelin Governor",
  bravo: "Compound GovernorBravo",
  "oz-bravo-compatible": "OpenZeppelin Governor 4.x with Bravo compatibility",
  alpha: "Compound GovernorAlpha",
} as const;

const familyDetails = {
  openzeppelin: "Proposals are identified by the hash of their actions and description.",
  bravo:
    "Proposals are numbered by a counter and carry function signatures; queue, execute and cancel take only the proposal’s number.",
  "oz-bravo-compatible":
    "GovernorCompatibilityBravo: OpenZeppelin’s Governor that also takes GovernorBravo’s propose with function signatures, and queue, execute and cancel by proposal id.",
  alpha:
    "GovernorBravo’s predecessor: proposals are numbered by a counter and carry function signatures; queue, execute and cancel take only the proposal’s number. Its voting delay and period are fixed in the contract.",
} as const;

function plural(count: number, name: string): string {
  return `${count.toLocaleString("en-US")} ${name}${count === 1 ? "" : "s"}`;
}

/** "50 blocks (≈ 10 minutes)" or "1 hour" (timestamp clock): a span of clock units. */
export function describeClockSpan(
  units: number,
  clock: GovernorFlavour["clock"],
  options: DescribeFlavourOptions = {},
): string {
  if (clock === "timestamp") return formatDuration(units);
  const blocks = plural(units, "block");
  return options.secondsPerBlock && options.secondsPerBlock > 0
    ? `${blocks} (≈ ${formatDuration(units * options.secondsPerBlock)})`
    : blocks;
}

function clockRow(flavour: GovernorFlavour): FlavourRow {
  const mode = `CLOCK_MODE “${flavour.clockMode.slice(0, 80)}”`;
  if (flavour.clock === "timestamp") {
    return {
      key: "clock",
      term: "Clock",
      value: "Timestamps (ERC-6372)",
      detail: `${mode}: snapshots and deadlines are times in seconds, shown as dates.`,
    };
  }
  return {
    key: "clock",
    term: "Clock",
    value: flavour.hasClock ? "Block numbers (ERC-6372)" : "Block numbers",
    detail: flavour.hasClock
      ? `${mode}: snapshots and deadlines are block numbers; their dates are estimated from the chain’s block time.`
      : "The governor predates ERC-6372 (no CLOCK_MODE): snapshots and deadlines are block numbers; their dates are estimated from the chain’s block time.",
  };
}

function countingRow(flavour: GovernorFlavour): FlavourRow {
  const modes = describeCountingMode(flavour.countingMode);
  const quorum = modes.quorum.endsWith("count toward quorum") ? `${modes.quorum}.` : `Quorum: ${modes.quorum}.`;
  if (flavour.fractional) {
    return {
      key: "counting",
      term: "Vote counting",
      value: "For, Against or Abstain; votes may be split",
      detail: `Fractional counting: a voter may split their voting power between For, Against and Abstain, in one vote or several. ${quorum}`,
    };
  }
  if (flavour.family === "alpha") {
    return {
      key: "counting",
      term: "Vote counting",
      value: "For or Against (GovernorAlpha counting)",
      detail: `Each voter casts all their voting power For or Against; there is no Abstain, and a vote carries no reason. ${quorum}`,
    };
  }
  const bravo = flavour.family === "bravo" || new URLSearchParams(flavour.countingMode).get("quorum") === "bravo";
  return {
    key: "counting",
    term: "Vote counting",
    value: bravo ? "For, Against or Abstain (GovernorBravo counting)" : `${modes.support}`,
    detail: `Each voter casts all their voting power on one side. ${quorum}`,
  };
}

function lateQuorumRow(flavour: GovernorFlavour, options: DescribeFlavourOptions): FlavourRow {
  if (!flavour.lateQuorum || flavour.lateQuorumExtension === null) {
    return {
      key: "lateQuorum",
      term: "Late-quorum protection",
      value: "None",
      detail: "The voting deadline is fixed when the proposal is created.",
    };
  }
  const span = describeClockSpan(flavour.lateQuorumExtension, flavour.clock, options);
  return {
    key: "lateQuorum",
    term: "Late-quorum protection",
    value: `On: a late quorum extends voting by ${span}`,
    detail: `When quorum is reached late, the deadline moves so that voting stays open ${span} after the vote that reached it: voters get time to react to a last-minute majority.`,
  };
}

function timelockRow(flavour: GovernorFlavour): FlavourRow {
  const { timelock } = flavour;
  switch (timelock.kind) {
    case "openzeppelin":
      return {
        key: "timelock",
        term: "Timelock type",
        value: `OpenZeppelin TimelockController (minimum delay ${formatDuration(timelock.minDelaySeconds)})`,
        detail: "A proposal that passes is queued, and can be executed once the delay has passed. It does not expire.",
      };
    case "compound": {
      const grace = formatDuration(timelock.gracePeriodSeconds);
      return {
        key: "timelock",
        term: "Timelock type",
        value: `Compound Timelock (delay ${formatDuration(timelock.delaySeconds)}, grace period ${grace})`,
        detail: `A proposal that passes is queued, and can be executed once the delay has passed. Queued proposals expire after ${grace}: one not executed within the grace period after its ETA is Expired and can never be executed.`,
      };
    }
    case "unknown":
      return {
        key: "timelock",
        term: "Timelock type",
        value: "A timelock of an unknown kind",
        detail: "It answers neither getMinDelay() (OpenZeppelin) nor delay() and GRACE_PERIOD() (Compound).",
      };
    case "none":
      return {
        key: "timelock",
        term: "Timelock type",
        value: "None",
        detail: "The governor executes proposals itself, with no delay.",
      };
  }
}

function tokenRows(flavour: GovernorFlavour): FlavourRow[] {
  const { token } = flavour;
  if (!token) return [{ key: "token", term: "Token type", value: "Unknown (no votes token found)" }];
  const symbol = token.symbol ? ` (${token.symbol.slice(0, 40)})` : "";
  const tokenRow: FlavourRow =
    token.kind === "erc721votes"
      ? {
          key: "token",
          term: "Token type",
          value: `ERC721Votes NFT${symbol}: one NFT is one vote`,
          detail: "Amounts of votes are whole numbers.",
        }
      : {
          key: "token",
          term: "Token type",
          value: `ERC20Votes${symbol}, ${plural(token.decimals, "decimal")}`,
          detail: "Voting power is the delegated token balance.",
        };
  const votesRow: FlavourRow =
    token.votes === "getPriorVotes"
      ? {
          key: "votes",
          term: "Votes read with",
          value: "getPriorVotes(account, blockNumber)",
          detail: "Compound’s Comp/Uni interface: voting power at a past block.",
        }
      : {
          key: "votes",
          term: "Votes read with",
          value: "getPastVotes(account, timepoint)",
          detail: "OpenZeppelin Votes: voting power at a past point of the governor’s clock.",
        };
  return [tokenRow, votesRow];
}

/**
 * @example
 * describeFlavour(flavour).rows.find((row) => row.key === "family")?.value // "OpenZeppelin Governor"
 * describeFlavour(flavour).missing // ["no proposalThreshold()"]
 */
export function describeFlavour(flavour: GovernorFlavour, options: DescribeFlavourOptions = {}): FlavourDescription {
  const family: FlavourRow = flavour.family
    ? {
        key: "family",
        term: "Governor type",
        value: familyNames[flavour.family],
        detail: familyDetails[flavour.family],
      }
    : { key: "family", term: "Governor type", value: "Unknown", detail: "Not a governor Commons recognises." };
  const rows = [
    family,
    clockRow(flavour),
    countingRow(flavour),
    lateQuorumRow(flavour, options),
    timelockRow(flavour),
    ...tokenRows(flavour),
  ];
  return { rows, missing: flavour.missing.map((item) => item.message) };
}
