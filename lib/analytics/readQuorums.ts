/**
 * The governor's quorum at each of several timepoints (proposal snapshots), read in one batched
 * round trip through the DAO's adapter: OpenZeppelin's quorum(timepoint), Bravo's and Alpha's
 * fixed quorumVotes(). Undefined where the contract would not answer (a timepoint not yet past).
 */

import { type ChainReader, readCalls } from "../chain/readCalls";
import type { GovernorAdapter } from "../governor/adapter";
import { preparedRead } from "../governor/adapter";

/**
 * @example
 * const quorums = await readQuorums(client, adapterOf(dao), [120n, 340n]);
 * quorums.get(120n) // 400000000000000000000000n
 */
export async function readQuorums(
  client: ChainReader,
  adapter: Pick<GovernorAdapter, "quorum">,
  timepoints: readonly bigint[],
): Promise<Map<bigint, bigint | undefined>> {
  const unique = [...new Set(timepoints)];
  if (unique.length === 0) return new Map();
  const values = await readCalls(
    client,
    unique.map((timepoint) => preparedRead<bigint>(adapter.quorum(timepoint))),
  );
  return new Map(unique.map((timepoint, index) => [timepoint, asBigint(values[index])]));
}

function asBigint(value: unknown): bigint | undefined {
  return typeof value === "bigint" ? value : undefined;
}
