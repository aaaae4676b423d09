import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { describeClockSpan, describeFlavour } from "./describeFlavour";
import type { GovernorFlavour } from "./detect";

const governor: Address = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const token: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const timelock: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

const oz5: GovernorFlavour = {
  chainId: 31337,
  governor,
  supported: true,
  family: "openzeppelin",
  name: "Commons Governor",
  clockMode: "mode=blocknumber&from=default",
  clock: "blocknumber",
  hasClock: true,
  countingMode: "support=bravo&quorum=for,abstain",
  fractional: false,
  lateQuorum: false,
  lateQuorumExtension: null,
  timelock: { kind: "openzeppelin", address: timelock, minDelaySeconds: 86_400 },
  token: { kind: "erc20votes", address: token, decimals: 18, symbol: "COMM", name: null, votes: "getPastVotes" },
  missing: [],
};

const values = (flavour: GovernorFlavour, secondsPerBlock?: number) =>
  Object.fromEntries(describeFlavour(flavour, { secondsPerBlock }).rows.map((row) => [row.key, row.value]));
const details = (flavour: GovernorFlavour) =>
  Object.fromEntries(describeFlavour(flavour).rows.map((row) => [row.key, row.detail]));

describe("describeFlavour", () => {
  it("describes an OpenZeppelin 5 governor on a block clock", () => {
    expect(values(oz5)).toEqual({
      family: "OpenZeppelin Governor",
      clock: "Block numbers (ERC-6372)",
      counting: "For, Against or Abstain",
      lateQuorum: "None",
      timelock: "OpenZeppelin TimelockController (minimum delay 1 day)",
      token: "ERC20Votes (COMM), 18 decimals",
      votes: "getPastVotes(account, timepoint)",
    });
    expect(describeFlavour(oz5).rows.map((row) => row.term)).toEqual([
      "Governor type",
      "Clock",
      "Vote counting",
      "Late-quorum protection",
      "Timelock type",
      "Token type",
      "Votes read with",
    ]);
    expect(details(oz5).clock).toContain("CLOCK_MODE “mode=blocknumber&from=default”");
    expect(details(oz5).counting).toBe(
      "Each voter casts all their voting power on one side. For and Abstain votes count toward quorum.",
    );
    expect(describeFlavour(oz5).missing).toEqual([]);
  });

  it("describes a timestamp clock with fractional counting", () => {
    const flavour: GovernorFlavour = {
      ...oz5,
      clockMode: "mode=timestamp",
      clock: "timestamp",
      countingMode: "support=bravo,fractional&quorum=for,abstain&params=fractional",
      fractional: true,
    };
    expect(values(flavour)).toMatchObject({
      clock: "Timestamps (ERC-6372)",
      counting: "For, Against or Abstain; votes may be split",
    });
    expect(details(flavour).clock).toBe(
      "CLOCK_MODE “mode=timestamp”: snapshots and deadlines are times in seconds, shown as dates.",
    );
    expect(details(flavour).counting).toMatch(/^Fractional counting: a voter may split their voting power/);
  });

  it("describes late-quorum protection in blocks, or as a duration on a timestamp clock", () => {
    const blocks: GovernorFlavour = { ...oz5, lateQuorum: true, lateQuorumExtension: 50 };
    expect(values(blocks).lateQuorum).toBe("On: a late quorum extends voting by 50 blocks");
    expect(values(blocks, 12).lateQuorum).toBe("On: a late quorum extends voting by 50 blocks (≈ 10 minutes)");
    expect(details(blocks).lateQuorum).toMatch(/^When quorum is reached late, the deadline moves/);
    const time: GovernorFlavour = {
      ...blocks,
      clock: "timestamp",
      clockMode: "mode=timestamp",
      lateQuorumExtension: 3600,
    };
    expect(values(time, 12).lateQuorum).toBe("On: a late quorum extends voting by 1 hour");
    expect(describeClockSpan(1, "blocknumber")).toBe("1 block");
  });

  it("describes an NFT token: one NFT is one vote", () => {
    const flavour: GovernorFlavour = {
      ...oz5,
      token: { kind: "erc721votes", address: token, decimals: 0, symbol: "CNFT", name: null, votes: "getPastVotes" },
    };
    expect(values(flavour).token).toBe("ERC721Votes NFT (CNFT): one NFT is one vote");
  });

  it("describes OZ 4.x with Bravo compatibility and a Compound timelock", () => {
    const flavour: GovernorFlavour = {
      ...oz5,
      family: "oz-bravo-compatible",
      countingMode: "support=bravo&quorum=bravo",
      timelock: { kind: "compound", address: timelock, delaySeconds: 172_800, gracePeriodSeconds: 14 * 86_400 },
    };
    expect(values(flavour)).toMatchObject({
      family: "OpenZeppelin Governor 4.x with Bravo compatibility",
      counting: "For, Against or Abstain (GovernorBravo counting)",
      timelock: "Compound Timelock (delay 2 days, grace period 2 weeks)",
    });
    expect(details(flavour).counting).toBe(
      "Each voter casts all their voting power on one side. For votes count toward quorum.",
    );
    expect(details(flavour).timelock).toContain("Queued proposals expire after 2 weeks");
  });

  it("describes Compound's GovernorBravo without a clock, and no timelock", () => {
    const flavour: GovernorFlavour = {
      ...oz5,
      family: "bravo",
      clockMode: "mode=blocknumber&from=default",
      hasClock: false,
      countingMode: "support=bravo&quorum=bravo",
      timelock: { kind: "none" },
      token: { kind: "erc20votes", address: token, decimals: 18, symbol: "COMP", name: null, votes: "getPriorVotes" },
    };
    expect(values(flavour)).toMatchObject({
      family: "Compound GovernorBravo",
      clock: "Block numbers",
      timelock: "None",
      votes: "getPriorVotes(account, blockNumber)",
    });
    expect(details(flavour).clock).toMatch(/predates ERC-6372/);
  });

  it("describes Compound's GovernorAlpha: For or Against only, no reasons, a Compound timelock", () => {
    const flavour: GovernorFlavour = {
      ...oz5,
      family: "alpha",
      name: "Uniswap Governor Alpha",
      hasClock: false,
      countingMode: "support=alpha&quorum=bravo",
      timelock: { kind: "compound", address: timelock, delaySeconds: 172_800, gracePeriodSeconds: 1_209_600 },
      token: {
        kind: "erc20votes",
        address: token,
        name: "Uniswap",
        decimals: 18,
        symbol: "UNI",
        votes: "getPriorVotes",
      },
    };
    expect(values(flavour)).toMatchObject({
      family: "Compound GovernorAlpha",
      clock: "Block numbers",
      counting: "For or Against (GovernorAlpha counting)",
      timelock: "Compound Timelock (delay 2 days, grace period 2 weeks)",
      votes: "getPriorVotes(account, blockNumber)",
    });
    expect(details(flavour).counting).toBe(
      "Each voter casts all their voting power For or Against; there is no Abstain, and a vote carries no reason. For votes count toward quorum.",
    );
    expect(details(flavour).family).toMatch(/predecessor.*by a counter.*fixed in the contract/);
  });

  it("lists what is missing", () => {
    const flavour: GovernorFlavour = {
      ...oz5,
      supported: false,
      family: null,
      token: null,
      missing: [
        { capability: "proposalThreshold()", message: "no proposalThreshold()" },
        { capability: "token()", message: "no token()" },
      ],
    };
    expect(describeFlavour(flavour).missing).toEqual(["no proposalThreshold()", "no token()"]);
    expect(values(flavour)).toMatchObject({ family: "Unknown", token: "Unknown (no votes token found)" });
    expect(values(flavour).votes).toBeUndefined();
  });
});
