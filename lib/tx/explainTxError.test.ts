import {
  type Abi,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  HttpRequestError,
  InsufficientFundsError,
  parseAbi,
  UserRejectedRequestError,
} from "viem";
import { describe, expect, it } from "vitest";
import { governorErrorAbi } from "../governor/adapter";
import { describeRevertString, explainTxError, statesInBitmap } from "./explainTxError";

const castVoteAbi = parseAbi(["function castVote(uint256 proposalId, uint8 support) returns (uint256)"]);

/** The error viem throws when a simulated call reverts with `data`. */
function revertedWith(data: `0x${string}`, abi: Abi = castVoteAbi) {
  const cause = new ContractFunctionRevertedError({ abi, data, functionName: "castVote" });
  return new ContractFunctionExecutionError(cause, { abi, functionName: "castVote", args: [1n, 1] });
}

describe("explainTxError", () => {
  it("says a rejection in the wallet sent nothing", () => {
    const error = new UserRejectedRequestError(new Error("User denied transaction signature."));
    expect(explainTxError(error)).toEqual({
      kind: "rejected",
      message: "You rejected the request in your wallet. Nothing was sent.",
    });
    expect(explainTxError({ code: 4001, message: "denied" }).kind).toBe("rejected");
  });

  it("decodes the governor's custom errors even when the call's ABI lacks them", () => {
    const data = encodeErrorResult({
      abi: governorErrorAbi,
      errorName: "GovernorAlreadyCastVote",
      args: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"],
    });
    expect(explainTxError(revertedWith(data))).toEqual({
      kind: "reverted",
      message: "This account has already voted on this proposal.",
    });
  });

  it("names the proposal's state and the states the call needs", () => {
    // expectedStates: Active (1) only.
    const data = encodeErrorResult({
      abi: governorErrorAbi,
      errorName: "GovernorUnexpectedProposalState",
      args: [7n, 4, `0x${"0".repeat(63)}2`],
    });
    expect(explainTxError(revertedWith(data, [...castVoteAbi, ...governorErrorAbi])).message).toBe(
      "The proposal is Succeeded; this needs it to be Active.",
    );
    expect(statesInBitmap(0b0011_0000n)).toEqual(["Succeeded", "Queued"]);
  });

  it("quotes a revert string as plain, clipped text", () => {
    const data = encodeErrorResult({
      abi: parseAbi(["error Error(string)"]),
      errorName: "Error",
      args: [`nope <img src=x onerror=alert(1)>${"x".repeat(300)}`],
    });
    const { kind, message } = explainTxError(revertedWith(data));
    expect(kind).toBe("reverted");
    expect(message.startsWith("The contract refused: “nope <img src=x onerror=alert(1)>")).toBe(true);
    expect(message.length).toBeLessThan(230);
  });

  it("turns OpenZeppelin 4.x, GovernorBravo and Compound Timelock revert strings into sentences", () => {
    const explain = (reason: string) =>
      explainTxError(
        revertedWith(encodeErrorResult({ abi: parseAbi(["error Error(string)"]), errorName: "Error", args: [reason] })),
      );
    expect(explain("Governor: vote not currently active")).toEqual({
      kind: "reverted",
      message: "Voting on this proposal is not open: it has not started yet, or it has ended.",
    });
    expect(explain("GovernorVotingSimple: vote already cast").message).toBe(
      "This account has already voted on this proposal.",
    );
    expect(explain("GovernorCompatibilityBravo: vote already cast").message).toBe(
      "This account has already voted on this proposal.",
    );
    expect(explain("GovernorBravo::castVoteInternal: voter already voted").message).toBe(
      "This account has already voted on this proposal.",
    );
    // The propose form recognises this one to explain votes delegated in the latest block.
    expect(explain("Governor: proposer votes below proposal threshold").message).toMatch(
      /below the proposal threshold/,
    );
    expect(explain("Governor: proposal not successful").message).toMatch(/must have passed \(Succeeded\)/);
    expect(explain("Governor: proposal already exists").message).toMatch(/already exists/);
    expect(explain("TimelockController: operation is not ready").message).toBe(
      "The timelock delay has not passed yet: the proposal can be executed from its ETA.",
    );
    expect(explain("Timelock::executeTransaction: Transaction hasn't surpassed time lock.").message).toBe(
      "The timelock delay has not passed yet: the proposal can be executed from its ETA.",
    );
    expect(explain("Timelock::executeTransaction: Transaction is stale.").message).toMatch(
      /grace period has passed \(it is Expired\)/,
    );
    expect(explain("GovernorCompatibilityBravo: invalid vote type").message).toBe(
      "This governor does not count that kind of vote.",
    );
    expect(explain("GovernorBravo: invalid signatures length").message).toMatch(/one function signature per action/);
    expect(explain("Uni::getPriorVotes: not yet determined").message).toMatch(/not been mined yet/);
  });

  it("leaves unknown revert strings as quoted, inert text, and never matches prototype members", () => {
    expect(describeRevertString("constructor")).toBeUndefined();
    expect(describeRevertString("__proto__")).toBeUndefined();
    expect(describeRevertString("toString")).toBeUndefined();
    expect(describeRevertString("Governor: vote not currently active ")).toMatch(/not open/);
    const data = encodeErrorResult({
      abi: parseAbi(["error Error(string)"]),
      errorName: "Error",
      args: ["Governor: something new"],
    });
    expect(explainTxError(revertedWith(data)).message).toBe("The contract refused: “Governor: something new”.");
  });

  it("decodes fractional counting's custom errors (OpenZeppelin 5.x)", () => {
    const exceed = encodeErrorResult({
      abi: governorErrorAbi,
      errorName: "GovernorExceedRemainingWeight",
      args: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 10n, 5n],
    });
    expect(explainTxError(revertedWith(exceed)).message).toBe(
      "The split uses more voting power than this account has left on this proposal (part of it was already cast).",
    );
    const params = encodeErrorResult({ abi: governorErrorAbi, errorName: "GovernorInvalidVoteParams" });
    expect(explainTxError(revertedWith(params)).message).toMatch(/^The vote's parameters are not what/);
    const nft = encodeErrorResult({ abi: governorErrorAbi, errorName: "ERC721NonexistentToken", args: [3n] });
    expect(explainTxError(revertedWith(nft)).message).toBe("That NFT does not exist.");
  });

  it("names an unknown custom error by its selector", () => {
    const data = encodeErrorResult({ abi: parseAbi(["error Weird(uint256)"]), errorName: "Weird", args: [1n] });
    expect(explainTxError(revertedWith(data)).message).toMatch(/an error Commons does not know \(0x[0-9a-f]{8}\)/);
  });

  it("explains a panic", () => {
    const data = encodeErrorResult({ abi: parseAbi(["error Panic(uint256)"]), errorName: "Panic", args: [0x11n] });
    expect(explainTxError(revertedWith(data)).message).toBe(
      "The contract stopped on an arithmetic overflow or underflow.",
    );
  });

  it("tells gas money and network failures apart", () => {
    expect(explainTxError(new InsufficientFundsError()).kind).toBe("funds");
    expect(explainTxError(new HttpRequestError({ url: "http://127.0.0.1:9" })).kind).toBe("network");
    expect(explainTxError(new Error("boom\nstack")).message).toBe("boom");
  });
});
