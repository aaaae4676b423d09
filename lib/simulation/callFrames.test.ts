import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import { actionFrames, type CallFrame, createdContracts, ethMovers, frameLogs, revertData } from "./callFrames";

const caller = "0x1111111111111111111111111111111111111111" as Address;
const governor = "0x2222222222222222222222222222222222222222" as Address;
const timelock = "0x3333333333333333333333333333333333333333" as Address;
const token = "0x4444444444444444444444444444444444444444" as Address;
const recipient = "0x5555555555555555555555555555555555555555" as Address;

const topic = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as Hex;
const logOf = (address: Address, n: number, position?: number) => ({
  address,
  topics: [topic(n)],
  data: "0x" as Hex,
  ...(position === undefined ? {} : { position: `0x${position.toString(16)}` as Hex }),
});

/** governor.execute → timelock.executeBatch → (recipient ← 1 ETH, token.transfer), as a callTracer answers. */
function executeTrace(transferFails = false): CallFrame {
  return {
    type: "CALL",
    from: caller,
    to: governor,
    input: "0xexecute" as Hex,
    gasUsed: "0x30000",
    ...(transferFails ? { error: "execution reverted", output: "0xe450d38c" as Hex } : {}),
    logs: transferFails ? [] : [logOf(governor, 9, 1)],
    calls: [
      {
        type: "CALL",
        from: governor,
        to: timelock,
        input: "0xbatch" as Hex,
        ...(transferFails ? { error: "execution reverted", output: "0xe450d38c" as Hex } : {}),
        logs: [logOf(timelock, 1, 0), logOf(timelock, 2, 1), logOf(timelock, 3, 2)],
        calls: [
          { type: "CALL", from: timelock, to: recipient, input: "0x", value: "0xde0b6b3a7640000", gasUsed: "0x0" },
          {
            type: "CALL",
            from: timelock,
            to: token,
            input: "0xa9059cbb" as Hex,
            value: "0x0",
            gasUsed: "0x9000",
            ...(transferFails ? { error: "execution reverted", output: "0xe450d38c" as Hex } : {}),
            logs: [logOf(token, 5)],
          },
        ],
      },
    ],
  };
}

describe("callFrames", () => {
  it("lists logs in the order they were emitted, sub-calls' logs between their caller's", () => {
    const order = frameLogs(executeTrace()).map((log) => Number(BigInt(log.topics[0] ?? "0x0")));
    // timelock log before the first call, between the two calls, after them; the governor's last.
    expect(order).toEqual([1, 2, 5, 3, 9]);
  });

  it("drops the logs of a frame that reverted", () => {
    expect(frameLogs(executeTrace(true))).toEqual([]);
  });

  it("finds the call that ran each action, and none for an action never reached", () => {
    const actions = [
      { target: recipient, value: 10n ** 18n, calldata: "0x" as Hex },
      { target: token, value: 0n, calldata: "0xa9059cbb" as Hex },
      { target: token, value: 0n, calldata: "0xdeadbeef" as Hex },
    ];
    const frames = actionFrames(executeTrace(), timelock, actions);
    expect(frames[0]?.to).toBe(recipient);
    expect(frames[1]?.gasUsed).toBe("0x9000");
    expect(frames[2]).toBeUndefined();
  });

  it("tells who moved ETH and which contracts were created", () => {
    expect(ethMovers(executeTrace())).toEqual([timelock, recipient]);
    const created: CallFrame = {
      type: "CALL",
      from: caller,
      to: timelock,
      input: "0x",
      calls: [
        { type: "CREATE2", from: timelock, to: recipient, input: "0x60", value: "0x0" },
        { type: "CREATE", from: timelock, to: token, input: "0x60", error: "out of gas" },
      ],
    };
    expect(createdContracts(created)).toEqual([recipient]);
  });

  it("takes the revert data of the call that failed", () => {
    expect(revertData(executeTrace(true))).toBe("0xe450d38c");
    // A wrapper that says something of its own (Compound's timelock) is what the executor saw.
    const wrapped: CallFrame = {
      type: "CALL",
      from: governor,
      to: timelock,
      input: "0x",
      error: "execution reverted",
      output: "0x08c379a0aa" as Hex,
      calls: [{ type: "CALL", from: timelock, to: token, input: "0x", error: "execution reverted", output: "0x" }],
    };
    expect(revertData(wrapped)).toBe("0x08c379a0aa");
  });
});
