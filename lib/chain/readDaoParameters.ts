/**
 * The parameters a voter needs to know about a DAO, read from its governor, token and timelock in
 * one Multicall3 round trip. Both governor flavours are asked (OpenZeppelin's quorum(timepoint)
 * and getMinDelay(), GovernorBravo's quorumVotes() and the Compound Timelock's delay()); whatever
 * the contracts do not implement comes back undefined.
 */
import { type Address, erc20Abi, type PublicClient, parseAbi } from "viem";
import type { ClockContext } from "./clock";
import { contractCall, readCalls } from "./readCalls";

const governorAbi = parseAbi([
  "function name() view returns (string)",
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function proposalThreshold() view returns (uint256)",
  "function quorumNumerator() view returns (uint256)",
  "function quorumDenominator() view returns (uint256)",
  "function quorum(uint256 timepoint) view returns (uint256)",
  "function quorumVotes() view returns (uint256)",
  "function clock() view returns (uint48)",
  "function CLOCK_MODE() view returns (string)",
  "function COUNTING_MODE() view returns (string)",
  "function lateQuorumVoteExtension() view returns (uint48)",
]);
const tokenAbi = parseAbi(["function getPastTotalSupply(uint256 timepoint) view returns (uint256)"]);
const timelockAbi = parseAbi([
  "function getMinDelay() view returns (uint256)",
  "function delay() view returns (uint256)",
]);

export type DaoParameters = {
  governorName: string | undefined;
  /** In clock units (blocks or seconds). */
  votingDelay: bigint | undefined;
  /** In clock units (blocks or seconds). */
  votingPeriod: bigint | undefined;
  /** In token base units. */
  proposalThreshold: bigint | undefined;
  quorumNumerator: bigint | undefined;
  quorumDenominator: bigint | undefined;
  /** Votes needed at `timepoint` (OZ `quorum(timepoint)`, or Bravo's fixed `quorumVotes()`). */
  quorum: bigint | undefined;
  /** The governor clock value the quorum and past supply were read at: clock() − 1. */
  timepoint: bigint;
  clock: bigint | undefined;
  clockMode: string | undefined;
  countingMode: string | undefined;
  /** GovernorPreventLateQuorum's extension, in clock units. */
  lateQuorumExtension: bigint | undefined;
  tokenName: string | undefined;
  totalSupply: bigint | undefined;
  /** getPastTotalSupply(timepoint): the supply the quorum fraction applies to. */
  pastTotalSupply: bigint | undefined;
  /** The timelock's minimum delay in seconds (OZ getMinDelay, Compound delay). */
  timelockDelay: bigint | undefined;
};

/**
 * Reads at the block of `clock` (a block clock) so every figure describes the same moment, and
 * asks for the quorum and past supply at clock() − 1, the latest timepoint the contracts accept.
 * Throws when the chain cannot be reached.
 *
 * @example
 * const clock = await readClockContext(client, dao.clockMode);
 * const params = await readDaoParameters(client, { governor, token, timelock }, clock);
 * params.votingPeriod // 60n (blocks)
 */
export async function readDaoParameters(
  client: Pick<PublicClient, "chain" | "readContract">,
  dao: { governor: Address; token: Address; timelock: Address | null },
  clock: ClockContext,
): Promise<DaoParameters> {
  const timepoint = clock.mode === "blocknumber" ? clock.headBlock - 1n : clock.headTimestamp - 1n;
  const governor = <const name extends Exclude<(typeof governorAbi)[number]["name"], "quorum">>(functionName: name) =>
    contractCall({ address: dao.governor, abi: governorAbi, functionName });
  // Without a timelock, ask the governor itself: it answers neither, and the delay stays undefined.
  const timelock = dao.timelock ?? dao.governor;
  const [
    governorName,
    votingDelay,
    votingPeriod,
    proposalThreshold,
    quorumNumerator,
    quorumDenominator,
    quorumAt,
    quorumVotes,
    clockValue,
    clockMode,
    countingMode,
    lateQuorumExtension,
    tokenName,
    totalSupply,
    pastTotalSupply,
    minDelay,
    compoundDelay,
  ] = await readCalls(
    client,
    [
      governor("name"),
      governor("votingDelay"),
      governor("votingPeriod"),
      governor("proposalThreshold"),
      governor("quorumNumerator"),
      governor("quorumDenominator"),
      contractCall({ address: dao.governor, abi: governorAbi, functionName: "quorum", args: [timepoint] }),
      governor("quorumVotes"),
      governor("clock"),
      governor("CLOCK_MODE"),
      governor("COUNTING_MODE"),
      governor("lateQuorumVoteExtension"),
      contractCall({ address: dao.token, abi: erc20Abi, functionName: "name" }),
      contractCall({ address: dao.token, abi: erc20Abi, functionName: "totalSupply" }),
      contractCall({ address: dao.token, abi: tokenAbi, functionName: "getPastTotalSupply", args: [timepoint] }),
      contractCall({ address: timelock, abi: timelockAbi, functionName: "getMinDelay" }),
      contractCall({ address: timelock, abi: timelockAbi, functionName: "delay" }),
    ] as const,
    clock.mode === "blocknumber" ? { blockNumber: clock.headBlock } : {},
  );
  return {
    governorName,
    votingDelay,
    votingPeriod,
    proposalThreshold,
    quorumNumerator,
    quorumDenominator,
    quorum: quorumAt ?? quorumVotes,
    timepoint,
    clock: clockValue === undefined ? undefined : BigInt(clockValue),
    clockMode,
    countingMode,
    lateQuorumExtension: lateQuorumExtension === undefined ? undefined : BigInt(lateQuorumExtension),
    tokenName,
    totalSupply,
    pastTotalSupply,
    timelockDelay: dao.timelock === null ? undefined : (minDelay ?? compoundDelay),
  };
}
