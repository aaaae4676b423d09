import {
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  type Hex,
  multicall3Abi,
  parseAbi,
} from "viem";
import { describe, expect, it } from "vitest";
import { daoChain } from "./daoChain";
import { proposalStateName, proposalStateNames, readProposalStates } from "./proposalStates";

const governor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const stateAbi = parseAbi(["function state(uint256 proposalId) view returns (uint8)"]);

/** A chain whose governor knows proposals 1..8 (state = id - 1) and reverts for any other id. */
function fakeChain(onCall?: () => void) {
  return createPublicClient({
    chain: daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" }),
    transport: custom({
      async request({ method, params }) {
        if (method === "eth_chainId") return "0x7a69";
        if (method !== "eth_call") throw new Error(`unexpected ${method}`);
        onCall?.();
        const { data } = (params as [{ data: Hex }])[0];
        const { args } = decodeFunctionData({ abi: multicall3Abi, data });
        const calls = args[0] as readonly { target: string; callData: Hex }[];
        const results = calls.map(({ target, callData }) => {
          const [id] = decodeFunctionData({ abi: stateAbi, data: callData }).args;
          if (target.toLowerCase() !== governor.toLowerCase() || id < 1n || id > 8n) {
            return { success: false, returnData: "0x" as Hex };
          }
          const returnData = encodeFunctionResult({ abi: stateAbi, functionName: "state", result: Number(id - 1n) });
          return { success: true, returnData };
        });
        return encodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", result: results });
      },
    }),
  });
}

describe("proposalStateName", () => {
  it("follows IGovernor.ProposalState order", () => {
    expect(proposalStateNames.map((_, i) => proposalStateName(i))).toEqual([
      "Pending",
      "Active",
      "Canceled",
      "Defeated",
      "Succeeded",
      "Queued",
      "Expired",
      "Executed",
    ]);
    expect(proposalStateName(7n)).toBe("Executed");
  });

  it("returns undefined outside the enum", () => {
    expect(proposalStateName(8)).toBeUndefined();
  });
});

describe("readProposalStates", () => {
  it("reads every state in one multicall, undefined where the call reverts", async () => {
    let calls = 0;
    const client = fakeChain(() => calls++);
    const states = await readProposalStates(client, governor, [2n, 99n, 8n, 6n]);
    expect(states).toEqual(["Active", undefined, "Executed", "Queued"]);
    expect(calls).toBe(1);
  });

  it("does not call the chain for no ids", async () => {
    let calls = 0;
    expect(
      await readProposalStates(
        fakeChain(() => calls++),
        governor,
        [],
      ),
    ).toEqual([]);
    expect(calls).toBe(0);
  });

  it("throws when the chain cannot be reached", async () => {
    const client = createPublicClient({
      chain: daoChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" }),
      transport: custom(
        {
          async request() {
            throw new Error("connect ECONNREFUSED");
          },
        },
        { retryCount: 0 },
      ),
    });
    await expect(readProposalStates(client, governor, [1n])).rejects.toThrow(/ECONNREFUSED/);
  });
});
