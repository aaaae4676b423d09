/**
 * The parameters a voter needs to know about a DAO, read from its governor, token and timelock in
 * one round trip from one block, each asked the way the DAO's adapter (lib/governor) says its
 * flavour answers (OpenZeppelin's quorum(timepoint) and quorum fraction, Bravo's quorumVotes(),
 * the OpenZeppelin or Compound timelock's delay). Whatever the contracts do not implement comes
 * back undefined.
 */
import type { ContractRead, GovernorAdapter } from "../governor/adapter";
import { preparedRead } from "../governor/adapter";
import type { ClockContext } from "./clock";
import { type ChainReader, type PreparedCall, readCalls } from "./readCalls";

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
 * const params = await readDaoParameters(client, governorAdapter(writeDao), clock);
 * params.votingPeriod // 60n (blocks)
 */
export async function readDaoParameters(
  client: ChainReader,
  adapter: GovernorAdapter,
  clock: ClockContext,
): Promise<DaoParameters> {
  const timepoint = clock.mode === "blocknumber" ? clock.headBlock - 1n : clock.headTimestamp - 1n;
  const optional = (read: ContractRead | undefined): PreparedCall<unknown> | undefined =>
    read === undefined ? undefined : preparedRead(read);
  const named = {
    governorName: preparedRead(adapter.name()),
    votingDelay: preparedRead(adapter.votingDelay()),
    votingPeriod: preparedRead(adapter.votingPeriod()),
    proposalThreshold: preparedRead(adapter.proposalThreshold()),
    quorumNumerator: optional(adapter.quorumNumerator?.()),
    quorumDenominator: optional(adapter.quorumDenominator?.()),
    quorum: preparedRead(adapter.quorum(timepoint)),
    clock: optional(adapter.clock?.()),
    clockMode: optional(adapter.clockMode?.()),
    countingMode: optional(adapter.countingMode?.()),
    lateQuorumExtension: optional(adapter.lateQuorumVoteExtension?.()),
    tokenName: preparedRead(adapter.tokenName()),
    totalSupply: preparedRead(adapter.totalSupply()),
    pastTotalSupply: optional(adapter.pastTotalSupply?.(timepoint)),
    timelockDelay: optional(adapter.timelockDelay?.()),
  };
  const keys = Object.keys(named) as (keyof typeof named)[];
  const present = keys.filter((key) => named[key] !== undefined);
  const values = await readCalls(
    client,
    present.map((key) => named[key] as PreparedCall<unknown>),
    clock.mode === "blocknumber" ? { blockNumber: clock.headBlock } : {},
  );
  const value = <T>(key: keyof typeof named) => {
    const index = present.indexOf(key);
    return (index === -1 ? undefined : values[index]) as T | undefined;
  };
  const big = (key: keyof typeof named) => {
    const raw = value<bigint | number>(key);
    return raw === undefined ? undefined : BigInt(raw);
  };
  return {
    governorName: value<string>("governorName"),
    votingDelay: big("votingDelay"),
    votingPeriod: big("votingPeriod"),
    proposalThreshold: big("proposalThreshold"),
    quorumNumerator: big("quorumNumerator"),
    quorumDenominator: big("quorumDenominator"),
    quorum: big("quorum"),
    timepoint,
    clock: big("clock"),
    clockMode: value<string>("clockMode"),
    countingMode: value<string>("countingMode"),
    lateQuorumExtension: big("lateQuorumExtension"),
    tokenName: value<string>("tokenName"),
    totalSupply: big("totalSupply"),
    pastTotalSupply: big("pastTotalSupply"),
    timelockDelay: big("timelockDelay"),
  };
}
