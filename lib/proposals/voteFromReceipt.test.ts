import { type Address, encodeAbiParameters, encodeEventTopics, type Hash, type Hex, type Log } from "viem";
import { describe, expect, it } from "vitest";
import { governorEventsAbi } from "../../contracts-abi/governorEvents";
import { fractionalParams } from "../governor/families/fractional";
import { voteFromReceipt } from "./voteFromReceipt";

const governor: Address = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const voter: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const stranger: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const transactionHash: Hash = `0x${"cd".repeat(32)}`;

type VoteLogOptions = {
  address?: Address;
  voter?: Address;
  proposalId?: bigint;
  withParams?: boolean;
  support?: number;
  weight?: bigint;
  params?: Hex;
  logIndex?: number;
};

function voteLog(options: VoteLogOptions): Log {
  const withParams = options.withParams ?? options.params !== undefined;
  const eventName = withParams ? "VoteCastWithParams" : "VoteCast";
  const inputs = governorEventsAbi.find((item) => item.name === eventName)?.inputs.filter((input) => !input.indexed);
  const values: unknown[] = [options.proposalId ?? 7n, options.support ?? 1, options.weight ?? 42n, "Because"];
  if (withParams) values.push(options.params ?? "0x01");
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
    logIndex: options.logIndex ?? 0,
    transactionHash,
    transactionIndex: 0,
    removed: false,
  };
}

const base = { governor, proposalId: 7n, voter };

describe("voteFromReceipt", () => {
  it("reads the voter's VoteCast or VoteCastWithParams for the proposal", () => {
    const expected = { support: 1, weight: "42", reason: "Because", tx: transactionHash, split: null };
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [voteLog({})] } })).toEqual(expected);
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [voteLog({ withParams: true })] } })).toEqual(
      expected,
    );
  });

  it("reads GovernorAlpha's VoteCast (voter not indexed, a bool support, no reason) as For or Against", () => {
    const alphaVoteCast = governorEventsAbi.find(
      (item) => item.name === "VoteCast" && item.inputs.some((input) => input.type === "bool"),
    );
    if (!alphaVoteCast) throw new Error("governorEventsAbi has no GovernorAlpha VoteCast");
    const alphaLog = (support: boolean, who: Address = voter): Log => ({
      ...voteLog({}),
      topics: encodeEventTopics({ abi: [alphaVoteCast] }) as [Hex],
      data: encodeAbiParameters(alphaVoteCast.inputs, [who, 7n, support, 300n]),
    });
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [alphaLog(true)] } })).toEqual({
      support: 1,
      weight: "300",
      reason: "",
      tx: transactionHash,
      split: null,
    });
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [alphaLog(false)] } })?.support).toBe(0);
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [alphaLog(true, stranger)] } })).toBeNull();
  });

  it("ignores other contracts, proposals and voters", () => {
    const logs = [voteLog({ address: stranger }), voteLog({ proposalId: 8n }), voteLog({ voter: stranger })];
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs } })).toBeNull();
  });

  it("reads a split vote's parts from its 48-byte params", () => {
    const params = fractionalParams({ againstVotes: 300n, forVotes: 600n, abstainVotes: 100n });
    const log = voteLog({ support: 255, weight: 1_000n, params });
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [log] } })).toEqual({
      support: 255,
      weight: "1000",
      reason: "Because",
      tx: transactionHash,
      split: { againstVotes: "300", forVotes: "600", abstainVotes: "100" },
    });
  });

  it("shows a split with malformed params as a vote whose split is unknown, without failing", () => {
    for (const params of ["0x", "0x01", `0x${"00".repeat(47)}`, `0x${"ff".repeat(49)}`] as Hex[]) {
      const log = voteLog({ support: 255, weight: 1_000n, params });
      expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [log] } })).toEqual({
        support: 255,
        weight: "1000",
        reason: "Because",
        tx: transactionHash,
        split: null,
      });
    }
  });

  it("reads params of another support as a nominal vote", () => {
    const params = fractionalParams({ againstVotes: 1n, forVotes: 2n, abstainVotes: 3n });
    const log = voteLog({ support: 2, weight: 6n, params });
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs: [log] } })).toMatchObject({
      support: 2,
      split: null,
    });
  });

  it("adds up several votes of the voter in one transaction", () => {
    const logs = [
      voteLog({
        support: 255,
        weight: 3n,
        params: fractionalParams({ againstVotes: 1n, forVotes: 2n, abstainVotes: 0n }),
      }),
      voteLog({ support: 2, weight: 4n, logIndex: 1 }),
    ];
    expect(voteFromReceipt({ ...base, receipt: { transactionHash, logs } })).toMatchObject({
      support: 255,
      weight: "7",
      split: { againstVotes: "1", forVotes: "2", abstainVotes: "4" },
    });
  });
});
