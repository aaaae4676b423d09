import { type Address, encodeAbiParameters, encodeEventTopics, type Hash, type Hex, type Log, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { governorEventsAbi } from "../../contracts-abi/governorEvents";
import { isTransactionHash, proposalFromReceipt } from "./proposalFromReceipt";

const governor: Address = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const other: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const proposer: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const txHash: Hash = `0x${"ab".repeat(32)}`;

const createdInputs = governorEventsAbi.find((item) => item.name === "ProposalCreated")?.inputs ?? [];

function createdLog(address: Address, proposalId: bigint, description: string): Log {
  const topics = encodeEventTopics({ abi: governorEventsAbi, eventName: "ProposalCreated" }) as [Hex];
  const data = encodeAbiParameters(createdInputs, [
    proposalId,
    proposer,
    [other],
    [5n],
    [""],
    ["0x1234"],
    110n,
    170n,
    description,
  ]);
  return {
    address,
    topics,
    data,
    blockHash: `0x${"01".repeat(32)}`,
    blockNumber: 100n,
    logIndex: 0,
    transactionHash: txHash,
    transactionIndex: 0,
    removed: false,
  };
}

function receipt(logs: Log[]) {
  return { transactionHash: txHash, blockNumber: 100n, logs };
}

describe("proposalFromReceipt", () => {
  it("reads the matching ProposalCreated of the DAO's governor", () => {
    const proposal = proposalFromReceipt({
      receipt: receipt([createdLog(governor, 7n, "# Fund *grants*\n\nBody")]),
      blockTimestamp: 1_700_000_000n,
      chainId: 31337,
      governor,
      proposalId: 7n,
    });
    expect(proposal).toMatchObject({
      id: "7",
      proposer,
      targets: [other],
      values: ["5"],
      signatures: [""],
      calldatas: ["0x1234"],
      description: "# Fund *grants*\n\nBody",
      title: "Fund grants",
      voteStart: "110",
      voteEnd: "170",
      originalVoteEnd: "170",
      extendedVoteEnd: null,
      createdBlock: "100",
      createdTimestamp: 1_700_000_000,
      createdTx: txHash,
      forVotes: "0",
      voteCount: 0,
      status: "created",
      eta: null,
    });
  });

  it("ignores another id and logs of another contract", () => {
    const input = { blockTimestamp: 1n, chainId: 31337, governor, proposalId: 7n };
    expect(proposalFromReceipt({ ...input, receipt: receipt([createdLog(governor, 8n, "x")]) })).toBeNull();
    expect(proposalFromReceipt({ ...input, receipt: receipt([createdLog(other, 7n, "x")]) })).toBeNull();
    expect(
      proposalFromReceipt({
        ...input,
        receipt: receipt([{ ...createdLog(governor, 7n, "x"), topics: [zeroAddress] }]),
      }),
    ).toBeNull();
    expect(proposalFromReceipt({ ...input, receipt: receipt([]) })).toBeNull();
  });
});

describe("isTransactionHash", () => {
  it("accepts 0x and 64 hex digits only", () => {
    expect(isTransactionHash(txHash)).toBe(true);
    expect(isTransactionHash(txHash.toUpperCase().replace("0X", "0x"))).toBe(true);
    expect(isTransactionHash(`${txHash}0`)).toBe(false);
    expect(isTransactionHash("0x1234")).toBe(false);
    expect(isTransactionHash(`0x${"zz".repeat(32)}`)).toBe(false);
    expect(isTransactionHash(["0x"])).toBe(false);
    expect(isTransactionHash(undefined)).toBe(false);
  });
});
