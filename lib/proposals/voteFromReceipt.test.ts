import { type Address, encodeAbiParameters, encodeEventTopics, type Hash, type Hex, type Log } from "viem";
import { describe, expect, it } from "vitest";
import { governorEventsAbi } from "../../contracts-abi/governorEvents";
import { voteFromReceipt } from "./voteFromReceipt";

const governor: Address = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const voter: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const stranger: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const transactionHash: Hash = `0x${"cd".repeat(32)}`;

function voteLog(options: { address?: Address; voter?: Address; proposalId?: bigint; withParams?: boolean }): Log {
  const eventName = options.withParams ? "VoteCastWithParams" : "VoteCast";
  const inputs = governorEventsAbi.find((item) => item.name === eventName)?.inputs.filter((input) => !input.indexed);
  const values: unknown[] = [options.proposalId ?? 7n, 1, 42n, "Because"];
  if (options.withParams) values.push("0x01");
  return {
    address: options.address ?? governor,
    topics: encodeEventTopics({
      abi: governorEventsAbi,
      eventName,
      args: { voter: options.voter ?? voter },
    }) as [Hex, Hex],
    data: encodeAbiParameters(inputs ?? [], values),
    blockHash: `0x${"01".repeat(32)}`,
    blockNumber: 100n,
    logIndex: 0,
    transactionHash,
    transactionIndex: 0,
    removed: false,
  };
}

const base = { governor, proposalId: 7n, voter };

describe("voteFromReceipt", () => {
  it("reads the voter's VoteCast or VoteCastWithParams for the proposal", () => {
    const expected = { support: 1, weight: "42", reason: "Because", tx: transactionHash };
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [voteLog({})] } })).toEqual(expected);
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [voteLog({ withParams: true })] } })).toEqual(
      expected,
    );
  });

  it("ignores other contracts, proposals and voters", () => {
    const logs = [voteLog({ address: stranger }), voteLog({ proposalId: 8n }), voteLog({ voter: stranger })];
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs } })).toBeNull();
  });
});
